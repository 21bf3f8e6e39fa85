import "server-only";
import type { Prisma } from "../db/generated/sqlite/client";
import type { CurrentUser } from "./user";

// Access goes into the query's `where`, never into an `if` after the read: a missed check
// cannot leak another office's rows. Every account works in one department and sees only that
// department's rows; reporters, within it, only what their offices are responsible for. The
// finance bureau (role finance) reads every department (docs/decisions/009).
//
// The scopes are `AND` lists so that spreading one into a `where` never replaces a condition the
// caller wrote on the same relation (`{ goal: { projectId }, ...indicatorScope(user) }`).

/**
 * The department whose rows the user may see; null: every department (a finance account, unless
 * narrowed to one with `narrowedTo`). -1 matches nothing: an account without a department sees nothing.
 */
export function departmentOf(user: CurrentUser): number | null {
  if (user.role === "finance") return user.departmentId;
  return user.departmentId ?? -1;
}

/** A finance account's reads narrowed to one department (its drill-down pages); it still writes nothing. */
export function narrowedTo(user: CurrentUser, departmentId: number): CurrentUser {
  return { ...user, departmentId };
}

/** The user's own department, for what exists only per department (forms, tables); -1 (nothing) for finance. */
export function ownDepartment(user: CurrentUser): number {
  return departmentOf(user) ?? -1;
}

/** For the models that carry departmentId themselves: Project, Goal, Organization. */
export function departmentScope(user: CurrentUser): { departmentId?: number } {
  const d = departmentOf(user);
  return d == null ? {} : { departmentId: d };
}

export function indicatorScope(user: CurrentUser): Prisma.IndicatorWhereInput {
  const and: Prisma.IndicatorWhereInput[] = [];
  const d = departmentOf(user);
  if (d != null) and.push({ goal: { departmentId: d } });
  if (user.role === "reporter") and.push({ orgs: { some: { organizationId: { in: user.orgIds } } } });
  return { AND: and };
}

export function reportScope(user: CurrentUser): Prisma.ReportWhereInput {
  const and: Prisma.ReportWhereInput[] = [];
  const d = departmentOf(user);
  if (d != null) and.push({ organization: { departmentId: d } });
  if (user.role === "reporter") and.push({ organizationId: { in: user.orgIds } });
  return { AND: and };
}

/** Organisations this user may write reports for (reporters: their own; nobody else writes). */
export function writableOrgs(user: CurrentUser): number[] {
  return user.role === "reporter" ? user.orgIds : [];
}
