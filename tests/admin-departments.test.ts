// An admin is their department's admin (issue 7): the tables, offices and accounts pages and their
// writes, the rollover, the Excel import/export and the command line see and change only the
// admin's own department. Another department's id answers not_found (or forbidden) and nothing is
// written. A second department is made beside the seeded one and removed afterwards.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../lib/db/prisma";
import { asCurrentUser, type CurrentUser } from "../lib/auth/user";
import { indicatorAdminView, newIndicatorView, rolloverView, tablesView, tableYears } from "../lib/admin/tables-view";
import { assignOffice, createGoal, createIndicator, createProject, moveRow, removeOffice, setAggregation, setRetired, updateGoal, updateIndicator, updateProject } from "../lib/indicator/tables";
import { reviseTarget } from "../lib/indicator/revisions";
import { rollover } from "../lib/admin/rollover";
import { overrideTarget } from "../lib/indicator/override";
import { createUser, getUser, listUsers, resetPassword, revokeApiToken, setUserStatus, updateUser } from "../lib/admin/accounts";
import { addAlias, createOrg, getOrg, listOrgs, orgChoices, removeAlias, renameOrg } from "../lib/offices/orgs";
import { importYears, tablesFile } from "../lib/import/db";
import { confirmImport, previewImport } from "../lib/import/server";
import { tablesCommand } from "../cli/tables";
import { GET as tablesRoute } from "../app/api/v1/admin/tables/route";
import { asUser, indicatorByName, orgByShortName, seededDepartment } from "./users";
import { otherDepartment, type OtherDepartment } from "./departments";

const CODE = "597";
let other: OtherDepartment;
let D: number;
let admin: CurrentUser, otherAdmin: CurrentUser;
let shared: Awaited<ReturnType<typeof indicatorByName>>;
let jianganOrg: number;
let otherDeptOrg: number;
let otherAliasId: number;
let yearsBefore: number[];

beforeAll(async () => {
  D = await seededDepartment();
  other = await otherDepartment(CODE);
  admin = await asUser("admin");
  otherAdmin = other.users.admin;
  shared = await indicatorByName("对参保对象组织开展稽核量", "12-5");
  jianganOrg = (await orgByShortName("江岸社保处")).id;
  // The other department's own department-level office (new offices go under it by default) and an alias.
  otherDeptOrg = (await other.build.office({ departmentId: other.id, name: `测试部门${CODE}`, kind: "department", sortOrder: 0 })).id;
  otherAliasId = (await other.build.alias(other.orgId, "测试处别名")).id;
  yearsBefore = (await prisma.year.findMany({ select: { year: true } })).map((y) => y.year);
});

afterAll(async () => {
  // drop() takes the accounts made in the other department with their audit rows and offices;
  // a Year row the other department's rollover added goes too.
  await other.drop();
  await prisma.year.deleteMany({ where: { year: { notIn: yearsBefore } } });
});

const codeOf = (r: { data: unknown } | { error: { code: string } }) => ("error" in r ? r.error.code : "ok");

/** Every row of the other department (and the counts that a stray write elsewhere would change). */
async function state() {
  const d = other.id;
  const rows = await Promise.all([
    prisma.project.findMany({ where: { departmentId: d }, orderBy: { id: "asc" } }),
    prisma.goal.findMany({ where: { departmentId: d }, orderBy: { id: "asc" } }),
    prisma.indicator.findMany({ where: { goal: { departmentId: d } }, orderBy: { id: "asc" }, include: { orgs: { orderBy: { organizationId: "asc" } }, revisions: true, values: true } }),
    prisma.organization.findMany({ where: { departmentId: d }, orderBy: { id: "asc" }, include: { aliases: { orderBy: { id: "asc" } } } }),
    prisma.user.findMany({ where: { departmentId: d }, orderBy: { id: "asc" }, include: { orgs: true } }),
  ]);
  const counts = await Promise.all([prisma.auditLog.count(), prisma.indicatorOrg.count(), prisma.indicator.count(), prisma.goal.count(), prisma.project.count(), prisma.organization.count(), prisma.user.count(), prisma.targetRevision.count()]);
  const own = await prisma.indicator.findUniqueOrThrow({ where: { id: shared.id }, include: { orgs: { orderBy: { organizationId: "asc" } } } });
  return JSON.stringify({ rows, counts, own });
}

describe("reads: the tables pages show the admin's own department only", () => {
  it("the seeded admin sees none of the other department's projects, goals, indicators or offices", async () => {
    const t11 = await tablesView(admin, 2024, "11");
    expect(t11.goals.length).toBeGreaterThan(0);
    expect(t11.goals.some((g) => g.id === other.deptGoalId)).toBe(false);
    expect(t11.tabs.some((t) => t.projectId === other.projectId)).toBe(false);
    const t121 = await tablesView(admin, 2024, "12-1");
    expect(t121.project?.id).not.toBe(other.projectId);
    expect(t121.goals.some((g) => g.id === other.goalId)).toBe(false);
    expect(await indicatorAdminView(admin, other.indicatorId)).toBeNull();
    expect(await indicatorAdminView(admin, other.deptIndicatorId)).toBeNull();
    expect(await newIndicatorView(admin, other.goalId)).toBeNull();
    const own = await indicatorAdminView(admin, shared.id);
    expect(own?.organizations.length).toBeGreaterThan(10);
    expect(own?.organizations.some((o) => o.id === other.orgId)).toBe(false);
    const roll = await rolloverView(admin, 2024, 2024);
    expect(roll.projects.map((p) => p.code)).not.toContain(other.projectCode);
    expect(await tableYears(admin)).toContain(2024);
  });

  it("the other department's admin sees exactly its own rows", async () => {
    const t11 = await tablesView(otherAdmin, 2024, "11");
    expect(t11.tabs.map((t) => [t.tableNo, t.projectId])).toEqual([["11", null], ["12-1", other.projectId]]);
    expect(t11.goals.map((g) => g.id)).toEqual([other.deptGoalId]);
    const t121 = await tablesView(otherAdmin, 2024, "12-1");
    expect(t121.project?.id).toBe(other.projectId);
    expect(t121.goals.map((g) => g.id)).toEqual([other.goalId]);
    expect((await tablesView(otherAdmin, 2024, "12-5")).found).toBe(false);
    expect(await indicatorAdminView(otherAdmin, shared.id)).toBeNull();
    const mine = await indicatorAdminView(otherAdmin, other.indicatorId);
    expect(mine?.organizations.map((o) => o.id).sort()).toEqual([other.orgId, otherDeptOrg].sort());
    expect(mine?.level1).toEqual(["产出指标"]);
    expect((await rolloverView(otherAdmin, 2024, 2024)).projects.map((p) => p.code)).toEqual([other.projectCode]);
  });
});

describe("writes: another department's rows are not found and stay as they were", () => {
  const ind = { level1: "产出指标", level2: "数量指标", level3: "改名", targetText: "1人" };
  it.each([
    ["edit its indicator", () => updateIndicator({ indicatorId: other.indicatorId, ...ind }, admin)],
    ["add an indicator to its goal", () => createIndicator({ goalId: other.goalId, ...ind }, admin)],
    ["give its indicator an office of mine", () => assignOffice({ indicatorId: other.indicatorId, organizationId: jianganOrg, role: "lead" }, admin)],
    ["give my indicator its office", () => assignOffice({ indicatorId: shared.id, organizationId: other.orgId, role: "support" }, admin)],
    ["take its office off its indicator", () => removeOffice({ indicatorId: other.indicatorId, organizationId: other.orgId }, admin)],
    ["set its indicator's aggregation", () => setAggregation({ indicatorId: other.indicatorId, accumulation: "level", aggregation: "sum" }, admin)],
    ["revise its indicator's target", () => reviseTarget({ indicatorId: other.indicatorId, targetText: "≥50人", docNo: "武人社函〔2024〕99号", approvedOn: "2024-07-01" }, admin)],
    ["override its indicator's target parse", () => overrideTarget({ indicatorId: other.indicatorId, expression: "≥50人" }, admin)],
    ["move its indicator", () => moveRow({ entity: "indicator", id: other.deptIndicatorId, direction: "up" }, admin)],
    ["move its goal", () => moveRow({ entity: "goal", id: other.goalId, direction: "down" }, admin)],
    ["move its project", () => moveRow({ entity: "project", id: other.projectId, direction: "down" }, admin)],
    ["retire its indicator", () => setRetired({ entity: "indicator", id: other.indicatorId, action: "retire" }, admin)],
    ["retire its goal", () => setRetired({ entity: "goal", id: other.goalId, action: "retire" }, admin)],
    ["retire its project", () => setRetired({ entity: "project", id: other.projectId, action: "retire" }, admin)],
    ["add a goal to its project", () => createGoal({ year: 2024, projectId: other.projectId, term: "annual", text: "新目标" }, admin)],
    ["edit its goal", () => updateGoal({ goalId: other.goalId, text: "改写" }, admin)],
    ["edit its project", () => updateProject({ projectId: other.projectId, name: "改名项目" }, admin)],
    ["rename its office", () => renameOrg({ orgId: other.orgId, name: "改名处" }, admin)],
    ["add an alias to its office", () => addAlias({ orgId: other.orgId, alias: "新别名" }, admin)],
    ["remove its office's alias", () => removeAlias({ aliasId: otherAliasId }, admin)],
    ["edit its user", () => updateUser({ userId: other.users.manager.id, name: "改名", role: "admin", orgIds: [] }, admin)],
    ["disable its user", () => setUserStatus({ userId: other.users.manager.id, action: "disable" }, admin)],
    ["reset its user's password", () => resetPassword({ userId: other.users.manager.id, password: "another-password-1" }, admin)],
    ["revoke its user's token", () => revokeApiToken({ userId: other.users.manager.id }, admin)],
    ["(its admin) edit my indicator", () => updateIndicator({ indicatorId: shared.id, ...ind }, otherAdmin)],
    ["(its admin) disable my admin", () => setUserStatus({ userId: admin.id, action: "disable" }, otherAdmin)],
  ])("%s", async (_name, run) => {
    const before = await state();
    const r = await run();
    expect(["not_found", "forbidden"]).toContain(codeOf(r));
    expect(await state()).toBe(before);
  });

  it("an office cannot go under another department's office, nor an account get its offices", async () => {
    const before = await state();
    const o = await createOrg({ name: "越界处", kind: "division", parentId: other.orgId }, admin);
    expect(codeOf(o)).toBe("invalid");
    const u = await updateUser({ userId: (await asUser("manager")).id, name: "管理人员", role: "manager", orgIds: [other.orgId] }, admin);
    expect(codeOf(u)).toBe("invalid");
    const c = await createUser({ username: "d597-sneaky", name: "越界", role: "reporter", orgIds: [jianganOrg] }, otherAdmin);
    expect(codeOf(c)).toBe("invalid");
    expect(await state()).toBe(before);
  });
});

describe("accounts and offices: lists are the department's", () => {
  it("lists and opens only the own department's users and offices", async () => {
    const mine = await listUsers(admin);
    expect(mine.length).toBeGreaterThan(3);
    const otherIds = Object.values(other.users).map((u) => u.id);
    expect(mine.some((u) => otherIds.includes(u.id))).toBe(false);
    expect(mine.some((u) => u.username === "finance")).toBe(false);
    expect((await listUsers(otherAdmin)).map((u) => u.id).sort()).toEqual(otherIds.sort());
    expect(await getUser(admin, other.users.reporter.id)).toBeNull();
    expect(await getUser(otherAdmin, admin.id)).toBeNull();

    const orgs = await listOrgs(admin);
    expect(orgs.some((o) => o.id === other.orgId || o.id === otherDeptOrg)).toBe(false);
    expect((await orgChoices(admin)).some((o) => o.id === other.orgId)).toBe(false);
    expect(await getOrg(admin, other.orgId)).toBeNull();
    const theirs = await listOrgs(otherAdmin);
    expect(theirs.map((o) => o.id).sort()).toEqual([other.orgId, otherDeptOrg].sort());
    expect(theirs.find((o) => o.id === other.orgId)?.users).toBe(1);
    expect((await getOrg(otherAdmin, other.orgId))?.users.map((u) => u.id)).toEqual([other.users.reporter.id]);
  });

  it("an account the other admin creates is in the other department; an office they create goes under its department office", async () => {
    const r = await createUser({ username: "d597-reporter2", name: "测试填报员", role: "reporter", orgIds: [other.orgId], password: "a-password-123" }, otherAdmin);
    const made = await prisma.user.findUniqueOrThrow({ where: { id: (r as { data: { id: number } }).data.id }, include: { orgs: true } });
    expect(made).toMatchObject({ departmentId: other.id, role: "reporter" });
    expect(made.orgs.map((o) => o.organizationId)).toEqual([other.orgId]);

    const o = await createOrg({ name: "测试新处", kind: "division" }, otherAdmin);
    const office = await prisma.organization.findUniqueOrThrow({ where: { id: (o as { data: { id: number } }).data.id } });
    expect(office).toMatchObject({ departmentId: other.id, parentId: otherDeptOrg });
    // The same name in another department is not taken.
    expect(codeOf(await createOrg({ name: "测试新处", kind: "division" }, admin))).toBe("ok");
    const mineNew = await prisma.organization.findFirstOrThrow({ where: { name: "测试新处", departmentId: D } });
    expect(mineNew.parentId).toBe((await prisma.organization.findFirstOrThrow({ where: { departmentId: D, kind: "department" } })).id);
    await prisma.orgAlias.deleteMany({ where: { organizationId: mineNew.id } });
    await prisma.organization.delete({ where: { id: mineNew.id } });
    // An alias shared only with another department's office is not "shared".
    expect(await addAlias({ orgId: other.orgId, alias: "各社保处" }, otherAdmin)).toMatchObject({ data: { sharedWith: [] } });
  });

  it("the last-admin guard counts the department's admins", async () => {
    const r = await createUser({ username: "d597-admin2", name: "测试管理员2", role: "admin", orgIds: [], password: "a-password-123" }, otherAdmin);
    const admin2 = asCurrentUser(await prisma.user.findUniqueOrThrow({ where: { id: (r as { data: { id: number } }).data.id }, include: { orgs: true } }));
    expect(admin2.departmentId).toBe(other.id);
    expect(codeOf(await setUserStatus({ userId: otherAdmin.id, action: "disable" }, admin2))).toBe("ok");
    // The seeded department's admins do not count: admin2 is the other department's last enabled admin.
    expect(codeOf(await setUserStatus({ userId: admin2.id, action: "disable" }, otherAdmin))).toBe("conflict");
    expect(codeOf(await updateUser({ userId: admin2.id, name: "测试管理员2", role: "manager", orgIds: [] }, otherAdmin))).toBe("conflict");
    expect(codeOf(await setUserStatus({ userId: otherAdmin.id, action: "enable" }, admin2))).toBe("ok");
  });

  it("no department's admin makes a finance bureau account, or turns an account into one", async () => {
    const before = await prisma.user.count();
    const r = await createUser({ username: "finance2", name: "市财政局 二", role: "finance", orgIds: [], password: "a-password-123" }, admin);
    expect(codeOf(r)).toBe("invalid");
    if ("error" in r) expect(Object.keys(r.error.fields ?? {})).toEqual(["role"]);
    expect(codeOf(await updateUser({ userId: other.users.manager.id, name: "x", role: "finance", orgIds: [] }, otherAdmin))).toBe("invalid");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.users.manager.id } })).role).toBe("manager");
    expect(await prisma.user.count()).toBe(before);
    // The seeded finance account is nobody's to list or edit.
    const fin = await prisma.user.findUniqueOrThrow({ where: { username: "finance" } });
    expect((await listUsers(admin)).some((u) => u.id === fin.id)).toBe(false);
    expect(codeOf(await updateUser({ userId: fin.id, name: "x", role: "reporter", orgIds: [jianganOrg] }, admin))).toBe("not_found");
  });
});

describe("creating rows lands in the admin's department", () => {
  it("a 表11 goal is numbered among the department's own goals; a project is 表12-2 of the department", async () => {
    const g = await createGoal({ year: 2024, projectId: "", term: "annual", text: "其他部门第二个年度目标" }, otherAdmin);
    const goal = await prisma.goal.findUniqueOrThrow({ where: { id: (g as { data: { id: number } }).data.id } });
    expect(goal).toMatchObject({ departmentId: other.id, tableNo: "11", goalNo: 2, projectId: null });
    const p = await createProject({ year: 2024, code: "5970000001", name: "其他部门新项目" }, otherAdmin);
    expect(p).toMatchObject({ data: { tableNo: "12-2" } });
    expect((await prisma.project.findFirstOrThrow({ where: { code: "5970000001" } })).departmentId).toBe(other.id);
    // Retired again so the rollover below copies the original tables only.
    await setRetired({ entity: "goal", id: goal.id, action: "retire" }, otherAdmin);
    await setRetired({ entity: "project", id: (p as { data: { id: number } }).data.id, action: "retire" }, otherAdmin);
  });
});

describe("rollover is per department", () => {
  it("copies the other department's tables only; the seeded department's next year stays empty and can still be rolled", async () => {
    const seededBefore = await prisma.goal.count({ where: { departmentId: D, year: 2025 } });
    const r = await rollover({ from: 2024, to: 2025 }, otherAdmin);
    expect(r).toMatchObject({ data: { from: 2024, to: 2025, projects: [other.projectCode], goals: 2, indicators: 2 } });
    expect(await prisma.goal.count({ where: { departmentId: D, year: 2025 } })).toBe(seededBefore);
    expect(await prisma.goal.count({ where: { departmentId: other.id, year: 2025 } })).toBe(2);
    expect(await prisma.indicator.count({ where: { year: 2025, goal: { departmentId: other.id } } })).toBe(2);
    // The check "2025 already has tables" is the department's own.
    expect(codeOf(await rollover({ from: 2024, to: 2025 }, otherAdmin))).toBe("conflict");
    expect((await rolloverView(admin, 2024, 2024)).existing).toBeNull();
    expect((await rolloverView(otherAdmin, 2024, 2024)).existing).toEqual({ goals: 2, indicators: 2 });
  });
});

describe("Excel export and import are per department", () => {
  const sheets = async (bytes: Uint8Array) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return wb;
  };

  it("exports the department's tables only (library, API, command line)", async () => {
    const file = await tablesFile(other.id, 2024);
    const wb = await sheets(file as Buffer);
    expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith("表"))).toEqual(["表11", "表12-1"]);
    expect(await importYears(other.id)).toEqual([2025, 2024]);

    const token = await other.build.token(otherAdmin);
    const res = await tablesRoute(new Request("http://localhost/api/v1/admin/tables?year=2024&format=xlsx", { headers: { authorization: `Bearer ${token}` } }));
    expect(res.status).toBe(200);
    const viaApi = await sheets(new Uint8Array(await res.arrayBuffer()));
    expect(viaApi.worksheets.map((w) => w.name).filter((n) => n.startsWith("表"))).toEqual(["表11", "表12-1"]);

    const out = path.join(mkdtempSync(path.join(tmpdir(), "jixiao-dept-")), "t.xlsx");
    let err = "";
    expect(await tablesCommand(["export", "--year", "2024", "--out", out, "--dept", CODE], () => {}, (s) => (err += s))).toBe(0);
    expect((await sheets(readFileSync(out))).worksheets.map((w) => w.name).filter((n) => n.startsWith("表"))).toEqual(["表11", "表12-1"]);
    // With two departments the command line must be told which.
    await expect(tablesCommand(["export", "--year", "2024", "--out", out], () => {}, () => {})).rejects.toThrow(/several departments/);
  });

  it("imports into the admin's department only: the other admin's edit changes its row; the seeded admin's preview never matches its rows", async () => {
    const wb = await sheets((await tablesFile(other.id, 2024)) as Buffer);
    const ws = wb.getWorksheet("表12-1") as ExcelJS.Worksheet;
    let row = 0;
    for (let r = 5; r <= ws.rowCount; r++) if (ws.getCell(r, 3).text.startsWith("其他部门指标1")) row = r;
    expect(row).toBeGreaterThan(0);
    ws.getCell(row, 6).value = "≥120人";
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());

    // The seeded admin: the file's rows and ids are not theirs, so nothing of the other department matches.
    const seen = await previewImport({ year: 2024, fileName: "other.xlsx", bytes }, admin);
    if (!("data" in seen)) throw new Error(JSON.stringify(seen));
    const otherIds = [other.indicatorId, other.deptIndicatorId];
    expect(seen.data.rows.some((r) => r.indicatorId != null && otherIds.includes(r.indicatorId))).toBe(false);
    expect(seen.data.notInFile.some((n) => otherIds.includes(n.indicatorId))).toBe(false);
    expect(seen.data.canConfirm).toBe(false);
    const seededIndicators = await prisma.indicator.count({ where: { year: 2024, goal: { departmentId: D } } });

    // The other admin: two rows, one changed; written to its indicator only.
    const p = await previewImport({ year: 2024, fileName: "other.xlsx", bytes }, otherAdmin);
    if (!("data" in p)) throw new Error(JSON.stringify(p));
    expect(p.data.counts).toMatchObject({ rows: 2, update: 1, unchanged: 1, create: 0, errors: 0, notInFile: 0 });
    expect(p.data.rows.find((r) => r.action === "update")?.indicatorId).toBe(other.indicatorId);
    // The command line, as the seeded admin for the other department, is refused before writing.
    const file = path.join(mkdtempSync(path.join(tmpdir(), "jixiao-dept-")), "edit.xlsx");
    await wb.xlsx.writeFile(file);
    await expect(tablesCommand(["import", "--year", "2024", "--file", file, "--dept", CODE, "--user", "admin", "--confirm"], () => {}, () => {})).rejects.toThrow(/not an enabled admin account of this department/);
    const done = await confirmImport({ year: 2024, fileName: "other.xlsx", bytes, digest: p.data.digest }, otherAdmin);
    expect(done).toMatchObject({ data: { updated: 1, created: 0 } });
    expect((await prisma.indicator.findUniqueOrThrow({ where: { id: other.indicatorId } })).targetText).toBe("≥120人");
    expect(await prisma.indicator.count({ where: { year: 2024, goal: { departmentId: D } } })).toBe(seededIndicators);
  });
});
