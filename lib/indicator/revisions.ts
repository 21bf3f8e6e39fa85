import "server-only";
import { ownIndicator } from "./tables";
import { prisma } from "../db/prisma";
import { DomainError, mutate } from "../actions";
import type { CurrentUser } from "../auth";
import { revisionInput } from "../validations";
import { parseTarget } from "../targets";
import { revisedTargetChange } from "./target";
import { rolesFor } from "../access";

// Target revisions (调整): an approved mid-year change of a target, with its approval document.
// The printed target (年初指标值) never changes; each revision is kept as a row, the latest
// approved one is mirrored in Indicator.revisedTargetText and the effective target columns are
// parsed from it, so status and scoring (targetOf) use it without knowing revisions exist.

/** Records an approved revision and makes the latest one (by approval date) the effective target. */
export function reviseTarget(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: revisionInput,
    roles: rolesFor("tables.edit"),
    run: async (tx, me, i) => {
      const ind = await ownIndicator(tx, me, i.indicatorId);
      // Status and scores are computed from the parse: a text nobody can read would leave the row unjudged.
      if (parseTarget(i.targetText, ind.level3).kind === "unparsed")
        throw new DomainError({
          code: "invalid",
          message: { zh: `无法解析「${i.targetText}」，请按“≥25万人”“95%”“2024年12月”等形式填写`, en: `Cannot read "${i.targetText}"; write it like ≥25万人, 95% or 2024年12月` },
          fields: { targetText: ["无法解析 / cannot parse"] },
        });
      const rev = await tx.targetRevision.create({
        data: { indicatorId: ind.id, targetText: i.targetText, docNo: i.docNo, approvedOn: i.approvedOn, note: i.note, createdById: me.id },
      });
      // A revision entered late for an earlier approval does not replace a later one.
      const latest = await tx.targetRevision.findFirstOrThrow({ where: { indicatorId: ind.id }, orderBy: [{ approvedOn: "desc" }, { id: "desc" }] });
      const before = { revisedTargetText: ind.revisedTargetText, targetKind: ind.targetKind, targetComparator: ind.targetComparator, targetValue: ind.targetValue, targetUnit: ind.targetUnit };
      const data = revisedTargetChange(ind, latest.targetText);
      await tx.indicator.update({ where: { id: ind.id }, data });
      return {
        data: { id: ind.id, revisionId: rev.id, effective: latest.targetText },
        audit: { action: "target.revise", entity: "Indicator", entityId: String(ind.id), before, after: { revision: { id: rev.id, targetText: rev.targetText, docNo: rev.docNo, approvedOn: rev.approvedOn }, ...data } },
      };
    },
  });
}

export type RevisionRow = { id: number; targetText: string; docNo: string; approvedOn: string; note: string | null; by: string; at: Date; effective: boolean };

/**
 * An indicator's revisions, latest approval first, with who recorded each. Read by id: callers
 * pass an indicator they have already read through their own scope (the admin's edit page, the
 * indicator page).
 */
export async function listRevisions(indicatorId: number): Promise<RevisionRow[]> {
  const rows = await prisma.targetRevision.findMany({ where: { indicatorId }, orderBy: [{ approvedOn: "desc" }, { id: "desc" }] });
  const users = await prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } }, select: { id: true, name: true } });
  const name = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r, n) => ({ id: r.id, targetText: r.targetText, docNo: r.docNo, approvedOn: r.approvedOn, note: r.note, by: name.get(r.createdById) ?? String(r.createdById), at: r.createdAt, effective: n === 0 }));
}
