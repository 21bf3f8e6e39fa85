// Who may do what: the one table of role × action (issue 14). Pages, API routes, server actions
// (`mutate({ roles: rolesFor(...) })`), the header's links and the CLI all ask here. Which rows a
// permitted user then sees (their department, a reporter's offices) is scope: lib/auth/scope.ts.
// No framework imports: a pure table, unit-tested in permissions.test.ts.
import type { Role } from "../auth";

export type Action =
  | "department.view" // the department's pages and API (the finance bureau is sent to /city)
  | "city.view" // the city roll-up: /city, /city/<dept>, GET /api/v1/city
  | "dashboard.view" // the dashboard link in the header
  | "my.view" // "my indicators" link in the header
  | "report.write" // fill in and submit a monthly report for one's own office
  | "report.review" // approve or return submitted reports (/review)
  | "budget.write" // record a sub-project's budget execution (reporters: their offices' only)
  | "indicator.audit" // the change history on an indicator's page
  | "evaluation.read" // self-evaluation pages, the annual summary, report downloads
  | "evaluation.score" // edit and finalise a self-evaluation
  | "admin.view" // the admin hub and its header link
  | "tables.edit" // indicator tables: projects, goals, indicators, revisions, overrides, rollover, export
  | "accounts.manage" // user accounts and offices
  | "periods.manage" // open and close reporting months
  | "quality.view" // the data-quality page
  | "import.run" // import a department's tables from a workbook
  | "onboard.run"; // onboard a department from its budget documents

const TABLE: Record<Action, readonly Role[]> = {
  "department.view": ["admin", "manager", "evaluator", "reporter"],
  "city.view": ["finance"],
  "dashboard.view": ["admin", "manager", "evaluator"],
  "my.view": ["reporter"],
  "report.write": ["reporter"],
  "report.review": ["manager", "admin"],
  "budget.write": ["reporter", "manager", "admin"],
  "indicator.audit": ["admin", "manager", "evaluator"],
  "evaluation.read": ["evaluator", "manager", "admin"],
  "evaluation.score": ["evaluator", "admin"],
  "admin.view": ["admin"],
  "tables.edit": ["admin"],
  "accounts.manage": ["admin"],
  "periods.manage": ["admin"],
  "quality.view": ["admin"],
  "import.run": ["admin"],
  "onboard.run": ["admin"],
};

export const ACTIONS = Object.keys(TABLE) as Action[];

/** May a user of this role do this? Unknown roles (a stale token) may do nothing. */
export function can(role: string | null | undefined, action: Action): boolean {
  return role != null && (TABLE[action] as readonly string[]).includes(role);
}

/** The roles allowed an action, for `mutate({ roles: rolesFor("report.review"), ... })`. */
export function rolesFor(action: Action): Role[] {
  return [...TABLE[action]];
}
