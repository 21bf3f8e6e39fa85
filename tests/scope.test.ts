// The one home of scope (lib/auth/scope.ts): which rows each user's queries may return, asked of the
// database directly with each fragment. Rows are built beside the seeded ones (a project whose
// second-level projects are executed by 江岸, 江汉 and nobody; an indicator 江岸 and 江汉 share, with
// each office's report; a retired indicator of 江岸) and a second department, and removed afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../lib/db/prisma";
import type { CurrentUser } from "../lib/auth/user";
import { coversOffice, indicatorOfficeScope, indicatorPageScope, indicatorScope, reportScope, subProjectWriteScope, writableOrgs } from "../lib/auth/scope";
import { factory } from "../prisma/seed/factories";
import { asUser, orgByShortName, seededDepartment } from "./users";
import { otherDepartment, type OtherDepartment } from "./departments";

const f = factory(prisma);
let other: OtherDepartment;
let jiangan: CurrentUser, jianghan: CurrentUser, zhengyan: CurrentUser, manager: CurrentUser, admin: CurrentUser, otherManager: CurrentUser;
let jianganOrg: number, jianghanOrg: number;
let shared: number, retired: number;
let subs: { jiangan: number; jianghan: number; none: number };
let reports: { jiangan: number; jianghan: number };

beforeAll(async () => {
  const D = await seededDepartment();
  other = await otherDepartment();
  otherManager = other.users.manager;
  [jiangan, jianghan, zhengyan, manager, admin] = await Promise.all(["jiangan", "jianghan", "zhengyan", "manager", "admin"].map(asUser));
  jianganOrg = (await orgByShortName("江岸社保处")).id;
  jianghanOrg = (await orgByShortName("江汉社保处")).id;
  const project = await f.project({ departmentId: D, name: "范围测试项目" });
  subs = {
    jiangan: (await f.subProject({ projectId: project.id, unitId: jianganOrg })).id,
    jianghan: (await f.subProject({ projectId: project.id, unitId: jianghanOrg })).id,
    none: (await f.subProject({ projectId: project.id, unitId: null })).id,
  };
  const goal = await f.goal({ departmentId: D, project });
  shared = (await f.indicator({ goal, orgs: [jianganOrg, jianghanOrg] })).id;
  retired = (await f.indicator({ goal, orgs: [jianganOrg], retiredAt: new Date() })).id;
  reports = {
    jiangan: (await f.report({ indicatorId: shared, organizationId: jianganOrg, by: jiangan.id })).id,
    jianghan: (await f.report({ indicatorId: shared, organizationId: jianghanOrg, by: jianghan.id })).id,
  };
});
afterAll(async () => {
  await f.drop();
  await other.drop();
});

const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe("coversOffice: the reporter's narrowing as a predicate (the project page's spending form)", () => {
  it("a reporter covers their own offices only; a manager or admin every office, and rows without one", () => {
    expect(coversOffice(jiangan, jianganOrg)).toBe(true);
    expect(coversOffice(jiangan, jianghanOrg)).toBe(false);
    expect(coversOffice(jiangan, null)).toBe(false);
    for (const u of [manager, admin]) {
      expect(coversOffice(u, jianganOrg)).toBe(true);
      expect(coversOffice(u, null)).toBe(true);
    }
  });

  it("writableOrgs: a reporter's own offices; nobody else writes reports", () => {
    expect(writableOrgs(jiangan)).toEqual([jianganOrg]);
    expect(writableOrgs(manager)).toEqual([]);
    expect(writableOrgs(admin)).toEqual([]);
  });
});

describe("the where fragments", () => {
  it("indicatorScope: a reporter's offices' indicators, retired or not; a manager's the department's; another department's manager none", async () => {
    const built = { id: { in: [shared, retired] } };
    const seen = async (u: CurrentUser) => ids(await prisma.indicator.findMany({ where: { ...built, ...indicatorScope(u) } }));
    expect(await seen(jiangan)).toEqual(sorted([shared, retired]));
    expect(await seen(jianghan)).toEqual([shared]);
    expect(await seen(zhengyan)).toEqual([]);
    expect(await seen(manager)).toEqual(sorted([shared, retired]));
    expect(await seen(otherManager)).toEqual([]);
  });

  it("indicatorScope over the whole seeded document: every indicator a reporter gets names one of their offices", async () => {
    const rows = await prisma.indicator.findMany({ where: indicatorScope(jiangan), include: { orgs: true } });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.orgs.some((o) => jiangan.orgIds.includes(o.organizationId))).toBe(true);
    const department = await prisma.indicator.count({ where: { goal: { departmentId: manager.departmentId as number } } });
    expect(await prisma.indicator.count({ where: indicatorScope(manager) })).toBe(department);
    expect(rows.length).toBeLessThan(department);
  });

  it("indicatorPageScope: a retired row's page is gone for its reporter and stays for the manager", async () => {
    const page = async (u: CurrentUser, id: number) => prisma.indicator.findFirst({ where: { id, ...indicatorPageScope(u) } });
    expect(await page(jiangan, shared)).not.toBeNull();
    expect(await page(jiangan, retired)).toBeNull();
    expect(await page(manager, retired)).not.toBeNull();
    expect(await page(jianghan, retired)).toBeNull();
    expect(await page(otherManager, retired)).toBeNull();
  });

  it("indicatorOfficeScope: a reporter gets their own office's link to a shared indicator, not the other office's", async () => {
    const links = async (u: CurrentUser) => sorted((await prisma.indicatorOrg.findMany({ where: indicatorOfficeScope(u, { id: shared }) })).map((l) => l.organizationId));
    expect(await links(jiangan)).toEqual([jianganOrg]);
    expect(await links(jianghan)).toEqual([jianghanOrg]);
    expect(await links(manager)).toEqual(sorted([jianganOrg, jianghanOrg]));
    expect(await links(otherManager)).toEqual([]);
    // The indicator's own conditions hold beside the scope: a retired-rows-out list leaves it out.
    expect(await prisma.indicatorOrg.count({ where: indicatorOfficeScope(manager, { id: retired, retiredAt: null }) })).toBe(0);
  });

  it("reportScope: on a shared indicator each reporter gets their own office's report only; the manager both", async () => {
    const seen = async (u: CurrentUser) => ids(await prisma.report.findMany({ where: { indicatorId: shared, ...reportScope(u) } }));
    expect(await seen(jiangan)).toEqual([reports.jiangan]);
    expect(await seen(jianghan)).toEqual([reports.jianghan]);
    expect(await seen(zhengyan)).toEqual([]);
    expect(await seen(manager)).toEqual(sorted([reports.jiangan, reports.jianghan]));
    expect(await seen(otherManager)).toEqual([]);
  });

  it("subProjectWriteScope: a reporter writes the spending of what their office executes; a manager every one", async () => {
    const all = { id: { in: Object.values(subs) } };
    const writes = async (u: CurrentUser) => ids(await prisma.subProject.findMany({ where: { ...all, ...subProjectWriteScope(u) } }));
    expect(await writes(jiangan)).toEqual([subs.jiangan]);
    expect(await writes(jianghan)).toEqual([subs.jianghan]);
    expect(await writes(zhengyan)).toEqual([]);
    expect(await writes(manager)).toEqual(sorted(Object.values(subs)));
    expect(await writes(otherManager)).toEqual([]);
  });

  it("recordSpending: another department's manager cannot record this department's spending (forbidden, nothing written)", async () => {
    const { recordSpending } = await import("../lib/reporting/budget");
    const r = await recordSpending({ subProjectId: subs.none, year: 2024, month: 3, spentWan: "1" }, otherManager);
    expect("error" in r && r.error?.code).toBe("forbidden");
    expect(await prisma.budgetExecution.count({ where: { subProjectId: subs.none } })).toBe(0);
    expect(await recordSpending({ subProjectId: subs.none, year: 2024, month: 3, spentWan: "1" }, manager)).toHaveProperty("data");
  });
});
