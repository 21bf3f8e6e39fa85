import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../auth/user";
import { ACTIONS, can, rolesFor, type Action } from "./permissions";

// What the code allowed before the table (commit 4c92faa), written out from the guards it replaced,
// not from the table: each action, the check that stood for it, and who passed that check.
const BEFORE: Record<Action, { was: string; roles: Role[] }> = {
  // requireUser (lib/access/require.ts): finance is sent to /city; api/v1/indicators, dashboard export: finance → cityOnly
  "department.view": { was: 'user.role === "finance" → /city', roles: ["admin", "manager", "evaluator", "reporter"] },
  "city.view": { was: 'city pages, api/v1/city: user.role !== "finance" → forbidden', roles: ["finance"] },
  "dashboard.view": { was: 'header: user && user.role !== "reporter" (finance: its own branch)', roles: ["admin", "manager", "evaluator"] },
  "my.view": { was: 'header: user?.role === "reporter"', roles: ["reporter"] },
  "report.write": { was: 'reporting/service.ts roles: ["reporter"]; report page canWrite', roles: ["reporter"] },
  "report.review": { was: 'reporting/service.ts roles: ["manager", "admin"]; /review; header', roles: ["manager", "admin"] },
  "budget.write": { was: 'reporting/budget.ts roles: ["reporter", "manager", "admin"]; projects/[code] writable', roles: ["reporter", "manager", "admin"] },
  // indicators/[id]: user.role !== "reporter"; finance never reaches the page (sent to /city)
  "indicator.audit": { was: 'indicators/[id]: user.role !== "reporter"', roles: ["admin", "manager", "evaluator"] },
  "evaluation.read": { was: 'evaluation pages: ["evaluator", "manager", "admin"]; reports/http.ts READERS', roles: ["evaluator", "manager", "admin"] },
  "evaluation.score": { was: 'reports/evaluation.ts SCORERS; evaluation/[code] canEdit', roles: ["evaluator", "admin"] },
  "admin.view": { was: 'admin/page.tsx; header: user?.role === "admin"', roles: ["admin"] },
  "tables.edit": { was: 'admin/tables.ts, revisions.ts, rollover.ts, catalogue/override.ts roles: ["admin"]; tables pages; api/v1/admin/tables', roles: ["admin"] },
  "accounts.manage": { was: 'admin/accounts.ts, admin/orgs.ts roles: ["admin"]; users and orgs pages', roles: ["admin"] },
  "periods.manage": { was: 'reporting/periods.ts roles: ["admin"]; admin/periods page', roles: ["admin"] },
  "quality.view": { was: 'admin/quality page: user.role !== "admin"', roles: ["admin"] },
  "import.run": { was: 'import/server.ts ADMIN_ONLY; admin/import page', roles: ["admin"] },
  "onboard.run": { was: 'onboard/server.ts user.role !== "admin"; roles: ["admin"]; admin/onboard page', roles: ["admin"] },
};

describe("the permission table", () => {
  it("names every action the code checked before, and no other", () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(BEFORE).sort());
  });

  for (const action of Object.keys(BEFORE) as Action[]) {
    for (const role of ROLES) {
      const allowed = BEFORE[action].roles.includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${action} (${BEFORE[action].was})`, () => {
        expect(can(role, action)).toBe(allowed);
      });
    }
  }

  it("rolesFor lists exactly the roles can() allows, as a fresh array", () => {
    for (const action of ACTIONS) {
      expect([...rolesFor(action)].sort()).toEqual(ROLES.filter((r) => can(r, action)).sort());
      rolesFor(action).length = 0; // a caller emptying its copy changes nothing
      expect(rolesFor(action).length).toBeGreaterThan(0);
    }
    expect(rolesFor("report.review")).toEqual(["manager", "admin"]);
  });

  it("refuses nobody signed in and roles it does not know", () => {
    expect(ACTIONS.some((a) => can(null, a) || can(undefined, a) || can("superuser", a) || can("", a))).toBe(false);
  });

  it("keeps the finance bureau out of every department action and admins out of the city roll-up", () => {
    expect(ACTIONS.filter((a) => can("finance", a))).toEqual(["city.view"]);
    expect(can("admin", "city.view")).toBe(false);
  });
});
