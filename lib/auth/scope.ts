import "server-only";
import type { Prisma } from "../db/generated/sqlite/client";
import type { CurrentUser } from "./index";

// Access goes into the query's `where`, never into an `if` after the read: a missed check
// cannot leak another office's rows. Reporters see what their offices are responsible for;
// managers, evaluators and admins see the whole department (one department per installation).

export function indicatorScope(user: CurrentUser): Prisma.IndicatorWhereInput {
  return user.role === "reporter" ? { orgs: { some: { organizationId: { in: user.orgIds } } } } : {};
}

export function reportScope(user: CurrentUser): Prisma.ReportWhereInput {
  return user.role === "reporter" ? { organizationId: { in: user.orgIds } } : {};
}

/** Organisations this user may write reports for (reporters: their own; nobody else writes). */
export function writableOrgs(user: CurrentUser): number[] {
  return user.role === "reporter" ? user.orgIds : [];
}
