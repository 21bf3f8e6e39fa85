// The test-data factory (prisma/seed/factories.ts): rows with unique names, passwords hashed as the
// app hashes them, and drop() taking exactly what was built (and what the app wrote on it) away.
import { describe, expect, it } from "vitest";
import { prisma } from "../lib/db/prisma";
import { verifyPassword } from "../lib/auth/password";
import { apiUser } from "../lib/api/http";
import { saveReport } from "../lib/reporting/service";
import { factory } from "../prisma/seed/factories";
import { asUser, seededDepartment } from "./users";

/** Row counts of every table the builders write. */
async function counts() {
  const [departments, offices, aliases, projects, subProjects, goals, indicators, links, users, userOrgs, reports, periods, years, audits] = await Promise.all([
    prisma.department.count(),
    prisma.organization.count(),
    prisma.orgAlias.count(),
    prisma.project.count(),
    prisma.subProject.count(),
    prisma.goal.count(),
    prisma.indicator.count(),
    prisma.indicatorOrg.count(),
    prisma.user.count(),
    prisma.userOrg.count(),
    prisma.report.count(),
    prisma.period.count(),
    prisma.year.count(),
    prisma.auditLog.count(),
  ]);
  return { departments, offices, aliases, projects, subProjects, goals, indicators, links, users, userOrgs, reports, periods, years, audits };
}

const bearer = (t: string) => new Request("http://localhost/api/v1/indicators", { headers: { authorization: `Bearer ${t}` } });

describe("the test-data factory", () => {
  it("builds a department's tables, offices, accounts and reports, and drop() removes exactly them", async () => {
    const before = await counts();
    const build = factory(prisma);
    const dept = await build.department({ profileYear: 2024 });
    const office = await build.office({ departmentId: dept.id, aliases: ["别名处"] });
    const project = await build.project({ departmentId: dept.id });
    await build.subProject({ projectId: project.id, unitId: office.id });
    const goal = await build.goal({ departmentId: dept.id, project });
    const ind = await build.indicator({ goal, targetText: "≥200人", orgs: [office.id] });
    expect(ind).toMatchObject({ year: 2024, tableNo: "12-1", term: "annual", targetKind: "quantitative", targetComparator: ">=", targetValue: 200, targetUnit: "人" });
    const reporter = await build.user({ role: "reporter", departmentId: dept.id, orgIds: [office.id], password: "a-password-123" });
    expect(reporter).toMatchObject({ role: "reporter", departmentId: dept.id, orgIds: [office.id] });
    await build.report({ indicatorId: ind.id, organizationId: office.id, by: reporter.id });
    await build.period({ year: 2091, month: 3, closed: true });
    await build.year(2091);
    // What the application writes on built rows goes with them: a report saved through the service, with its audit row.
    const saved = await saveReport({ indicatorId: ind.id, organizationId: office.id, year: 2024, month: 2, valueText: "200人" }, reporter);
    expect("error" in saved ? saved.error : "ok").toBe("ok");
    expect(await counts()).not.toEqual(before);
    await build.drop();
    expect(await counts()).toEqual(before);
  });

  it("gives unique usernames and codes, and hashes a password as the app does", async () => {
    const build = factory(prisma);
    try {
      const D = await seededDepartment();
      const [a, b] = [await build.user({ role: "manager", departmentId: D }), await build.user({ role: "manager", departmentId: D })];
      expect(a.username).not.toBe(b.username);
      const [x, y] = [await build.department(), await build.department()];
      expect(x.code).not.toBe(y.code);
      const withPassword = await build.user({ role: "evaluator", departmentId: D, password: "Jixiao#2024" });
      const stored = await prisma.user.findUniqueOrThrow({ where: { id: withPassword.id } });
      expect(stored.passwordHash).toMatch(/^scrypt\$/);
      expect(await verifyPassword("Jixiao#2024", stored.passwordHash)).toBe(true);
      // Without a password, none signs the account in.
      expect(await verifyPassword("", (await prisma.user.findUniqueOrThrow({ where: { id: a.id } })).passwordHash)).toBe(false);
    } finally {
      await build.drop();
    }
  });

  it("a token on an account it did not build authenticates it, and drop() puts the account's previous token back", async () => {
    const jiangan = await asUser("jiangan");
    const previous = (await prisma.user.findUniqueOrThrow({ where: { id: jiangan.id } })).apiTokenHash;
    const build = factory(prisma);
    const token = await build.token({ username: "jiangan" });
    expect((await apiUser(bearer(token)))?.id).toBe(jiangan.id);
    await build.drop();
    expect(await apiUser(bearer(token))).toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: jiangan.id } })).apiTokenHash).toBe(previous);
  });
});
