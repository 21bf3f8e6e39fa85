import "server-only";
import { AppError } from "../actions";
import { formatNumber, type ParsedTarget } from "../targets";
import { aggregate, aggregationOf, type Aggregation } from "../reporting";
import type { RolloverInput } from "../validations";
import type { Tx } from "../indicator";
import { carriedTarget, targetInForce, targetOf } from "../indicator";
import { decodeProjectDetail } from "../project";

// Rollover (结转): a new year's tables start as a copy of this year's. The department's 表11
// goals and the chosen projects are copied with their goals, indicators, offices, accumulation and
// aggregation. Each annual row of the new year gets its 上年 column (this year) from what was
// achieved — the latest approved report, combined across offices as the self-evaluation does —
// or, where nothing was approved, from the target that was in force; its 前年 column is this
// year's 上年. The new target starts as this year's effective (revised) target for the department
// to edit. The source year is only read. Budget amounts are not copied: they are the new budget's.
//
// This module imports nothing that needs a session (no lib/actions/mutation at run time), so the
// CLI can run it: next-auth does not load under the CLI's react-server condition. The page goes
// through `rollover` (lib/admin/rollover.ts, `mutate`); the CLI mirrors it (cli/rollover.ts).

export type RolloverSummary = {
  from: number;
  to: number;
  projects: string[];
  goals: number;
  indicators: number;
  /** Annual rows whose 上年 value is an approved result, and those that fell back to the target. */
  fromResults: number;
  fromTargets: number;
};

type Part = { organizationId: number; month: number; valueText: string; value: number | null };

/**
 * What an indicator achieved in a year from each office's latest approved figure: one office's (or
 * a non-numeric target's) text as reported, several offices' numbers combined by the row's rule.
 */
export function combineResults(parts: Part[], target: ParsedTarget, aggregation: Aggregation): string | null {
  if (parts.length === 0) return null;
  const latest = [...parts].sort((a, b) => a.month - b.month).at(-1) as Part;
  if (parts.length === 1 || target.kind !== "quantitative") return latest.valueText;
  const v = aggregate(parts.filter((p) => p.value != null).map((p) => p.value as number), aggregation);
  return v == null ? latest.valueText : formatNumber(v, target.unit);
}

/**
 * Copies one department's year `from` into `to` inside the caller's transaction. Refuses when the
 * department's `to` has tables; other departments' tables (of either year) are neither read nor
 * counted: each department rolls over on its own.
 */
export async function copyYear(tx: Tx, departmentId: number, i: RolloverInput): Promise<RolloverSummary> {
  const { from, to } = i;
  const [goalsTo, indicatorsTo, projectsTo] = await Promise.all([
    tx.goal.count({ where: { departmentId, year: to } }),
    tx.indicator.count({ where: { year: to, goal: { departmentId } } }),
    tx.project.count({ where: { departmentId, year: to } }),
  ]);
  if (goalsTo + indicatorsTo + projectsTo > 0)
    throw new AppError({
      code: "conflict",
      message: {
        zh: `${to}年已有指标表（${projectsTo}个项目、${goalsTo}个目标表、${indicatorsTo}个指标），不能再次结转。如需修改，请在“指标表管理”中编辑${to}年的表。`,
        en: `${to} already has tables (${projectsTo} projects, ${goalsTo} goals, ${indicatorsTo} indicators); it cannot be rolled into again. Edit ${to}'s tables instead.`,
      },
    });

  const available = await tx.project.findMany({ where: { departmentId, year: from, retiredAt: null }, orderBy: { sortOrder: "asc" }, include: { subProjects: { orderBy: { sortOrder: "asc" } } } });
  const goalsFrom = await tx.goal.count({ where: { departmentId, year: from, retiredAt: null } });
  if (goalsFrom === 0) throw new AppError({ code: "not_found", message: { zh: `${from}年没有可结转的指标表`, en: `${from} has no tables to roll over` } });
  const wanted = i.projects ? [...new Set(i.projects)] : available.map((p) => p.code);
  const unknown = wanted.filter((c) => !available.some((p) => p.code === c));
  if (unknown.length)
    throw new AppError({ code: "invalid", message: { zh: `${from}年没有这些项目（或已停用）：${unknown.join("、")}`, en: `${from} has no (active) project coded ${unknown.join(", ")}` }, fields: { projects: unknown } });
  const projects = available.filter((p) => wanted.includes(p.code));

  await tx.year.upsert({ where: { year: to }, create: { year: to, status: "open" }, update: {} });

  const projectId = new Map<number, number>();
  for (const p of projects) {
    const detail: Record<string, unknown> = decodeProjectDetail(p.detailJson);
    // The new year's money is its own budget's: spending lines, purchases and sources start empty.
    for (const k of ["spending", "purchases", "fund_sources"]) if (k in detail) detail[k] = [];
    const row = await tx.project.create({
      data: {
        departmentId: p.departmentId,
        year: to,
        code: p.code,
        name: p.name,
        tableNo: p.tableNo,
        sortOrder: p.sortOrder,
        category: p.category,
        attribute: p.attribute,
        executingUnitText: p.executingUnitText,
        lead: p.lead,
        startYear: p.startYear,
        endYear: p.endYear,
        reason: p.reason,
        content: p.content,
        totalBudget: p.totalBudget,
        currentBudget: null,
        currentBudgetYuan: null,
        budgetHistory: null,
        detailJson: JSON.stringify(detail),
        amountsJson: "{}",
      },
    });
    projectId.set(p.id, row.id);
    if (p.subProjects.length)
      await tx.subProject.createMany({
        data: p.subProjects.map((s) => ({ projectId: row.id, code: s.code, name: s.name, unitText: s.unitText, unitId: s.unitId, sortOrder: s.sortOrder, totalYuan: 0, amountsJson: "{}" })),
      });
  }

  const goals = await tx.goal.findMany({
    where: { departmentId, year: from, retiredAt: null, OR: [{ projectId: null }, { projectId: { in: projects.map((p) => p.id) } }] },
    orderBy: { sortOrder: "asc" },
  });
  const indicators = await tx.indicator.findMany({
    where: { goalId: { in: goals.map((g) => g.id) }, retiredAt: null },
    orderBy: [{ goalId: "asc" }, { sortOrder: "asc" }],
    include: {
      orgs: true,
      values: true,
      reports: { where: { year: from, status: "approved" }, orderBy: [{ month: "asc" }, { revision: "asc" }], select: { organizationId: true, month: true, valueText: true, value: true } },
    },
  });

  const goalId = new Map<number, number>();
  for (const g of goals) {
    const row = await tx.goal.create({
      data: { departmentId: g.departmentId, projectId: g.projectId == null ? null : projectId.get(g.projectId), year: to, tableNo: g.tableNo, term: g.term, goalNo: g.goalNo, text: g.text, sortOrder: g.sortOrder },
    });
    goalId.set(g.id, row.id);
  }

  let fromResults = 0;
  let fromTargets = 0;
  const values: { indicatorId: number; year: number; printed: string }[] = [];
  const orgs: { indicatorId: number; organizationId: number; role: string }[] = [];
  for (const ind of indicators) {
    const target = targetOf(ind);
    const inForce = targetInForce(ind).text;
    const row = await tx.indicator.create({
      data: {
        goalId: goalId.get(ind.goalId) as number,
        year: to,
        tableNo: ind.tableNo,
        term: ind.term,
        sortOrder: ind.sortOrder,
        level1: ind.level1,
        level2: ind.level2,
        level3: ind.level3,
        namePrinted: ind.namePrinted,
        officeText: ind.officeText,
        basis: ind.basis,
        ...carriedTarget(ind),
        aggregation: ind.aggregation,
      },
    });
    for (const o of ind.orgs) orgs.push({ indicatorId: row.id, organizationId: o.organizationId, role: o.role });
    if (ind.term !== "annual") continue;
    const latest = new Map<number, Part>();
    for (const r of ind.reports) latest.set(r.organizationId, r);
    const achieved = combineResults([...latest.values()], target, aggregationOf(ind.aggregation, target));
    if (achieved != null) fromResults++;
    else fromTargets++;
    values.push({ indicatorId: row.id, year: from, printed: achieved ?? inForce });
    const before = ind.values.find((v) => v.year === from - 1);
    if (before) values.push({ indicatorId: row.id, year: from - 1, printed: before.printed });
  }
  if (values.length) await tx.indicatorValue.createMany({ data: values });
  if (orgs.length) await tx.indicatorOrg.createMany({ data: orgs });

  return { from, to, projects: projects.map((p) => p.code), goals: goals.length, indicators: indicators.length, fromResults, fromTargets };
}

