import "server-only";
import { prisma } from "../db/prisma";
import { budgetStatus, indicatorStatus, worstLight, type Light } from "../status";
import { emptyCounts, type LightCounts } from "../dashboard/client";
import { closedMonths } from "./queries";
import { spentByDepartment } from "./execution";
import { aggregationOf, monthly, officeTarget } from "./target";
import { targetOf } from "../indicator/client";

// The finance bureau's view across departments (issue 7, docs/decisions/009): every department's
// lights, reporting and budget execution at an as-of month, in a handful of flat reads whatever
// the number of departments. No `include`: Prisma sends an include's parent ids as one bind
// list, which breaks past 999 (SQLite) / 32,766 (PostgreSQL) ids when the nested read is ordered.
//
// A light needs only the as-of month's report (and earlier months' for deadlines and
// frequencies), so only those reports are read, not the year's; spending is summed in SQL.

export type DepartmentLine = {
  id: number;
  code: string;
  name: string;
  indicators: number;
  /** (indicator, office) lines owed a report at the month, and those with one. */
  owed: number;
  reported: number;
  submitted: number;
  lights: LightCounts;
  budgetYuan: number;
  spentYuan: number;
  budgetLight: Light;
  /** The latest finalised 部门整体 self-evaluation of the year, if any. */
  selfEval: { number: number; total: number; grade: string } | null;
};

export type CityRollup = { year: number; month: number; departments: DepartmentLine[]; totals: Omit<DepartmentLine, "id" | "code" | "name" | "budgetLight" | "selfEval"> };

/** Figures that add up, per department and for the city. */
const noFigures = () => ({ indicators: 0, owed: 0, reported: 0, submitted: 0, lights: emptyCounts(), budgetYuan: 0, spentYuan: 0 });

const statusFields = { indicatorId: true, organizationId: true, month: true, value: true, tier: true, doneDate: true, status: true } as const;

/** Every department's line and the city's totals at the month, computed from the rows. */
export async function cityRollup(year: number, month: number): Promise<CityRollup> {
  return withTotals(year, month, (await departmentLines(year, month)).lines);
}

/**
 * The lines of the given departments (all when `only` is absent), and whether the month's period
 * counted as closed for them. The reads are restricted to those departments, so rebuilding a few
 * departments' summaries (lib/reporting/summaries.ts) costs a few departments' rows.
 */
export async function departmentLines(year: number, month: number, only?: number[]): Promise<{ lines: DepartmentLine[]; periodClosed: boolean }> {
  const inDept = only ? { departmentId: { in: only } } : {};
  const [departments, goals, indicators, links, atMonth, completions, closed, projects, spent, versions] = await Promise.all([
    prisma.department.findMany({ where: only ? { id: { in: only } } : {}, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
    prisma.goal.findMany({ where: { year, retiredAt: null, ...inDept }, select: { id: true, departmentId: true } }),
    prisma.indicator.findMany({
      where: { year, term: "annual", retiredAt: null, ...(only ? { goal: inDept } : {}) },
      select: {
        id: true, goalId: true, level3: true, aggregation: true, targetText: true, targetKind: true, targetComparator: true, targetValue: true,
        targetValueHigh: true, targetUnit: true, targetDirection: true, accumulation: true, targetOverride: true, revisedTargetText: true,
      },
    }),
    prisma.indicatorOrg.findMany({ where: { indicator: { year, term: "annual", retiredAt: null, ...(only ? { goal: inDept } : {}) } }, select: { indicatorId: true, organizationId: true } }),
    prisma.report.findMany({ where: { year, month, current: true, ...(only ? { organization: inDept } : {}) }, select: statusFields }),
    // Earlier months count for two kinds only: a deadline stays met once a completion was
    // reported, and a frequency adds up every month's occurrences (lib/status/indicator.ts).
    prisma.report.findMany({
      where: { year, month: { lt: month }, current: true, indicator: { targetKind: { in: ["deadline", "frequency"] } }, ...(only ? { organization: inDept } : {}) },
      select: statusFields,
    }),
    closedMonths(year),
    prisma.project.findMany({ where: { year, retiredAt: null, ...inDept }, select: { id: true, departmentId: true, currentBudgetYuan: true } }),
    spentByDepartment(year, month, only),
    prisma.evaluationVersion.findMany({ where: { year, scope: "department", ...inDept }, select: { departmentId: true, number: true, dataJson: true }, orderBy: { number: "asc" } }),
  ]);

  const deptOfGoal = new Map(goals.map((g) => [g.id, g.departmentId]));
  const officesOf = new Map<number, number[]>();
  for (const l of links) {
    const list = officesOf.get(l.indicatorId);
    if (list) list.push(l.organizationId);
    else officesOf.set(l.indicatorId, [l.organizationId]);
  }
  const key = (indicatorId: number, orgId: number) => indicatorId * 1_048_576 + orgId;
  const reportsOf = new Map<number, (typeof atMonth)[number][]>();
  for (const r of [...completions, ...atMonth]) {
    const k = key(r.indicatorId, r.organizationId);
    const list = reportsOf.get(k);
    if (list) list.push(r);
    else reportsOf.set(k, [r]);
  }

  const lines = new Map<number, DepartmentLine>(
    departments.map((d) => [d.id, { ...d, ...noFigures(), budgetLight: "none", selfEval: null }]),
  );
  const periodClosed = closed.has(month);
  for (const ind of indicators) {
    const d = lines.get(deptOfGoal.get(ind.goalId) ?? -1);
    if (!d) continue; // its goal table is retired
    d.indicators++;
    const full = targetOf(ind);
    const orgs = officesOf.get(ind.id) ?? [];
    const target = officeTarget(full, orgs.length, aggregationOf(ind.aggregation, full));
    const judged = full.kind !== "none" && full.kind !== "unparsed";
    const lights: Light[] = [];
    for (const o of orgs) {
      const mine = reportsOf.get(key(ind.id, o)) ?? [];
      const current = mine.find((r) => r.month === month);
      if (judged) {
        d.owed++;
        if (current) d.reported++;
      }
      if (current?.status === "submitted") d.submitted++;
      lights.push(indicatorStatus({ target, asOfMonth: month, year, reports: monthly(mine), periodClosed }).light);
    }
    // One light per indicator, the worst of its offices' (as the department's own dashboards count).
    d.lights[worstLight(lights)]++;
    d.lights.total++;
  }

  for (const p of projects) {
    const d = lines.get(p.departmentId);
    if (d) d.budgetYuan += p.currentBudgetYuan ?? 0;
  }
  for (const [id, yuan] of spent) {
    const d = lines.get(id);
    if (d) d.spentYuan = yuan;
  }
  for (const v of versions) {
    const d = lines.get(v.departmentId);
    if (!d) continue;
    const data = JSON.parse(v.dataJson) as { total: number; grade: string };
    d.selfEval = { number: v.number, total: data.total, grade: data.grade };
  }
  const out = [...lines.values()];
  for (const d of out) d.budgetLight = d.budgetYuan > 0 ? budgetStatus({ budgetYuan: d.budgetYuan, spentYuan: d.spentYuan, asOfMonth: month }).light : "none";
  return { lines: out, periodClosed };
}

/** The roll-up from its lines: the city's totals added up. */
export function withTotals(year: number, month: number, departments: DepartmentLine[]): CityRollup {
  const totals = noFigures();
  for (const d of departments) {
    totals.indicators += d.indicators;
    totals.owed += d.owed;
    totals.reported += d.reported;
    totals.submitted += d.submitted;
    totals.budgetYuan += d.budgetYuan;
    totals.spentYuan += d.spentYuan;
    for (const l of Object.keys(d.lights) as (keyof LightCounts)[]) totals.lights[l] += d.lights[l];
  }
  return { year, month, departments, totals };
}

/** A department by its code, for the finance bureau's read-only drill-down (/city/<code>). */
export function departmentByCode(code: string) {
  return prisma.department.findUnique({ where: { code }, select: { id: true, code: true, name: true } });
}
