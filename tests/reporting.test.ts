// Reporting through the same service the forms and the API use: access, concurrency, periods,
// bad input, revisions and the audit trail, against this run's seeded database.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../lib/db/prisma";
import { reviewReport, saveReport } from "../lib/reporting/service";
import { overrideTarget } from "../lib/indicator/override";
import { changePeriod } from "../lib/reporting/periods";
import type { CurrentUser } from "../lib/auth";
import { factory } from "../prisma/seed/factories";
import { asUser, indicatorByName, orgByShortName } from "./users";

let jiangan: CurrentUser, jianghan: CurrentUser, zhengyan: CurrentUser, manager: CurrentUser, evaluator: CurrentUser, admin: CurrentUser;
let shared: Awaited<ReturnType<typeof indicatorByName>>; // 对参保对象组织开展稽核量（各社保处） 24950人次
let news: Awaited<ReturnType<typeof indicatorByName>>; // 开展新闻报道（政研处） 100次
let jianganOrg: number, jianghanOrg: number, zhengyanOrg: number;

beforeAll(async () => {
  [jiangan, jianghan, zhengyan, manager, evaluator, admin] = await Promise.all(["jiangan", "jianghan", "zhengyan", "manager", "evaluator", "admin"].map(asUser));
  shared = await indicatorByName("对参保对象组织开展稽核量", "12-5");
  news = await indicatorByName("开展新闻报道", "12-1");
  jianganOrg = (await orgByShortName("江岸社保处")).id;
  jianghanOrg = (await orgByShortName("江汉社保处")).id;
  zhengyanOrg = (await prisma.organization.findFirstOrThrow({ where: { name: "政研处" } })).id;
});

const report = (over: Record<string, unknown>) => ({ indicatorId: shared.id, organizationId: jianganOrg, year: 2024, month: 3, valueText: "1000", ...over });
const counts = async () => ({ reports: await prisma.report.count(), audits: await prisma.auditLog.count(), evidence: await prisma.evidence.count() });

describe("who may do what (role × operation × own / other office)", () => {
  it.each([
    ["reporter, own office, own indicator", () => jiangan, () => report({ month: 1, valueText: "2100" }), "ok"],
    ["reporter, own indicator, another office's part", () => jianghan, () => report({ month: 1 }), "forbidden"],
    ["reporter, another office's indicator", () => zhengyan, () => report({ organizationId: zhengyanOrg, month: 1 }), "forbidden"],
    ["reporter, own indicator (政研处)", () => zhengyan, () => ({ indicatorId: news.id, organizationId: zhengyanOrg, year: 2024, month: 1, valueText: "9" }), "ok"],
    ["manager", () => manager, () => report({ month: 2 }), "forbidden"],
    ["evaluator", () => evaluator, () => report({ month: 2 }), "forbidden"],
    ["admin", () => admin, () => report({ month: 2 }), "forbidden"],
    ["nobody signed in", () => null, () => report({ month: 2 }), "unauthenticated"],
    ["unknown indicator", () => jiangan, () => report({ indicatorId: 999999 }), "not_found"],
  ])("save report: %s → %s", async (_name, who, input, expected) => {
    const before = await counts();
    const r = await saveReport(input(), who());
    if (expected === "ok") {
      expect(r).toHaveProperty("data");
      expect((await counts()).audits).toBe(before.audits + 1);
    } else {
      expect("error" in r && r.error.code).toBe(expected);
      expect(await counts()).toEqual(before);
    }
  });

  it("only managers and admins review; only admins override a target's parse", async () => {
    const saved = await saveReport(report({ month: 4, valueText: "9000", intent: "submit" }), jiangan);
    if (!("data" in saved)) throw new Error(JSON.stringify(saved));
    const id = saved.data.report.id;
    for (const who of [jiangan, zhengyan, evaluator]) {
      const r = await reviewReport({ reportId: id, decision: "approve", expectedVersion: 1 }, who);
      expect("error" in r && r.error.code).toBe("forbidden");
    }
    expect(await reviewReport({ reportId: id, decision: "approve", expectedVersion: 1 }, manager)).toHaveProperty("data");
    for (const who of [jiangan, manager, evaluator]) {
      const r = await overrideTarget({ indicatorId: news.id, expression: "≥100次" }, who);
      expect("error" in r && r.error.code).toBe("forbidden");
    }
    expect(await overrideTarget({ indicatorId: news.id, expression: "≥100次" }, admin)).toHaveProperty("data");
  });
});

describe("shortfalls need a reason", () => {
  it("a red value without reason and measure is refused, with the light's explanation; with them it is saved", async () => {
    // 24950人次 over nine offices: 2772.2 each; by May 1155.1; 300 is 26% of plan: red.
    const refused = await saveReport(report({ month: 5, valueText: "300" }), jiangan);
    expect("error" in refused && refused.error.code).toBe("invalid");
    if ("error" in refused) {
      expect(Object.keys(refused.error.fields ?? {}).sort()).toEqual(["correctiveMeasure", "deviationCategories", "deviationReason"]);
      expect(refused.error.message.zh).toContain("红灯");
    }
    const ok = await saveReport(report({ month: 5, valueText: "300", deviationCategories: ["人员保障"], deviationReason: "稽核人员抽调", correctiveMeasure: "6月补充人员" }), jiangan);
    expect("data" in ok && ok.data.status.light).toBe("red");
  });
});

describe("bad input changes nothing", () => {
  it.each([
    ["a negative count", { valueText: "-5" }, "valueText"],
    ["a percentage for a count", { valueText: "96%" }, "valueText"],
    ["text where a number is needed", { valueText: "很多" }, "valueText"],
    ["NaN", { valueText: "NaN" }, "valueText"],
    ["a huge string", { valueText: "9".repeat(5000) }, "valueText"],
    ["month 13", { month: 13 }, "month"],
    ["a deviation category that does not exist", { deviationCategories: ["天气"] }, "deviationCategories.0"],
    ["a note of 10,000 characters", { note: "长".repeat(10000) }, "note"],
  ])("%s", async (_name, over, field) => {
    const before = await counts();
    const r = await saveReport(report({ month: 6, ...over }), jiangan);
    expect("error" in r && r.error.code).toBe("invalid");
    if ("error" in r) expect(Object.keys(r.error.fields ?? {})).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it("a percentage above 100% for a rate is refused", async () => {
    const rate = await indicatorByName("参保对象满意率", "12-5");
    const r = await saveReport({ indicatorId: rate.id, organizationId: jianganOrg, year: 2024, month: 6, valueText: "120%" }, jiangan);
    expect("error" in r && r.error.code).toBe("invalid");
  });

  it("a script tag in a note is kept as text, never interpreted", async () => {
    const r = await saveReport(report({ month: 7, valueText: "8000", note: "<script>alert(1)</script>" }), jiangan);
    if (!("data" in r)) throw new Error(JSON.stringify(r));
    expect(r.data.report.note).toBe("<script>alert(1)</script>");
  });
});

describe("two people editing the same report", () => {
  it("the second save of the same version is refused (409), the first one's value is kept", async () => {
    const first = await saveReport(report({ month: 8, valueText: "9000" }), jiangan);
    if (!("data" in first)) throw new Error(JSON.stringify(first));
    const v = first.data.report.version;
    const [a, b] = await Promise.all([
      saveReport(report({ month: 8, valueText: "9100", expectedVersion: v }), jiangan),
      saveReport(report({ month: 8, valueText: "9200", expectedVersion: v }), jiangan),
    ]);
    const results = [a, b];
    expect(results.filter((r) => "data" in r)).toHaveLength(1);
    const loser = results.find((r) => "error" in r);
    expect(loser && "error" in loser && loser.error.code).toBe("conflict");
    const winner = results.find((r) => "data" in r) as { data: { report: { valueText: string } } };
    const stored = await prisma.report.findFirstOrThrow({ where: { indicatorId: shared.id, organizationId: jianganOrg, month: 8, current: true } });
    expect(stored.valueText).toBe(winner.data.report.valueText);
    expect(stored.version).toBe(v + 1);
  });

  it("two first saves of the same month: one wins, the other is told", async () => {
    const [a, b] = await Promise.all([
      saveReport(report({ month: 9, valueText: "9000" }), jiangan),
      saveReport(report({ month: 9, valueText: "9500" }), jiangan),
    ]);
    expect([a, b].filter((r) => "data" in r)).toHaveLength(1);
    expect(await prisma.report.count({ where: { indicatorId: shared.id, organizationId: jianganOrg, month: 9 } })).toBe(1);
  });
});

describe("workflow, revisions and periods", () => {
  it("submitted reports are locked; approved ones are corrected by a new revision, the old kept", async () => {
    const s = await saveReport(report({ month: 10, valueText: "20000", intent: "submit" }), jiangan);
    if (!("data" in s)) throw new Error(JSON.stringify(s));
    const locked = await saveReport(report({ month: 10, valueText: "21000", expectedVersion: s.data.report.version }), jiangan);
    expect("error" in locked && locked.error.code).toBe("locked");
    const returned = await reviewReport({ reportId: s.data.report.id, decision: "return", expectedVersion: s.data.report.version }, manager);
    expect("error" in returned && returned.error.code).toBe("invalid"); // a return needs a comment
    const approved = await reviewReport({ reportId: s.data.report.id, decision: "approve", expectedVersion: s.data.report.version }, manager);
    if (!("data" in approved)) throw new Error(JSON.stringify(approved));
    const corrected = await saveReport(report({ month: 10, valueText: "21000", expectedVersion: approved.data.report.version }), jiangan);
    if (!("data" in corrected)) throw new Error(JSON.stringify(corrected));
    expect(corrected.data.report.revision).toBe(2);
    const all = await prisma.report.findMany({ where: { indicatorId: shared.id, organizationId: jianganOrg, month: 10 }, orderBy: { revision: "asc" } });
    expect(all.map((r) => [r.revision, r.status, r.current, r.valueText])).toEqual([
      [1, "approved", false, "20000"],
      [2, "draft", true, "21000"],
    ]);
    const trail = await prisma.auditLog.findMany({ where: { entity: "Indicator", entityId: String(shared.id), action: { startsWith: "report." } }, orderBy: { id: "asc" } });
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(["report.submit", "report.approve", "report.correct"]));
    const correction = trail.find((a) => a.action === "report.correct");
    expect(JSON.parse(correction?.before ?? "{}")).toMatchObject({ valueText: "20000", status: "approved" });
    expect(JSON.parse(correction?.after ?? "{}")).toMatchObject({ valueText: "21000", revision: 2 });
  });

  it("a closed period refuses reports until an admin reopens it", async () => {
    // Left in place (reopened) for the tests after this one, as a month an admin closed and reopened.
    await factory(prisma).period({ year: 2024, month: 11, deadline: new Date("2024-12-10T00:00:00Z"), closed: true });
    const before = await counts();
    const r = await saveReport(report({ month: 11, valueText: "22000" }), jiangan);
    expect("error" in r && r.error.code).toBe("period_closed");
    expect(await counts()).toEqual(before);
    await prisma.period.update({ where: { year_month: { year: 2024, month: 11 } }, data: { reopened: true } });
    expect(await saveReport(report({ month: 11, valueText: "22000" }), jiangan)).toHaveProperty("data");
  });

  it("an admin closes and reopens a month (audited); nobody else may", async () => {
    for (const who of [jiangan, manager, evaluator]) {
      const r = await changePeriod({ year: 2024, month: 12, action: "close" }, who);
      expect("error" in r && r.error.code).toBe("forbidden");
    }
    expect(await changePeriod({ year: 2024, month: 12, action: "close" }, admin)).toHaveProperty("data");
    const refused = await saveReport(report({ month: 12, valueText: "24000" }), jiangan);
    expect("error" in refused && refused.error.code).toBe("period_closed");
    expect(await changePeriod({ year: 2024, month: 12, action: "reopen" }, admin)).toHaveProperty("data");
    expect(await saveReport(report({ month: 12, valueText: "24000" }), jiangan)).toHaveProperty("data");
    const trail = await prisma.auditLog.findMany({ where: { entity: "Period", entityId: "2024-12" }, orderBy: { id: "asc" } });
    expect(trail.map((a) => a.action)).toEqual(["period.close", "period.reopen"]);
    const bad = await changePeriod({ year: 2024, month: 12, action: "set", deadline: "12/31/2024" }, admin);
    expect("error" in bad && bad.error.code).toBe("invalid");
  });

  it("a fellow office reports its own part of the shared indicator", async () => {
    const r = await saveReport(report({ organizationId: jianghanOrg, month: 3, valueText: "1500" }), jianghan);
    expect(r, JSON.stringify(r)).toHaveProperty("data");
  });
});

describe("budget execution (双监控)", () => {
  it("records spending to date per second-level project, sums it per project and lights it against time progress", async () => {
    const { recordSpending, projectExecution } = await import("../lib/reporting/budget");
    const project = await prisma.project.findFirstOrThrow({ where: { code: "420100225030030000105" }, include: { subProjects: { orderBy: { sortOrder: "asc" } } } });
    const jianganSub = project.subProjects.find((s) => s.unitId === jianganOrg);
    const otherSub = project.subProjects.find((s) => s.unitId !== jianganOrg && s.unitId != null);
    if (!jianganSub || !otherSub) throw new Error("seed lacks 社保处 second-level projects");
    // A reporter records its own unit's project only; a manager any.
    expect(await recordSpending({ subProjectId: jianganSub.id, year: 2024, month: 6, spentWan: "100" }, jiangan)).toHaveProperty("data");
    const refused = await recordSpending({ subProjectId: otherSub.id, year: 2024, month: 6, spentWan: "100" }, jiangan);
    expect("error" in refused && refused.error.code).toBe("forbidden");
    expect(await recordSpending({ subProjectId: otherSub.id, year: 2024, month: 6, spentWan: "50.5" }, manager)).toHaveProperty("data");
    // Spending to date cannot go down from one month to the next, nor be typed as text.
    const down = await recordSpending({ subProjectId: jianganSub.id, year: 2024, month: 7, spentWan: "90" }, jiangan);
    expect("error" in down && down.error.code).toBe("invalid");
    const text = await recordSpending({ subProjectId: jianganSub.id, year: 2024, month: 7, spentWan: "一百" }, jiangan);
    expect("error" in text && text.error.code).toBe("invalid");
    // A stale version is refused.
    const stale = await recordSpending({ subProjectId: jianganSub.id, year: 2024, month: 6, spentWan: "120", expectedVersion: 0 }, jiangan);
    expect("error" in stale && stale.error.code).toBe("conflict");

    const { months } = await projectExecution(project.id, 2024, project.currentBudgetYuan);
    const june = months.find((m) => m.month === 6);
    expect(june?.spentYuan).toBe(1_505_000);
    // 150.5万元 of 4127.97万元 is 3.6%, against 50% of the year: red.
    expect(june?.status.light).toBe("red");
    expect(june?.status.explanation.zh).toContain("时间进度 50%");
  });
});

describe("roll-up", () => {
  it("an indicator's light is the worst of its offices', a project's the worst of its indicators'", async () => {
    const { rollup } = await import("../lib/reporting/queries");
    const { worstLight } = await import("../lib/status");
    const r = await rollup({ goal: { project: { code: "420100225030030000105" } } }, 2024, 5);
    // jiangan reported 300 of a 2772.2 share by May (red, earlier test); other offices did not report (nodata).
    expect(r.indicators.get(shared.id)).toBe("red");
    const project = r.projects.get("420100225030030000105");
    expect(project).toBe(worstLight([...r.indicators.values()]));
    expect(r.lines.filter((l) => l.indicator.id === shared.id)).toHaveLength(9);
    // Progress on project pages: the furthest-behind office, who reported, and the monthly trend.
    const p = r.progress.get(shared.id);
    expect(p).toMatchObject({ light: "red", offices: 9 });
    expect(p?.reported).toBeGreaterThanOrEqual(2); // 江岸 (January on) and 江汉 (March)
    expect(p?.ratio).toBeCloseTo(300 / ((24950 / 9) * 5 / 12), 6);
    expect(p?.trend).toHaveLength(5);
    expect(p?.trend[4]).toBe(300); // May: only 江岸 reported
  });
});
