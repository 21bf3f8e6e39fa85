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

/**
 * The offices a user is narrowed to within the department: a reporter's own; null, not narrowed
 * (every office of the department). The one place the reporter's narrowing is decided: every scope
 * below and `coversOffice` follow it.
 */
function ownOfficesOnly(user: CurrentUser): number[] | null {
  return user.role === "reporter" ? user.orgIds : null;
}

/**
 * Whether the user's rows include this office's (within the department, which the query's scope
 * checks). A reporter's only their own offices; null (no office, e.g. a second-level project without
 * an executing unit) is nobody's own office, so only the un-narrowed roles cover it.
 */
export function coversOffice(user: CurrentUser, orgId: number | null): boolean {
  const own = ownOfficesOnly(user);
  return own == null || (orgId != null && own.includes(orgId));
}

export function indicatorScope(user: CurrentUser): Prisma.IndicatorWhereInput {
  const and: Prisma.IndicatorWhereInput[] = [];
  const d = departmentOf(user);
  if (d != null) and.push({ goal: { departmentId: d } });
  const own = ownOfficesOnly(user);
  if (own) and.push({ orgs: { some: { organizationId: { in: own } } } });
  return { AND: and };
}

/**
 * One indicator's page (the catalogue's and the report page): a retired row stays readable, with its
 * reports, for those who manage; reporters no longer see or report on it. Lists leave retired rows
 * out for everyone (`retiredAt: null` in the list's own where).
 */
export function indicatorPageScope(user: CurrentUser): Prisma.IndicatorWhereInput {
  const scope = indicatorScope(user);
  return ownOfficesOnly(user) ? { AND: [scope, { retiredAt: null }] } : scope;
}

/**
 * Indicators' responsible-office links (IndicatorOrg) whose indicator matches `indicator` and is in
 * the user's scope; a reporter's, their own offices' links only. The indicator's conditions stay in
 * one relation filter, as the caller would write them.
 */
export function indicatorOfficeScope(user: CurrentUser, indicator: Prisma.IndicatorWhereInput): Prisma.IndicatorOrgWhereInput {
  const own = ownOfficesOnly(user);
  return { indicator: { AND: [indicator, indicatorScope(user)] }, ...(own ? { organizationId: { in: own } } : {}) };
}

export function reportScope(user: CurrentUser): Prisma.ReportWhereInput {
  const and: Prisma.ReportWhereInput[] = [];
  const d = departmentOf(user);
  if (d != null) and.push({ organization: { departmentId: d } });
  const own = ownOfficesOnly(user);
  if (own) and.push({ organizationId: { in: own } });
  return { AND: and };
}

/**
 * Second-level projects whose spending the user may record (with the permission budget.write):
 * a reporter's those their offices execute; a manager's or admin's every one of the department
 * (before this was one home, a manager could record another department's spending by its id).
 * `coversOffice(user, sub.unitId)` is the same rule for a row already read (the project page's form).
 */
export function subProjectWriteScope(user: CurrentUser): Prisma.SubProjectWhereInput {
  const and: Prisma.SubProjectWhereInput[] = [];
  const d = departmentOf(user);
  if (d != null) and.push({ project: { departmentId: d } });
  const own = ownOfficesOnly(user);
  if (own) and.push({ unitId: { in: own } });
  return { AND: and };
}

/** Organisations this user may write reports for (reporters: their own; nobody else writes). */
export function writableOrgs(user: CurrentUser): number[] {
  return ownOfficesOnly(user) ?? [];
}
