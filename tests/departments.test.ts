// Several departments in one installation (issue 7): everyone sees and writes only their own
// department; the finance bureau reads every department and writes nothing. A second department
// is made beside the seeded one and removed afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../lib/db/prisma";
import type { CurrentUser } from "../lib/auth/user";
import { narrowedTo } from "../lib/auth/scope";
import { getDepartmentView, getIndicator, getProjectView, listIndicators, listProjects } from "../lib/catalogue/queries";
import { myIndicators, officeView, reportContext, reviewQueue } from "../lib/reporting/queries";
import { reviewReport, saveReport } from "../lib/reporting/service";
import { overview } from "../lib/dashboard/overview";
import { selfEvaluation } from "../lib/reports/self-eval";
import { saveEvaluation } from "../lib/reports/evaluation";
import { renderDocument } from "../lib/reports/documents";
import { cityRollup } from "../lib/reporting/city";
import { asUser, indicatorByName, orgByShortName, seededDepartment } from "./users";
import { factory } from "../prisma/seed/factories";
import { otherDepartment, type OtherDepartment } from "./departments";
import { cli } from "./cli-run";
import { verifyPassword } from "../lib/auth/password";

let other: OtherDepartment;
let D: number;
let manager: CurrentUser, evaluator: CurrentUser, jiangan: CurrentUser, finance: CurrentUser;
let shared: Awaited<ReturnType<typeof indicatorByName>>;
let jianganOrg: number;

beforeAll(async () => {
  D = await seededDepartment();
  other = await otherDepartment();
  [manager, evaluator, jiangan, finance] = await Promise.all(["manager", "evaluator", "jiangan", "finance"].map(asUser));
  shared = await indicatorByName("对参保对象组织开展稽核量", "12-5");
  jianganOrg = (await orgByShortName("江岸社保处")).id;
});
afterAll(async () => {
  await other.drop();
});

const errorOf = (r: { error?: { code: string } } | object) => ("error" in r && r.error ? r.error.code : "ok");

describe("department scoping: reads", () => {
  it("a manager's catalogue, indicator pages, projects and department page are the own department's", async () => {
    const rows = await listIndicators({ year: 2024 }, manager);
    expect(rows.length).toBeGreaterThan(200);
    expect(rows.some((r) => r.id === other.indicatorId || r.id === other.deptIndicatorId)).toBe(false);
    expect(await getIndicator(other.indicatorId, manager)).toBeNull();
    expect(await reportContext(manager, other.indicatorId, 2024)).toBeNull();
    expect((await listProjects(2024, manager)).map((p) => p.code)).not.toContain(other.projectCode);
    expect(await getProjectView(other.projectCode, 2024, manager)).toBeNull();
    const view = await getDepartmentView(2024, manager);
    expect(view?.dept.id).toBe(D);
    expect(view?.goals.some((g) => g.id === other.deptGoalId)).toBe(false);
    expect(await officeView(manager, other.orgId, 2024, 1)).toBeNull();
  });

  it("the other department's people see theirs and not the seeded one's", async () => {
    const theirs = await listIndicators({ year: 2024 }, other.users.manager);
    expect(theirs.map((r) => r.id).sort()).toEqual([other.indicatorId, other.deptIndicatorId].sort());
    expect((await getDepartmentView(2024, other.users.manager))?.dept.id).toBe(other.id);
    expect(await getIndicator(shared.id, other.users.manager)).toBeNull();
    expect((await myIndicators(other.users.reporter, 2024, 1)).map((l) => l.indicator.id).sort()).toEqual([other.indicatorId, other.deptIndicatorId].sort());
  });

  it("review queues and dashboards hold the own department's reports only", async () => {
    expect((await reviewQueue(manager, 2024)).some((r) => r.id === other.reportId)).toBe(false);
    expect((await reviewQueue(other.users.manager, 2024)).map((r) => r.id)).toEqual([other.reportId]);
    const o = await overview(other.users.manager, 2024, 1);
    expect(o.overall?.total).toBe(2);
    expect(o.budget.map((b) => b.code)).toEqual([other.projectCode]);
    expect(o.completeness.map((c) => c.orgId)).toEqual([other.orgId]);
  });

  it("self-evaluation forms and downloads are per department", async () => {
    expect(await selfEvaluation(D, `project:${other.projectCode}`, 2024)).toBeNull();
    expect((await selfEvaluation(other.id, `project:${other.projectCode}`, 2024))?.projectName).toBe("其他部门项目");
    expect((await selfEvaluation(other.id, "department", 2024))?.department).toBe(`测试部门${other.code}`);
    expect((await selfEvaluation(D, "department", 2024))?.department).toBe("武汉市人力资源和社会保障局");
    expect(await renderDocument({ kind: "self-eval", scope: `project:${other.projectCode}`, year: 2024, format: "json" }, D)).toBeNull();
  });
});

describe("department scoping: writes", () => {
  it("a manager cannot review another department's report (not found, nothing written)", async () => {
    const before = await prisma.report.findUniqueOrThrow({ where: { id: other.reportId } });
    expect(errorOf(await reviewReport({ reportId: other.reportId, decision: "approve", expectedVersion: before.version }, manager))).toBe("not_found");
    expect(await prisma.report.findUniqueOrThrow({ where: { id: other.reportId } })).toEqual(before);
  });

  it("a reporter cannot report on another department's indicator, even naming its office", async () => {
    const n = await prisma.report.count();
    expect(errorOf(await saveReport({ indicatorId: other.indicatorId, organizationId: other.orgId, year: 2024, month: 2, valueText: "20" }, jiangan))).toBe("forbidden");
    expect(errorOf(await saveReport({ indicatorId: shared.id, organizationId: jianganOrg, year: 2024, month: 2, valueText: "20" }, other.users.reporter))).toBe("forbidden");
    expect(await prisma.report.count()).toBe(n);
  });

  it("an evaluator's settings land in the own department; the same scope elsewhere is untouched", async () => {
    const settings = { notApplicable: [], adjustments: [], weights: {} };
    const seeded = () => prisma.evaluation.findMany({ where: { departmentId: D, scope: "department" } });
    const before = await seeded();
    expect(errorOf(await saveEvaluation({ year: 2024, scope: "department", expectedVersion: 0, settings }, other.users.evaluator))).toBe("ok");
    expect(await prisma.evaluation.findMany({ where: { scope: "department", year: 2024 }, select: { departmentId: true } })).toEqual(
      expect.arrayContaining([{ departmentId: other.id }]),
    );
    expect(await seeded()).toEqual(before);
    // The seeded evaluator cannot save against the other department's project (not found there).
    expect(errorOf(await saveEvaluation({ year: 2024, scope: `project:${other.projectCode}`, expectedVersion: 0, settings }, evaluator))).toBe("not_found");
  });
});

describe("the finance bureau", () => {
  it("is an account without a department that writes nothing", async () => {
    expect(finance.role).toBe("finance");
    expect(finance.departmentId).toBeNull();
    const before = await prisma.report.findUniqueOrThrow({ where: { id: other.reportId } });
    expect(errorOf(await reviewReport({ reportId: other.reportId, decision: "approve", expectedVersion: before.version }, finance))).toBe("forbidden");
    expect(errorOf(await saveReport({ indicatorId: other.indicatorId, organizationId: other.orgId, year: 2024, month: 2, valueText: "20" }, finance))).toBe("forbidden");
    expect(errorOf(await saveEvaluation({ year: 2024, scope: "department", expectedVersion: 0, settings: {} }, finance))).toBe("forbidden");
    expect(await prisma.report.findUniqueOrThrow({ where: { id: other.reportId } })).toEqual(before);
  });

  it("rolls up every department: the same lights each department's own overview counts", async () => {
    const city = await cityRollup(2024, 1);
    expect(city.departments.map((d) => d.id).sort()).toEqual([D, other.id].sort());
    const mine = city.departments.find((d) => d.id === D);
    const theirs = city.departments.find((d) => d.id === other.id);
    const [ownOverview, otherOverview] = await Promise.all([overview(manager, 2024, 1), overview(other.users.manager, 2024, 1)]);
    // The department's overview counts 表11 and projects alike: one light per annual indicator.
    expect(mine?.lights).toEqual(ownOverview.overall);
    expect(theirs?.lights).toEqual(otherOverview.overall);
    expect(theirs).toMatchObject({ indicators: 2, owed: 2, reported: 1, submitted: 1, budgetYuan: 1_000_000, spentYuan: 0 });
    expect(city.totals.indicators).toBe((mine?.indicators ?? 0) + 2);
  });

  it("sums spending to date per department as each project's latest figure up to the month", async () => {
    const sub = await other.build.subProject({ projectId: other.projectId, code: "01", name: "子项目", unitText: "测试处", sortOrder: 1, totalYuan: 1_000_000 });
    const row = (month: number, spentYuan: number) => ({ projectId: other.projectId, subProjectId: sub.id, year: 2024, month, spentYuan, updatedById: other.users.manager.id });
    await prisma.budgetExecution.createMany({ data: [row(1, 100_000), row(2, 300_000), row(5, 450_000)] });
    const spentAt = async (m: number) => (await cityRollup(2024, m)).departments.find((d) => d.id === other.id)?.spentYuan;
    expect([await spentAt(1), await spentAt(3), await spentAt(12)]).toEqual([100_000, 300_000, 450_000]);
    const o = await overview(other.users.manager, 2024, 3);
    expect(o.budget.map((b) => b.spentYuan)).toEqual([300_000]);
  });

  it("agrees with the department's overview on reports: a shortfall at the month, a completion reported months before", async () => {
    const deadline = await prisma.indicator.findFirstOrThrow({ where: { year: 2024, term: "annual", targetKind: "deadline", goal: { departmentId: D } }, include: { orgs: true } });
    // 每月1次: January and March reported, February not: 2 of 3 due by March is yellow (March alone would be red).
    const monthly = await prisma.indicator.findFirstOrThrow({ where: { year: 2024, term: "annual", targetKind: "frequency", targetText: "每月1次", goal: { departmentId: D } }, include: { orgs: true } });
    const by = { by: jiangan.id, year: 2024, status: "submitted", submittedAt: new Date() };
    const build = factory(prisma);
    try {
      await build.report({ ...by, indicatorId: deadline.id, organizationId: deadline.orgs[0].organizationId, month: 1, valueText: "已完成 2024-01-20", value: null, doneDate: "2024-01-20" });
      await build.report({ ...by, indicatorId: shared.id, organizationId: jianganOrg, month: 3, valueText: "10", value: 10, deviationReason: "测试", correctiveMeasure: "测试" });
      for (const month of [1, 3]) await build.report({ ...by, indicatorId: monthly.id, organizationId: monthly.orgs[0].organizationId, month, valueText: "1", value: 1 });
      const [city, own] = await Promise.all([cityRollup(2024, 3), overview(manager, 2024, 3)]);
      expect(city.departments.find((d) => d.id === D)?.lights).toEqual(own.overall);
      expect(own.overall?.green).toBeGreaterThan(0); // the completion counts in March
      expect(own.overall?.yellow).toBeGreaterThan(0); // the frequency, from January and March together
      expect((own.overall?.red ?? 0) + (own.overall?.yellow ?? 0)).toBeGreaterThan(1);
    } finally {
      await build.drop();
    }
  });

  it("narrowed to one department, reads exactly what that department's manager reads", async () => {
    const narrowed = narrowedTo(finance, other.id);
    const [a, b] = await Promise.all([overview(narrowed, 2024, 1), overview(other.users.manager, 2024, 1)]);
    expect(a).toEqual(b);
    expect((await listIndicators({ year: 2024 }, narrowed)).map((r) => r.id).sort()).toEqual([other.indicatorId, other.deptIndicatorId].sort());
  });
});

describe("finance bureau accounts are the installation's to make", () => {
  it("cli finance create: no department, no offices, a password printed once, audited as from the command line", async () => {
    try {
      const r = cli(["finance", "create", "--username", "fin-test", "--name", "市财政局 测试"]);
      expect(r.stderr).toContain("created the finance bureau account fin-test");
      expect(r.code).toBe(0);
      const [name, password] = r.stdout.trim().split("\t");
      expect(name).toBe("fin-test");
      const u = await prisma.user.findUniqueOrThrow({ where: { username: "fin-test" }, include: { orgs: true } });
      expect(u).toMatchObject({ role: "finance", departmentId: null, orgs: [] });
      expect(await verifyPassword(password, u.passwordHash)).toBe(true);
      const audit = await prisma.auditLog.findFirstOrThrow({ where: { entity: "User", entityId: String(u.id), action: "user.create" } });
      expect(JSON.parse(audit.after ?? "{}")).toMatchObject({ role: "finance", via: "cli" });
      expect(audit.after).not.toContain(password);
      // Taken names and bad input: a message, exit 2, nothing written.
      const again = cli(["finance", "create", "--username", "fin-test", "--name", "x"]);
      expect([again.code, again.stderr]).toEqual([2, expect.stringContaining("is taken")]);
      const bad = cli(["finance", "create", "--username", "Fin Test", "--name", "x"]);
      expect(bad.code).toBe(2);
      expect(await prisma.user.count({ where: { role: "finance" } })).toBe(2); // the demo account and this one
    } finally {
      const u = await prisma.user.findUnique({ where: { username: "fin-test" } });
      if (u) await prisma.$transaction([prisma.auditLog.deleteMany({ where: { entity: "User", entityId: String(u.id) } }), prisma.user.delete({ where: { id: u.id } })]);
    }
  });
});

describe("a new department is the installation's to make", () => {
  it("cli department create: the department, its department-level office and its first admin, who starts from empty tables", async () => {
    try {
      const r = cli(["department", "create", "--code", "598", "--name", "武汉市测试局", "--admin", "d598-first", "--admin-name", "测试局管理员"]);
      expect(r.stderr).toContain("created department 598");
      expect(r.code).toBe(0);
      const [name, password] = r.stdout.trim().split("\t");
      const u = await prisma.user.findUniqueOrThrow({ where: { username: name }, include: { orgs: true, department: true } });
      expect(u).toMatchObject({ role: "admin", department: { code: "598", name: "武汉市测试局" } });
      expect(await verifyPassword(password, u.passwordHash)).toBe(true);
      expect(await prisma.organization.findMany({ where: { departmentId: u.departmentId ?? -1 }, select: { kind: true, name: true } })).toEqual([{ kind: "department", name: "武汉市测试局" }]);
      const admin = await asUser(name);
      expect(await listIndicators({ year: 2024 }, admin)).toEqual([]);
      expect((await getDepartmentView(2024, admin))?.dept.code).toBe("598");
      expect((await cityRollup(2024, 1)).departments.map((d) => d.code)).toContain("598");
      // Nobody else's view changes.
      expect((await listIndicators({ year: 2024 }, manager)).length).toBeGreaterThan(200);
      // An existing code or username: a message, exit 2, nothing written.
      const n = await prisma.department.count();
      expect(cli(["department", "create", "--code", "598", "--name", "重复", "--admin", "d598-second", "--admin-name", "x"]).code).toBe(2);
      expect(cli(["department", "create", "--code", "597x", "--name", "另一个", "--admin", "d598-first", "--admin-name", "x"]).code).toBe(2);
      expect(await prisma.department.count()).toBe(n);
    } finally {
      const d = await prisma.department.findUnique({ where: { code: "598" } });
      if (d) {
        const users = (await prisma.user.findMany({ where: { departmentId: d.id }, select: { id: true } })).map((x) => x.id);
        await prisma.$transaction([
          prisma.auditLog.deleteMany({ where: { OR: [{ entity: "User", entityId: { in: users.map(String) } }, { entity: "Department", entityId: String(d.id) }] } }),
          prisma.user.deleteMany({ where: { id: { in: users } } }),
          prisma.organization.deleteMany({ where: { departmentId: d.id } }),
          prisma.department.delete({ where: { id: d.id } }),
        ]);
      }
    }
  }, 120_000); // spawns the CLI (a fresh Node + Prisma each run)
});
