// The city roll-up kept in the database (issue 13, docs/decisions/012): after every step of a
// scripted year of changes — reports saved, submitted, approved and returned, target revisions,
// parse overrides, table edits, offices, budget execution, a finalised self-evaluation, periods
// closed and reopened, a deadline passing, a rollover — the stored lines equal a full
// recomputation (cityRollup) at every as-of month. Runs on SQLite and PostgreSQL like the rest.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../lib/db/prisma";
import { cityRollup } from "../lib/reporting/city";
import { summaryView } from "../lib/reporting/summaries";
import { reviewReport, saveReport } from "../lib/reporting/service";
import { recordSpending } from "../lib/reporting/budget";
import { changePeriod } from "../lib/reporting/periods";
import { reviseTarget } from "../lib/indicator/revisions";
import { overrideTarget } from "../lib/indicator/override";
import { assignOffice, removeOffice, setRetired, updateProject } from "../lib/indicator/tables";
import { finaliseEvaluation } from "../lib/reports/evaluation";
import { rollover } from "../lib/admin/rollover";
import { otherDepartment, type OtherDepartment } from "./departments";

let other: OtherDepartment;
let subProjectId: number;
let secondOrg: number;
let periodsBefore: { year: number; month: number; deadline: Date; closed: boolean; reopened: boolean }[];
let had2025: boolean;

const ok = (r: object) => expect("error" in r ? r.error : "ok").toBe("ok");
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** The stored lines (rebuilt where out of date) equal the roll-up computed from the rows, at every month. */
async function agrees(year = 2024, months = MONTHS) {
  for (const m of months) {
    const stored = await summaryView(year, m, { wait: true });
    expect(stored.stale).toBe(0);
    expect(stored.value, `${year}-${m}`).toEqual(await cityRollup(year, m));
  }
}

const line = async (year: number, month: number, opts: { wait?: boolean } = {}) => (await summaryView(year, month, opts)).value.departments.find((d) => d.id === other.id)!;

beforeAll(async () => {
  other = await otherDepartment("597");
  const sub = await other.build.subProject({ projectId: other.projectId, code: "597-1", name: "测试二级项目", unitText: "测试处", sortOrder: 1, totalYuan: 1_000_000 });
  subProjectId = sub.id;
  secondOrg = (await other.build.office({ departmentId: other.id, code: "597002", name: "测试部门597第二处", shortName: "第二处", sortOrder: 2 })).id;
  periodsBefore = await prisma.period.findMany({ where: { year: 2024 }, select: { year: true, month: true, deadline: true, closed: true, reopened: true } });
  had2025 = (await prisma.year.findUnique({ where: { year: 2025 } })) !== null;
});

afterAll(async () => {
  for (const p of periodsBefore) await prisma.period.update({ where: { year_month: { year: p.year, month: p.month } }, data: p });
  // Months this file made (a deadline moved into the past) go, so later files see 2024 as before.
  await prisma.period.deleteMany({ where: { year: 2024, month: { notIn: periodsBefore.map((p) => p.month) } } });
  await prisma.auditLog.deleteMany({ where: { entity: "Period", userId: { in: Object.values(other.users).map((u) => u.id) } } });
  await other.drop();
  if (!had2025) await prisma.year.deleteMany({ where: { year: 2025 } });
});

describe("the city roll-up's stored lines", () => {
  it("are built for every department on the first request and then served as stored", async () => {
    await agrees(2024, [1, 7, 12]);
    const first = await summaryView(2024, 7);
    const again = await summaryView(2024, 7);
    expect(again.stale).toBe(0);
    expect(again.computedAt).toEqual(first.computedAt); // nothing recomputed
  });

  it("requests that need the same missing lines at once share one build (in turns of a few departments), and agree", async () => {
    await prisma.departmentSummary.deleteMany({ where: { year: 2024, month: 9 } });
    const departments = await prisma.department.count();
    const [a, b, c] = await Promise.all([summaryView(2024, 9), summaryView(2024, 9), summaryView(2024, 9)]);
    // Each department's line was stored once: the later requests read the first one's lines.
    expect(await prisma.departmentSummary.count({ where: { year: 2024, month: 9 } })).toBe(departments);
    expect(b.computedAt).toEqual(a.computedAt);
    expect(c.computedAt).toEqual(a.computedAt);
    expect(b.value).toEqual(a.value);
    expect(a.value).toEqual(await cityRollup(2024, 9));
  });

  it("a stored line that does not decode (edited by hand) is rebuilt, not served", async () => {
    await agrees(2024, [10]);
    await prisma.departmentSummary.update({ where: { departmentId_year_month: { departmentId: other.id, year: 2024, month: 10 } }, data: { dataJson: '{"indicators":"many"}' } });
    const view = await summaryView(2024, 10);
    expect(view.value).toEqual(await cityRollup(2024, 10));
    const row = await prisma.departmentSummary.findUniqueOrThrow({ where: { departmentId_year_month: { departmentId: other.id, year: 2024, month: 10 } } });
    expect((JSON.parse(row.dataJson) as { indicators: unknown }).indicators).toBeTypeOf("number");
  });

  it("a write marks only its department out of date, in its own transaction; the next request serves the old line once and rebuilds it", async () => {
    await agrees(2024, [2]);
    const before = await line(2024, 2);
    const version = async () => (await prisma.summaryVersion.aggregate({ where: { departmentId: other.id }, _sum: { version: true } }))._sum.version ?? 0;
    const v0 = await version();
    ok(await saveReport({ indicatorId: other.deptIndicatorId, organizationId: other.orgId, year: 2024, month: 2, valueText: "30人", intent: "submit" }, other.users.reporter));
    expect(await version()).toBe(v0 + 1);
    const served = await summaryView(2024, 2);
    expect(served.stale).toBe(1); // the seeded department's line is fresh
    expect(served.value.departments.find((d) => d.id === other.id)).toEqual(before);
    // The background rebuild of that one department lands.
    for (let i = 0; i < 100 && (await summaryView(2024, 2)).stale > 0; i++) await new Promise((r) => setTimeout(r, 50));
    const after = await line(2024, 2);
    expect(after.reported).toBe(before.reported + 1);
    expect(after.submitted).toBe(before.submitted + 1);
    await agrees(2024, [2]);
  });

  it("equal a full recomputation after every step of a scripted year of changes", async () => {
    const { reporter, manager, admin, evaluator } = other.users;
    for (const month of MONTHS) {
      // Reports: a draft, then submitted (month 1's was submitted when the department was made);
      // approved on even months, returned on odd ones.
      let report = month === 1 ? await prisma.report.findUniqueOrThrow({ where: { id: other.reportId } }) : null;
      if (!report) {
        const draft = await saveReport({ indicatorId: other.indicatorId, organizationId: other.orgId, year: 2024, month, valueText: `${month * 9}人`, intent: "save" }, reporter);
        ok(draft);
        await agrees(2024, [month]);
        const expectedVersion = "data" in draft ? draft.data.report.version : 0;
        const submitted = await saveReport({ indicatorId: other.indicatorId, organizationId: other.orgId, year: 2024, month, valueText: `${month * 9}人`, intent: "submit", expectedVersion, deviationCategories: ["其他"], deviationReason: "测试", correctiveMeasure: "测试" }, reporter);
        ok(submitted);
        report = "data" in submitted ? submitted.data.report : null;
      }
      if (report) {
        if (month % 2 === 0) ok(await reviewReport({ reportId: report.id, decision: "approve", expectedVersion: report.version }, manager));
        else ok(await reviewReport({ reportId: report.id, decision: "return", comment: "请补充说明", expectedVersion: report.version }, manager));
      }
      // Budget execution to date.
      ok(await recordSpending({ subProjectId, year: 2024, month, spentWan: String(month * 7) }, manager));
      // Admin changes through the year.
      if (month === 3) ok(await overrideTarget({ indicatorId: other.indicatorId, expression: "≥60人" }, admin));
      if (month === 4) ok(await reviseTarget({ indicatorId: other.deptIndicatorId, targetText: "≥50人", docNo: "武人社函〔2024〕97号", approvedOn: "2024-04-15" }, admin));
      if (month === 5) ok(await assignOffice({ indicatorId: other.indicatorId, organizationId: secondOrg, role: "support" }, admin));
      if (month === 6) ok(await changePeriod({ year: 2024, month: 6, action: "close" }, admin));
      if (month === 7) ok(await changePeriod({ year: 2024, month: 6, action: "reopen" }, admin));
      if (month === 8) ok(await removeOffice({ indicatorId: other.indicatorId, organizationId: secondOrg }, admin));
      if (month === 9) ok(await setRetired({ entity: "indicator", id: other.deptIndicatorId, action: "retire" }, admin));
      if (month === 10) ok(await setRetired({ entity: "indicator", id: other.deptIndicatorId, action: "restore" }, admin));
      if (month === 11) ok(await updateProject({ projectId: other.projectId, name: "其他部门项目（更名）" }, admin));
      if (month === 12) {
        // The self-evaluation carries the year's reasons in: the second indicator's year-end report gives them.
        ok(await saveReport({ indicatorId: other.deptIndicatorId, organizationId: other.orgId, year: 2024, month, valueText: "40人", intent: "submit", deviationCategories: ["其他"], deviationReason: "测试", correctiveMeasure: "测试" }, reporter));
      }
      if (month === 12) ok(await finaliseEvaluation({ year: 2024, scope: "department", note: "测试定稿" }, evaluator));
      await agrees(2024, month === 12 ? MONTHS : [1, month, Math.min(12, month + 1)]);
    }
    const final = await line(2024, 12);
    expect(final.selfEval?.number).toBe(1);
    expect(final.spentYuan).toBe(84 * 10000);
    expect(final.owed).toBe(2); // two indicators, one office each again
  });

  it("follow time: a deadline passing closes the month without any write, and its lines are rebuilt", async () => {
    await agrees(2024, [3]);
    const before = await summaryView(2024, 3);
    // The month's deadline moves into the past (as the clock would): no audited write, no version bump.
    await prisma.period.upsert({
      where: { year_month: { year: 2024, month: 3 } },
      create: { year: 2024, month: 3, deadline: new Date(Date.now() - 60_000) },
      update: { deadline: new Date(Date.now() - 60_000), closed: false, reopened: false },
    });
    const after = await summaryView(2024, 3);
    expect(after.stale).toBe(0);
    expect(after.computedAt.getTime()).toBeGreaterThan(before.computedAt.getTime());
    expect(after.value).toEqual(await cityRollup(2024, 3));
  });

  it("a rollover's new year gets its own lines", async () => {
    ok(await rollover({ from: 2024, to: 2025 }, other.users.admin));
    await agrees(2025, [1, 12]);
    expect((await line(2025, 1)).indicators).toBe(2);
  });
});
