// The 项目支出绩效目标执行监控表 of 表12-1 (机关业务工作) filled from a scripted July, worked out by
// hand below, and the annual summary of every form. Indicators used here are ones no other test
// file reports on: 聘请第三方检查频次 (two offices), 三支一扶人数, 集体学习活动 (revised target).
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../lib/db/prisma";
import { saveReport } from "../lib/reporting/service";
import { recordSpending } from "../lib/reporting/budget";
import { reviseTarget } from "../lib/indicator/revisions";
import { LIGHT_ORDER } from "../lib/status";
import { departmentMonitoring, projectMonitoring, type Monitoring } from "../lib/reports/monitoring";
import { PROJECT_MONITORING, leafColumns, monitoringSheet } from "../lib/reports/monitoring-layout";
import { annualSummary, summarySheets } from "../lib/reports/summary";
import { selfEvaluation } from "../lib/reports/self-eval";
import type { Cell } from "../lib/reports/sheet";
import type { CurrentUser } from "../lib/auth";
import { factory } from "../prisma/seed/factories";
import { asUser, indicatorByName, seededDepartment } from "./users";

const D = await seededDepartment();

const CODE = "420100225030030000101"; // 表12-1 机关业务工作: 19 annual indicators, budget 2722.43万元
const ids = new Map<string, number>();

/** A reporter of one office, made for this file (the demo accounts cover other offices). */
async function reporterOf(username: string, orgName: string): Promise<{ user: CurrentUser; org: number }> {
  const org = await prisma.organization.findFirstOrThrow({ where: { name: orgName } });
  return { user: await factory(prisma).user({ username, name: `${orgName}填报员`, role: "reporter", departmentId: D, orgIds: [org.id] }), org: org.id };
}

async function report(who: { user: CurrentUser; org: number }, level3: string, month: number, valueText: string, extra: Record<string, unknown> = {}) {
  const r = await saveReport({ indicatorId: ids.get(level3), organizationId: who.org, year: 2024, month, valueText, ...extra }, who.user);
  if (!("data" in r)) throw new Error(`${level3} ${month}月: ${JSON.stringify(r)}`);
}

beforeAll(async () => {
  for (const name of ["聘请第三方检查频次", "三支一扶人数", "集体学习活动"]) ids.set(name, (await indicatorByName(name, "12-1")).id);
  const finance = await reporterOf("mon-caiwu", "财务管理处");
  const audit = await reporterOf("mon-jijin", "基金监督处");
  const mobility = await reporterOf("mon-liudong", "流动处");
  const party = await reporterOf("mon-dangwei", "机关党委");

  // 集体学习活动 8次, revised to 10次 in June.
  const revised = await reviseTarget({ indicatorId: ids.get("集体学习活动"), targetText: "10次", docNo: "武人社函〔2024〕30号", approvedOn: "2024-06-15" }, await asUser("admin"));
  if (!("data" in revised)) throw new Error(JSON.stringify(revised));

  // 聘请第三方检查频次 5次, shared by two offices: 2.5次 each. By July each should have 2.5×7/12 = 1.46.
  // 财务 2 (137%: blue), 基金监督 1 (68.6%: yellow, so a reason is required); left as a draft.
  await report(finance, "聘请第三方检查频次", 7, "2", { forecastText: "3次", likelihood: "确定能", intent: "submit" });
  await report(audit, "聘请第三方检查频次", 7, "1", {
    deviationCategories: ["人员保障", "其他"],
    deviationReason: "审计人员不足",
    correctiveMeasure: "下半年增派审计人员",
    forecastText: "2次",
    likelihood: "有可能",
    note: "第三方合同7月签订",
  });
  // August, after the July form's cut-off: 财务 reaches 3 to date.
  await report(finance, "聘请第三方检查频次", 8, "3", { forecastText: "3次", likelihood: "确定能" });

  // 三支一扶人数 200人, one office: June 80 (80% of 100: green), July 120 (120 ÷ 116.7 = 103%: green), August 150.
  await report(mobility, "三支一扶人数", 6, "80人");
  await report(mobility, "三支一扶人数", 7, "120人", { forecastText: "200人", likelihood: "确定能", note: "已完成招募" });
  await report(mobility, "三支一扶人数", 8, "150人");

  // 集体学习活动 against 10次: 4 by July is 4 ÷ (10×7/12) = 68.6%: yellow.
  await report(party, "集体学习活动", 7, "4次", { deviationCategories: ["制度保障"], deviationReason: "学习计划调整", correctiveMeasure: "下半年每月一次", likelihood: "确定能" });

  // One second-level project (机关业务工作经费, 2722.43万元): 1088.972万 by July (40%), 1500万 by August.
  const manager = await asUser("manager");
  const sub = await prisma.subProject.findFirstOrThrow({ where: { project: { code: CODE, year: 2024 } } });
  for (const [month, spentWan] of [[7, "1088.972"], [8, "1500"]] as const) {
    const r = await recordSpending({ subProjectId: sub.id, year: 2024, month, spentWan }, manager);
    if (!("data" in r)) throw new Error(JSON.stringify(r));
  }
});

const form = async (month: number): Promise<Monitoring> => {
  const m = await projectMonitoring(D, CODE, 2024, month);
  if (!m) throw new Error("no project");
  return m;
};
const rowOf = (m: Monitoring, level3: string) => {
  const r = m.rows.find((x) => x.level3 === level3);
  if (!r) throw new Error(`no row ${level3}`);
  return r;
};

describe("项目支出绩效目标执行监控表 (1–7月)", () => {
  it("budget: 年初预算数, 1–7月执行数, 执行率, 全年预计执行数 and the budget light", async () => {
    const m = await form(7);
    expect(m).toMatchObject({ year: 2024, month: 7, projectCode: CODE, tableNo: "12-1", projectName: "机关业务工作", unit: "机关各处室" });
    expect(m.department).toContain("人力资源和社会保障局");
    expect(m.budget.initialWan).toBeCloseTo(2722.43, 6);
    expect(m.budget.spentWan).toBeCloseTo(1088.972, 6); // August's 1500 is not read
    expect(m.budget.rate).toBeCloseTo(0.4, 9);
    // 10,889,720元 × 12/7 = 18,668,091.43元 → 1866.8091万元.
    expect(m.budget.forecastWan).toBeCloseTo(1866.8091, 6);
    // 40% ÷ 58.3% = 68.6%: yellow.
    expect(m.budget.light).toBe("yellow");
    expect(m.goal).toContain("人才队伍建设");
    expect(m.rows).toHaveLength(19);
  });

  it("a shared indicator: both offices' figures added, categories ticked, the least certain likelihood", async () => {
    const r = rowOf(await form(7), "聘请第三方检查频次");
    expect(r).toMatchObject({
      target: "5次",
      valueToDate: "3次", // 2 + 1 (the draft counts, as on the dashboards); 财务's August 3 does not
      reportedMonth: 7,
      offices: { reported: 2, total: 2 },
      deviationCategories: ["人员保障", "其他"],
      likelihood: "有可能",
      forecast: "财务管理处：3次；基金监督处：2次",
      deviationReason: "基金监督处：审计人员不足",
      correctiveMeasure: "基金监督处：下半年增派审计人员",
      remarks: "基金监督处：第三方合同7月签订",
      light: "yellow", // worst of blue and yellow
    });
  });

  it("a single office: its latest figure up to July as typed, forecast, likelihood and note", async () => {
    const r = rowOf(await form(7), "三支一扶人数");
    expect(r).toMatchObject({ target: "200人", valueToDate: "120人", forecast: "200人", likelihood: "确定能", remarks: "已完成招募", deviationCategories: [], light: "green" });
  });

  it("a revised target shows the 调整指标值, judged against it", async () => {
    const r = rowOf(await form(7), "集体学习活动");
    expect(r).toMatchObject({ target: "10次", originalTarget: "8次", valueToDate: "4次", deviationCategories: ["制度保障"], deviationReason: "学习计划调整", light: "yellow" });
  });

  it("reads nothing after month N: June and August give their own figures", async () => {
    const june = await form(6);
    expect(rowOf(june, "三支一扶人数").valueToDate).toBe("80人");
    expect(rowOf(june, "聘请第三方检查频次")).toMatchObject({ valueToDate: "", reportedMonth: null, likelihood: null, deviationCategories: [] });
    expect(june.budget.spentWan).toBe(0);
    const august = await form(8);
    expect(rowOf(august, "聘请第三方检查频次").valueToDate).toBe("4次"); // 3 + 1
    expect(rowOf(august, "三支一扶人数").valueToDate).toBe("150人");
    expect(august.budget.spentWan).toBeCloseTo(1500, 6);
    expect(august.budget.forecastWan).toBeCloseTo(2250, 6); // 1500 × 12/8
  });

  it("the project's light is at least as bad as its worst row here (yellow)", async () => {
    const m = await form(7);
    expect(LIGHT_ORDER.indexOf(m.light)).toBeLessThanOrEqual(LIGHT_ORDER.indexOf("yellow"));
  });

  it("the department's forms: every project, the same figures as the project's own form", async () => {
    const all = await departmentMonitoring(D, 2024, 7);
    expect(all.map((m) => m.tableNo)).toEqual(["12-1", "12-2", "12-3", "12-4", "12-5", "12-6", "12-7"]);
    expect(all[0]).toEqual(await form(7));
  });

  it("refuses a month outside 1–12 and answers null for an unknown project", async () => {
    await expect(projectMonitoring(D, CODE, 2024, 13)).rejects.toThrow(RangeError);
    expect(await projectMonitoring(D, "420100225030030000199", 2024, 7)).toBeNull();
  });
});

describe("the monitoring Sheet", () => {
  const at = (cells: Cell[], value: string) => {
    const c = cells.find((x) => x.value === value);
    if (!c) throw new Error(`no cell ${value}`);
    return c;
  };

  it("has the title, the 1–7月 titles, the budget figures and a two-level merged header", async () => {
    const m = await form(7);
    const sheet = monitoringSheet(PROJECT_MONITORING, m);
    const n = leafColumns(PROJECT_MONITORING).length;
    expect(n).toBe(6 + 6 + 3 + 2); // 6 columns, 偏差原因分析 5 + 原因说明, 完成目标可能性 3, 备注, 预警
    expect(sheet.columns).toHaveLength(n);
    expect(at(sheet.cells, "项目支出绩效目标执行监控表")).toMatchObject({ r: 1, c: 1, colSpan: n });
    expect(at(sheet.cells, "（2024年1-7月）").r).toBe(2);
    for (const s of ["1-7月执行数", "1-7月执行率", "全年预计执行数", "1-7月执行情况", "全年预计完成情况", "备注"]) at(sheet.cells, s);
    expect(sheet.cells.some((c) => c.value === 1088.972)).toBe(true);
    expect(at(sheet.cells, "40%").style).toBe("text");

    // Two-level header: groups span their columns on the first row, their columns sit below.
    const deviation = at(sheet.cells, "偏差原因分析");
    const likelihood = at(sheet.cells, "完成目标可能性");
    expect(deviation).toMatchObject({ colSpan: 6, style: "head" });
    expect(likelihood).toMatchObject({ r: deviation.r, colSpan: 3 });
    const below = (v: string) => at(sheet.cells, v);
    ["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他", "原因说明"].forEach((v, i) => expect(below(v)).toMatchObject({ r: deviation.r + 1, c: deviation.c + i }));
    ["确定能", "有可能", "完全不可能"].forEach((v, i) => expect(below(v)).toMatchObject({ r: likelihood.r + 1, c: likelihood.c + i }));
    expect(at(sheet.cells, "三级指标")).toMatchObject({ r: deviation.r, rowSpan: 2 });
    expect(sheet.repeatRows).toEqual([deviation.r, deviation.r + 1]);

    // The shared row: ✓ under 人员保障, 其他 and 有可能 only.
    const name = sheet.cells.find((c) => c.value === "聘请第三方检查频次");
    if (!name) throw new Error("row missing");
    const rowCells = sheet.cells.filter((c) => c.r === name.r);
    const ticks = rowCells.filter((c) => c.value === "✓").map((c) => sheet.cells.find((h) => h.r === deviation.r + 1 && h.c === c.c)?.value);
    expect(ticks).toEqual(["人员保障", "其他", "有可能"]);
    expect(rowCells.find((c) => c.value === "3次")).toBeDefined();

    // Nothing overlaps: every grid position is covered by at most one cell.
    const seen = new Set<string>();
    for (const c of sheet.cells)
      for (let r = c.r; r < c.r + (c.rowSpan ?? 1); r++)
        for (let k = c.c; k < c.c + (c.colSpan ?? 1); k++) {
          const key = `${r}/${k}`;
          expect(seen.has(key), `overlap at ${key}`).toBe(false);
          expect(k).toBeLessThanOrEqual(n);
          seen.add(key);
        }
    // The footer gathers the reasons and measures of the rows.
    expect(sheet.cells.some((c) => typeof c.value === "string" && c.value.includes("集体学习活动：下半年每月一次"))).toBe(true);
  });
});

describe("年度绩效自评汇总", () => {
  it("lists the department form and the 7 projects of 表12 with their self-evaluation totals and grades", async () => {
    const s = await annualSummary(D, 2024);
    const projects = s.forms.filter((f) => f.kind === "project");
    expect(projects.map((f) => f.tableNo)).toEqual(["12-1", "12-2", "12-3", "12-4", "12-5", "12-6", "12-7"]);
    expect(s.forms[0]).toMatchObject({ kind: "department", tableNo: "11", scope: "department" });
    for (const f of s.forms) {
      const e = await selfEvaluation(D, f.scope, 2024);
      expect({ scope: f.scope, total: f.total, grade: f.grade, rate: f.rate, shortfalls: f.shortfalls }).toEqual({ scope: f.scope, total: e?.total, grade: e?.grade, rate: e?.rate, shortfalls: e?.shortfalls.length });
    }
    // Counts for the charts add up.
    expect(s.byGrade.map((g) => g.grade)).toEqual(["优", "良", "中", "差"]);
    expect(s.byGrade.reduce((n, g) => n + g.count, 0)).toBe(s.forms.length);
    for (const g of s.byGrade) expect(g.count).toBe(s.forms.filter((f) => f.grade === g.grade).length);
    expect(s.byLight.total).toBe(s.forms.length);
    expect(s.indicatorsByLight.total).toBe(await prisma.indicator.count({ where: { year: 2024, term: "annual", retiredAt: null, orgs: { some: {} } } }));
  });

  it("carries every shortfall with its reason and corrective measure", async () => {
    const s = await annualSummary(D, 2024);
    // Year end: 财务 3 (August) + 基金监督 1 (July) = 4 of 5.
    const audit = s.shortfalls.find((x) => x.scope === `project:${CODE}` && x.level3 === "聘请第三方检查频次");
    expect(audit).toMatchObject({ tableNo: "12-1", form: "机关业务工作", target: "5次", actual: "4次", deviationReason: "审计人员不足", correctiveMeasure: "下半年增派审计人员" });
    const form121 = s.forms.find((f) => f.tableNo === "12-1");
    expect(form121?.shortfalls).toBe(s.shortfalls.filter((x) => x.scope === `project:${CODE}`).length);
    // 1500万 of 2722.43万 spent by year end.
    expect(form121?.rate).toBeCloseTo(1500 / 2722.43, 6);
  });

  it("builds a scores sheet and a shortfalls sheet", async () => {
    const s = await annualSummary(D, 2024);
    const [scores, shortfalls] = summarySheets(s);
    expect(scores.name).toBe("自评得分汇总");
    const text = (cells: Cell[]) => cells.map((c) => String(c.value));
    for (const f of s.forms) expect(text(scores.cells)).toContain(f.name);
    expect(text(scores.cells)).toContain("2024年度绩效自评汇总表");
    expect(text(scores.cells).some((t) => t.startsWith("优 "))).toBe(true);
    expect(text(shortfalls.cells)).toContain("审计人员不足");
    expect(text(shortfalls.cells)).toContain("下半年增派审计人员");
  });
});
