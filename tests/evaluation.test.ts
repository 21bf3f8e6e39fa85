// A scripted year of 表12-7 (中职教育教学工作经费): December actuals and spending entered as the
// school's reporter, scored by hand below, then the evaluator's adjustment, finalising and versions.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../lib/db/prisma";
import { reviewReport, saveReport } from "../lib/reporting/service";
import { recordSpending } from "../lib/reporting/budget";
import { selfEvaluation } from "../lib/reports/self-eval";
import { finaliseEvaluation, saveEvaluation } from "../lib/reports/evaluation";
import { renderDocument } from "../lib/reports/documents";
import { weightProblems } from "../lib/admin/quality-fixes";
import type { CurrentUser } from "../lib/auth";
import { factory } from "../prisma/seed/factories";
import { asUser, seededDepartment } from "./users";

const D = await seededDepartment();

const CODE = "420100225030030000107";
const SCOPE = `project:${CODE}`;
let school: CurrentUser;
let evaluator: CurrentUser;
const ids = new Map<string, number>();

// level3 → [actual, reason?]
const YEAR: [string, string, string?][] = [
  ["当年招生人数", "540人", "生源减少"], // 600人: 0.9
  ["教师参与教学教研培训人次", "100人次"],
  ["面向社会和企业开展的技能培训及考试参加人次", "12500人次", "社会培训需求旺盛"], // 10000以上: met, 125% → flagged
  ["实训课时占总课时比例", "50%"],
  ["“双师型”教师占教师总数比例", "48%", "引进计划推迟"], // 60%以上: 0.8
  ["学生食堂安全检查合格率", "100%"],
  ["技能培训合格率", "95%"],
  ["学生违法犯罪率", "0"], // 反向 0: met
  ["面向社会和企业开展技能培训和社会化考试收入", "31万元", "培训项目调整"], // 62万元: 0.5
  ["学生、企业对学院的满意度", "95%"],
];

beforeAll(async () => {
  const org = await prisma.organization.findFirstOrThrow({ where: { name: "武汉技师学院" } });
  school = await factory(prisma).user({ username: "school-reporter", name: "技师学院填报员", role: "reporter", departmentId: D, orgIds: [org.id] });
  evaluator = await asUser("evaluator");
  for (const [level3, valueText, reason] of YEAR) {
    const ind = await prisma.indicator.findFirstOrThrow({ where: { level3, tableNo: "12-7", term: "annual", year: 2024 } });
    ids.set(level3, ind.id);
    const extra = reason ? { deviationCategories: ["其他"], deviationReason: reason, correctiveMeasure: "下年度改进" } : {};
    const r = await saveReport({ indicatorId: ind.id, organizationId: org.id, year: 2024, month: 12, valueText, intent: "submit", ...extra }, school);
    if (!("data" in r)) throw new Error(`${level3}: ${JSON.stringify(r)}`);
  }
  // 1,249.4万 budgeted over two second-level projects; 90% of each spent.
  const subs = await prisma.subProject.findMany({ where: { project: { code: CODE, year: 2024 } } });
  for (const s of subs) {
    const r = await recordSpending({ subProjectId: s.id, year: 2024, month: 12, spentWan: String((s.totalYuan * 0.9) / 10000) }, school);
    if (!("data" in r)) throw new Error(JSON.stringify(r));
  }
});

const form = async () => {
  const d = await selfEvaluation(D, SCOPE, 2024);
  if (!d) throw new Error("no form");
  return d;
};
const rowOf = (d: Awaited<ReturnType<typeof form>>, level3: string) => d.rows.find((r) => r.level3 === level3)!;
const out = 50 / 7; // seven 产出 rows share 50 points

describe("a scripted year, scored by hand", () => {
  it("scores budget, each row and the total as worked out by hand", async () => {
    const d = await form();
    expect(d.budget?.score).toBeCloseTo(9, 6); // 10 × 90%
    expect(rowOf(d, "当年招生人数").score).toBeCloseTo(out * 0.9, 6);
    expect(rowOf(d, "“双师型”教师占教师总数比例").score).toBeCloseTo(out * 0.8, 6);
    expect(rowOf(d, "面向社会和企业开展技能培训和社会化考试收入").score).toBeCloseTo(15 * 0.5, 6);
    expect(rowOf(d, "学生违法犯罪率").score).toBeCloseTo(15, 6);
    expect(rowOf(d, "学生、企业对学院的满意度").score).toBeCloseTo(10, 6);
    expect(rowOf(d, "面向社会和企业开展的技能培训及考试参加人次").flags).toContain("over_achievement");
    // 9 + 50/7 × (5 + 0.9 + 0.8) + 15 + 7.5 + 10 = 89.357…
    expect(d.total).toBe(89.36);
    expect(d.grade).toBe("良");
    expect(d.errors).toEqual([]);
    expect(d.shortfalls.map((s) => s.level3).sort()).toEqual(["“双师型”教师占教师总数比例", "当年招生人数", "面向社会和企业开展技能培训和社会化考试收入"].sort());
    expect(d.shortfalls.find((s) => s.level3 === "当年招生人数")?.deviationReason).toBe("生源减少");
  });

  it("lets the evaluator deduct for over-achievement with a reason, audited; a stale save is a conflict", async () => {
    const id = ids.get("面向社会和企业开展的技能培训及考试参加人次")!;
    const settings = { rows: { [id]: { adjustment: { score: 6, reason: "目标偏低，扣减偏离度" } } } };
    const r = await saveEvaluation({ year: 2024, scope: SCOPE, settings, expectedVersion: 0 }, evaluator);
    expect(r).toEqual({ data: { version: 1 } });
    const d = await form();
    expect(rowOf(d, "面向社会和企业开展的技能培训及考试参加人次")).toMatchObject({ score: 6, adjustment: { score: 6 } });
    expect(rowOf(d, "面向社会和企业开展的技能培训及考试参加人次").computed).toBeCloseTo(out, 6);
    expect(d.total).toBe(88.21); // 89.357 − (50/7 − 6)
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "evaluation.save", entityId: `2024/${SCOPE}` }, orderBy: { id: "desc" } });
    expect(audit.userId).toBe(evaluator.id);
    expect(JSON.parse(audit.after ?? "{}")).toEqual(settings);
    const stale = await saveEvaluation({ year: 2024, scope: SCOPE, settings: {}, expectedVersion: 0 }, evaluator);
    expect(stale).toMatchObject({ error: { code: "conflict" } });
    const noReason = await saveEvaluation({ year: 2024, scope: SCOPE, settings: { rows: { [id]: { adjustment: { score: 6, reason: " " } } } }, expectedVersion: 1 }, evaluator);
    expect(noReason).toMatchObject({ error: { code: "invalid" } });
    expect((await form()).total).toBe(88.21);
  });

  it("rescales to 100 when a row does not apply, and checks that weights add up", async () => {
    const id = ids.get("实训课时占总课时比例")!;
    const keep = (await prisma.evaluation.findUniqueOrThrow({ where: { departmentId_year_scope: { departmentId: D, year: 2024, scope: SCOPE } } })).settingsJson;
    const base = JSON.parse(keep) as { rows: Record<string, object> };
    let r = await saveEvaluation({ year: 2024, scope: SCOPE, settings: { rows: { [id]: { applicable: false } } }, expectedVersion: 1 }, evaluator);
    expect(r).toHaveProperty("data");
    let d = await form();
    // One 产出 row (50/7) left out: every weight × 100 / (100 − 50/7) = 14/13.
    const scale = 100 / (100 - out);
    expect(rowOf(d, "学生违法犯罪率").weight).toBeCloseTo(15 * scale, 6);
    expect(d.total).toBeCloseTo(Math.round((89.357142857 - out) * scale * 100) / 100, 2);
    r = await saveEvaluation({ year: 2024, scope: SCOPE, settings: { weights: { output: 60, outcome: 30 } }, expectedVersion: 2 }, evaluator);
    d = await form();
    expect(d.errors.some((e) => e.zh.includes("100"))).toBe(true); // 10 + 60 + 30 + 10 = 110
    // The data-quality page lists the form, linked to its scoring settings.
    expect(await weightProblems(D, 2024)).toContainEqual(expect.objectContaining({ name: "中职教育教学工作经费", href: `/evaluation/${CODE}` }));
    r = await saveEvaluation({ year: 2024, scope: SCOPE, settings: base, expectedVersion: 3 }, evaluator);
    expect((await form()).total).toBe(88.21);
    expect((await weightProblems(D, 2024)).map((w) => w.href)).not.toContain(`/evaluation/${CODE}`);
  });
});

describe("finalising", () => {
  it("a reporter and a manager can neither score nor finalise", async () => {
    const manager = await asUser("manager");
    for (const u of [school, manager]) {
      expect(await saveEvaluation({ year: 2024, scope: SCOPE, settings: {}, expectedVersion: 4 }, u)).toMatchObject({ error: { code: "forbidden" } });
      expect(await finaliseEvaluation({ year: 2024, scope: SCOPE }, u)).toMatchObject({ error: { code: "forbidden" } });
    }
    expect(await prisma.evaluationVersion.count({ where: { scope: SCOPE } })).toBe(0);
  });

  // A row the evaluator deducted is a shortfall too and needs its reason and measure: the school gave them.
  it("freezes a snapshot that later reports do not change; a new version can be issued; old ones stay downloadable", async () => {
    const v1 = await finaliseEvaluation({ year: 2024, scope: SCOPE, note: "首次定稿" }, evaluator);
    expect(v1).toEqual({ data: { number: 1 } });
    // After finalising, the manager approves the enrolment report and the school files a
    // correction: the current form changes, version 1 does not.
    const org = school.orgIds[0];
    const ind = ids.get("当年招生人数")!;
    const submitted = await prisma.report.findFirstOrThrow({ where: { indicatorId: ind, month: 12, current: true } });
    expect(await reviewReport({ reportId: submitted.id, decision: "approve", expectedVersion: submitted.version }, await asUser("manager"))).toHaveProperty("data");
    const approved = await prisma.report.findFirstOrThrow({ where: { id: submitted.id } });
    const fix = await saveReport({ indicatorId: ind, organizationId: org, year: 2024, month: 12, valueText: "600人", intent: "submit", expectedVersion: approved.version }, school);
    expect(fix).toHaveProperty("data");
    const now = await form();
    expect(now.total).toBeGreaterThan(88.21);
    const frozen = await selfEvaluation(D, SCOPE, 2024, 1);
    expect(frozen?.total).toBe(88.21);
    expect(frozen?.frozen).toMatchObject({ number: 1, note: "首次定稿", finalisedBy: evaluator.name });
    expect(await finaliseEvaluation({ year: 2024, scope: SCOPE }, evaluator)).toEqual({ data: { number: 2 } });
    expect((await selfEvaluation(D, SCOPE, 2024, 2))?.total).toBe(now.total);
    const old = await renderDocument({ kind: "self-eval", scope: SCOPE, year: 2024, format: "xlsx", version: 1 }, D);
    expect(old?.fileName).toContain("第1版");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(old!.body as unknown as ExcelJS.Buffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(c.text)));
    expect(cells).toContain("88.21");
    expect(await prisma.auditLog.count({ where: { action: "evaluation.finalise", entityId: { startsWith: `2024/${SCOPE}/` } } })).toBe(2);
  });

  it("refuses to finalise a form with problems left", async () => {
    const d = await selfEvaluation(D, "project:420100225030030000103", 2024); // 人才资助: nothing reported
    expect(d?.errors.length).toBeGreaterThan(0);
    const r = await finaliseEvaluation({ year: 2024, scope: "project:420100225030030000103" }, evaluator);
    expect(r).toMatchObject({ error: { code: "invalid" } });
  });
});

describe("部门整体支出绩效自评表", () => {
  it("covers 表11's annual indicators, funds by source and kind, and asks for the department's spending", async () => {
    const d = await selfEvaluation(D, "department", 2024);
    if (!d) throw new Error("no department form");
    const t11 = await prisma.indicator.count({ where: { tableNo: "11", term: "annual", year: 2024 } });
    expect(d.rows).toHaveLength(t11);
    expect(d.funds.total.full).toBeCloseTo(69761.59, 2);
    expect(d.funds.fiscal.full).toBeCloseTo(67502.25, 2);
    expect(d.funds.personnel.full).toBeCloseTo(41055.45, 2);
    expect(d.budget).toBeNull();
    expect(d.errors[0].zh).toContain("全年执行数");
    const r = await saveEvaluation({ year: 2024, scope: "department", settings: { spent: { total: 62785.43 } }, expectedVersion: 0 }, evaluator);
    expect(r).toHaveProperty("data");
    const after = await selfEvaluation(D, "department", 2024);
    expect(after?.budget?.score).toBeCloseTo(10 * (62785.43 / 69761.59), 6);
  });
});
