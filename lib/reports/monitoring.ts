import "server-only";
import { prisma } from "../db/prisma";
import { budgetStatus, type Light } from "../status";
import { rollup, projectExecution, aggregationOf, combinedText, latestParts, decodeDeviationCategories } from "../reporting";
import { targetOf } from "../indicator/client";
import { DEVIATION_CATEGORIES, LIKELIHOODS, type DeviationCategory } from "../validations";
import type { Prisma } from "../db/generated/sqlite/client";

// 项目支出绩效目标执行监控表 (docs/domain.md §4): a project's budget execution and each annual
// indicator's progress as of the end of month N, filled from the offices' reports. What counts is
// what the dashboards count (lib/reporting/queries): every office's current revision of each
// month up to N, drafts included — the form shows the same figures and lights as the overview
// at that month. Nothing reported after month N is read, so "1–7月" is what July looked like.

export type Likelihood = (typeof LIKELIHOODS)[number];

export type MonitoringRow = {
  /** Indicator id. */
  id: number;
  level1: string;
  level2: string;
  level3: string;
  /** 年度指标值: the approved revision (调整指标值) where there is one, else the printed target. */
  target: string;
  /** The printed target (年初指标值). */
  originalTarget: string;
  /** 1–N月执行情况: each office's latest figure up to month N, combined as the self-evaluation does. */
  valueToDate: string;
  /** The latest month any office reported up to N (null: nothing reported). */
  reportedMonth: number | null;
  /** Offices that reported up to N, of those responsible. */
  offices: { reported: number; total: number };
  /** 全年预计完成情况 (Report.forecastText); several offices' texts are prefixed with the office. */
  forecast: string;
  /** 偏差原因分析: the categories ticked by any office, in the form's order. */
  deviationCategories: DeviationCategory[];
  deviationReason: string;
  correctiveMeasure: string;
  /** 完成目标可能性: the least certain of the offices' answers (null: none given). */
  likelihood: Likelihood | null;
  /** 备注 (Report.note). */
  remarks: string;
  /** The indicator's light at month N: the worst of its offices' (lib/status via the roll-up). */
  light: Light;
  /** Why (zh): the furthest-behind office's explanation. */
  explanation: string;
};

export type MonitoringBudget = {
  /** 年初预算数, 万元 (null: the project has no budget figure). */
  initialWan: number | null;
  /** 1–N月执行数, 万元: the second-level projects' spending to date summed. */
  spentWan: number;
  /** 执行率 = spent ÷ budget (null without a budget). */
  rate: number | null;
  /** 时间进度 N/12. */
  timeProgress: number;
  /** 全年预计执行数, 万元: spending to date projected linearly to December (spent × 12/N). */
  forecastWan: number;
  /** The budget light (执行率 ÷ 时间进度). */
  light: Light;
  explanation: string;
};

export type Monitoring = {
  year: number;
  /** As-of month N: the form covers 1–N月. */
  month: number;
  projectCode: string;
  tableNo: string;
  projectName: string;
  department: string;
  /** 实施单位 as printed. */
  unit: string;
  budget: MonitoringBudget;
  /** 年度绩效目标 (the annual goal text). */
  goal: string;
  /** The project's light at month N: the worst of its indicators'. */
  light: Light;
  rows: MonitoringRow[];
};

const reportInclude = (year: number, month: number) => ({
  where: { year, current: true, month: { lte: month } },
  orderBy: { month: "asc" as const },
  include: { organization: { select: { name: true, shortName: true } } },
});

const projectInclude = (year: number, month: number) =>
  ({
    department: { select: { name: true } },
    goals: {
      where: { term: "annual", retiredAt: null },
      orderBy: { sortOrder: "asc" },
      include: {
        indicators: {
          where: { term: "annual", retiredAt: null },
          orderBy: { sortOrder: "asc" },
          include: { _count: { select: { orgs: true } }, reports: reportInclude(year, month) },
        },
      },
    },
  }) satisfies Prisma.ProjectInclude;

type LoadedProject = Prisma.ProjectGetPayload<{ include: ReturnType<typeof projectInclude> }>;
type LoadedIndicator = LoadedProject["goals"][number]["indicators"][number];
type Part = LoadedIndicator["reports"][number];
type Lights = Awaited<ReturnType<typeof rollup>>;

function checkMonth(month: number) {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12, got ${month}`);
}

/** The form of one project (by its 21-digit code) as of the end of month N; null if there is no such project. */
export async function projectMonitoring(departmentId: number, code: string, year: number, month: number): Promise<Monitoring | null> {
  checkMonth(month);
  const p = await prisma.project.findFirst({ where: { departmentId, code, year }, include: projectInclude(year, month) });
  if (!p) return null;
  const lights = await rollup({ goal: { projectId: p.id } }, year, month);
  return fill(p, lights, year, month);
}

/** The forms of every project of the department, in 表12 order. */
export async function departmentMonitoring(departmentId: number, year: number, month: number): Promise<Monitoring[]> {
  checkMonth(month);
  const projects = await prisma.project.findMany({ where: { departmentId, year, retiredAt: null }, orderBy: { sortOrder: "asc" }, include: projectInclude(year, month) });
  if (projects.length === 0) return [];
  const lights = await rollup({ goal: { projectId: { in: projects.map((p) => p.id) } } }, year, month);
  return Promise.all(projects.map((p) => fill(p, lights, year, month)));
}

const yuanToWan = (yuan: number) => yuan / 10000;

async function fill(p: LoadedProject, lights: Lights, year: number, month: number): Promise<Monitoring> {
  const { months } = await projectExecution(p.id, year, p.currentBudgetYuan);
  const spentYuan = months.filter((m) => m.month <= month).at(-1)?.spentYuan ?? 0;
  const status = budgetStatus({ budgetYuan: p.currentBudgetYuan ?? 0, spentYuan, asOfMonth: month });
  // No spending plan by month is kept (BudgetExecution holds amounts to date only), so the
  // year-end figure is the pace so far carried on to December; rounded to the yuan.
  const forecastYuan = Math.round((spentYuan * 12) / month);
  return {
    year,
    month,
    projectCode: p.code,
    tableNo: p.tableNo,
    projectName: p.name,
    department: p.department.name,
    unit: p.executingUnitText ?? "",
    budget: {
      initialWan: p.currentBudgetYuan == null ? null : yuanToWan(p.currentBudgetYuan),
      spentWan: yuanToWan(spentYuan),
      rate: p.currentBudgetYuan ? spentYuan / p.currentBudgetYuan : null,
      timeProgress: month / 12,
      forecastWan: yuanToWan(forecastYuan),
      light: status.light,
      explanation: status.explanation.zh,
    },
    goal: p.goals.map((g) => g.text).join("\n"),
    light: lights.projects.get(p.code) ?? "none",
    rows: p.goals.flatMap((g) => g.indicators).map((ind) => row(ind, lights)),
  };
}

const officeOf = (r: Part) => r.organization.shortName ?? r.organization.name;

/** One office's text as typed; several offices' texts each headed by the office. */
function joined(parts: Part[], shared: boolean, pick: (r: Part) => string | null): string {
  const texts = parts.map((r) => [officeOf(r), pick(r)?.trim() ?? ""] as const).filter(([, t]) => t);
  if (!shared) return texts.map(([, t]) => t).join("；");
  return texts.map(([o, t]) => `${o}：${t}`).join("；");
}

function row(ind: LoadedIndicator, lights: Lights): MonitoringRow {
  const target = targetOf(ind);
  const parts = latestParts(ind.reports);
  const shared = ind._count.orgs > 1;
  const ticked = new Set(parts.flatMap((r) => decodeDeviationCategories(r.deviationCategories)));
  const answers = parts.map((r) => LIKELIHOODS.indexOf(r.likelihood as Likelihood)).filter((i) => i >= 0);
  return {
    id: ind.id,
    level1: ind.level1,
    level2: ind.level2,
    level3: ind.level3,
    target: target.text,
    originalTarget: ind.targetText,
    valueToDate: combinedText(parts, target, aggregationOf(ind.aggregation, target)) ?? "",
    reportedMonth: parts.length ? Math.max(...parts.map((r) => r.month)) : null,
    offices: { reported: parts.length, total: ind._count.orgs },
    forecast: joined(parts, shared, (r) => r.forecastText),
    deviationCategories: DEVIATION_CATEGORIES.filter((c) => ticked.has(c)),
    deviationReason: joined(parts, shared, (r) => r.deviationReason),
    correctiveMeasure: joined(parts, shared, (r) => r.correctiveMeasure),
    likelihood: answers.length ? LIKELIHOODS[Math.max(...answers)] : null,
    remarks: joined(parts, shared, (r) => r.note),
    light: lights.indicators.get(ind.id) ?? "none",
    explanation: lights.progress.get(ind.id)?.explanation ?? "",
  };
}
