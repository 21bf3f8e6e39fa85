import "server-only";
import { DomainError, mutate } from "../actions/mutation";
import type { CurrentUser } from "../auth";
import { rolloverInput } from "../validations/admin-tables";
import { copyYear, RolloverRefused, type RolloverSummary } from "./year-copy";

export { combineResults, copyYear, type RolloverSummary } from "./year-copy";

/** Admin: roll a year's tables into the next (the rollover page). One audit row on the new Year. */
export function rollover(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: rolloverInput,
    roles: ["admin"],
    run: async (tx, _me, i) => {
      let summary: RolloverSummary;
      try {
        summary = await copyYear(tx, i);
      } catch (e) {
        throw e instanceof RolloverRefused ? new DomainError(e.error) : e;
      }
      return { data: summary, audit: { action: "rollover", entity: "Year", entityId: String(i.to), before: null, after: summary } };
    },
  });
}
