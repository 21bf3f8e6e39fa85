import "server-only";
import { mutate } from "../actions";
import type { CurrentUser } from "../auth";
import { ownDepartment } from "../auth";
import { rolloverInput } from "../validations";
import { copyYear } from "./year-copy";
import { rolesFor } from "../access";

export { combineResults, copyYear, type RolloverSummary } from "./year-copy";

/** Admin: roll their department's tables of a year into the next (the rollover page). One audit row on the new Year. */
export function rollover(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: rolloverInput,
    roles: rolesFor("tables.edit"),
    // Copies a whole year of rows: well past Prisma's 5 s default on PostgreSQL under load.
    timeout: 120_000,
    run: async (tx, me, i) => {
      const summary = await copyYear(tx, ownDepartment(me), i);
      // Each department rolls over on its own: the audit row says whose tables were copied.
      return { data: summary, audit: { action: "rollover", entity: "Year", entityId: String(i.to), before: null, after: { departmentId: ownDepartment(me), ...summary } } };
    },
  });
}
