import "server-only";
import { ownIndicator } from "./tables";
import { parseTarget, type ParsedTarget } from "../targets";
import { encodeOverride } from "./row";
import { targetColumns } from "./target";
import { DomainError, mutate } from "../actions";
import type { CurrentUser } from "../auth";
import { targetOverrideInput } from "../validations";
import { rolesFor } from "../access";

/** Admin confirms or corrects the parse of a row's target (the printed text never changes). */
export function overrideTarget(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: targetOverrideInput,
    roles: rolesFor("tables.edit"),
    run: async (tx, me, i) => {
      const ind = await ownIndicator(tx, me, i.indicatorId);
      const before = { ...pick(ind), targetOverride: ind.targetOverride };
      let parsed: ParsedTarget;
      let override: string | null;
      if (i.mode === "clear") {
        parsed = parseTarget(ind.targetText, ind.level3);
        override = null;
      } else {
        parsed = parseTarget(i.expression, ind.level3);
        if (parsed.kind === "unparsed")
          throw new DomainError({
            code: "invalid",
            message: { zh: `无法解析「${i.expression}」`, en: `Cannot read "${i.expression}"` },
            fields: { expression: [`无法解析 / cannot parse`] },
          });
        if (i.direction !== "auto") parsed = { ...parsed, direction: i.direction };
        if (i.accumulation !== "auto") parsed = { ...parsed, accumulation: i.accumulation };
        override = encodeOverride({ expression: i.expression, direction: i.direction, accumulation: i.accumulation });
      }
      const data = { ...targetColumns(parsed), targetOverride: override };
      await tx.indicator.update({ where: { id: ind.id }, data });
      return {
        data: { id: ind.id },
        audit: { action: i.mode === "clear" ? "target.override.clear" : "target.override", entity: "Indicator", entityId: String(ind.id), before, after: data },
      };
    },
  });
}

function pick(i: { targetKind: string; targetComparator: string | null; targetValue: number | null; targetValueHigh: number | null; targetUnit: string | null; targetDirection: string | null; accumulation: string | null }) {
  return {
    targetKind: i.targetKind,
    targetComparator: i.targetComparator,
    targetValue: i.targetValue,
    targetValueHigh: i.targetValueHigh,
    targetUnit: i.targetUnit,
    targetDirection: i.targetDirection,
    accumulation: i.accumulation,
  };
}
