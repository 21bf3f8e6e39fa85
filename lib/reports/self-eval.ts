import "server-only";
import { prisma } from "../db/prisma";
import { type Message, type ParsedTarget, type Tier } from "../targets";
import { scoreProject, type RowFlag, type ScoreRow } from "../scoring";
import { aggregationOf, combinedText, latestParts, projectExecution, spentByProject } from "../reporting";
import { targetInForce, targetOf } from "../indicator/client";
import { decodeProjectAmounts } from "../project";
import { decodeProfileDetail } from "../department";
import { decodeEvaluationSettings } from "./evaluation-row";
import type { EvaluationSettings } from "../validations";

export type SelfEvalRow = {
  /** Indicator id. */
  id: number;
  level1: string;
  level2: string;
  level3: string;
  /** 年初指标值 (as printed). */
  originalTarget: string;
  /** 调整指标值 where revised, else the printed target: the one scored. */
  target: string;
  kind: ParsedTarget["kind"];
  actual: string;
  applicable: boolean;
  weight: number;
  /** Score by the rules, before any adjustment. */
  computed: number;
  /** Score that counts. */
  score: number;
  flags: RowFlag[];
  tier?: Tier;
  tierScore?: number;
  adjustment?: { score: number; reason: string };
  /** How the score was worked out (zh). */
  how: string;
  deviation: string;
};

/** One line of the funds block, 万元: 年初预算数, 全年预算数, 全年执行数 (null: not known). */
export type FundsLine = { initial: number; full: number; spent: number | null };

export type SelfEvaluation = {
  kind: "project" | "department";
  /** "project:<code>" or "department". */
  scope: string;
  year: number;
  projectCode: string | null;
  /** The form's subject: the project's name, or the department's for the department form. */
  projectName: string;
  department: string;
  unit: string;
  /** Keyed by the layout's funds fields (project: total/current/carry/other; department: total/fiscal/…). */
  funds: Record<string, FundsLine>;
  /** 执行率 of the total line. */
  rate: number | null;
  budget: { weight: number; score: number; rate: number | null } | null;
  goal: { expected: string; actual: string };
  rows: SelfEvalRow[];
  total: number;
  grade: string;
  weights: Record<"budget" | "output" | "outcome" | "satisfaction", number>;
  /** What must be resolved before finalising; `code` from lib/scoring where the scoring found it. */
  errors: (Message & { code?: string })[];
  notes: Message[];
  shortfalls: { id: number; level3: string; target: string; actual: string; lost: number; deviationReason: string | null; correctiveMeasure: string | null }[];
  /** The settings version the form was computed with (0: none saved yet). */
  settingsVersion: number;
  /** Set when this is a finalised snapshot. */
  frozen: { number: number; finalisedAt: string; finalisedBy: string; note: string | null } | null;
};

const wan = (yuan: number) => Math.round(yuan / 100) / 100;
const amount = (printed: string | null | undefined) => (printed ? Number(printed.replace(/,/g, "")) || 0 : 0);

const indicatorInclude = (year: number) => ({
  where: { retiredAt: null },
  orderBy: { sortOrder: "asc" as const },
  include: { reports: { where: { year, current: true }, orderBy: { month: "asc" as const } } },
});
type IndicatorWithReports = NonNullable<Awaited<ReturnType<typeof loadProject>>>["goals"][number]["indicators"][number];

function loadProject(departmentId: number, code: string, year: number) {
  return prisma.project.findFirst({
    where: { departmentId, code, year },
    include: { department: true, goals: { where: { term: "annual", retiredAt: null }, orderBy: { sortOrder: "asc" }, include: { indicators: indicatorInclude(year) } } },
  });
}

/** The evaluator's saved settings for a form (none: defaults). */
export async function evaluationSettingsOf(departmentId: number, year: number, scope: string): Promise<{ settings: EvaluationSettings; version: number }> {
  const e = await prisma.evaluation.findUnique({ where: { departmentId_year_scope: { departmentId, year, scope } } });
  if (!e) return { settings: {}, version: 0 };
  return { settings: decodeEvaluationSettings(e.settingsJson), version: e.version };
}

/**
 * A project's or the department's form as computed now, or a finalised version (frozen snapshot).
 * Forms belong to a department: `departmentId` is the caller's (lib/auth/scope.ts departmentOf).
 */
export async function selfEvaluation(departmentId: number, scope: string, year: number, version?: number): Promise<SelfEvaluation | null> {
  if (version != null) {
    const v = await prisma.evaluationVersion.findUnique({ where: { departmentId_year_scope_number: { departmentId, year, scope, number: version } } });
    return v ? (JSON.parse(v.dataJson) as SelfEvaluation) : null;
  }
  return computeSelfEvaluation(departmentId, scope, year, await evaluationSettingsOf(departmentId, year, scope));
}

/** The form computed now with settings the caller has already read (the evaluation page shows both). */
export function computeSelfEvaluation(departmentId: number, scope: string, year: number, { settings, version }: { settings: EvaluationSettings; version: number }): Promise<SelfEvaluation | null> {
  if (scope === "department") return departmentSelfEvaluation(departmentId, year, settings, version);
  const code = /^project:(\d{21})$/.exec(scope)?.[1];
  return code ? projectSelfEvaluation(departmentId, code, year, settings, version) : Promise.resolve(null);
}

/** The 项目支出绩效自评表 of a project for a year, filled from what the offices reported. */
export async function projectSelfEvaluation(departmentId: number, code: string, year: number, settings: EvaluationSettings = {}, settingsVersion = 0): Promise<SelfEvaluation | null> {
  const p = await loadProject(departmentId, code, year);
  if (!p) return null;
  const amounts = decodeProjectAmounts(p.amountsJson);
  const { months } = await projectExecution(p.id, year, p.currentBudgetYuan);
  const spentYuan = months.at(-1)?.spentYuan ?? 0;
  const line = (v: number, spent: number | null = null): FundsLine => ({ initial: v, full: v, spent });
  return fill({
    kind: "project",
    scope: `project:${code}`,
    year,
    projectCode: p.code,
    projectName: p.name,
    department: p.department.name,
    unit: p.executingUnitText ?? "",
    funds: {
      total: line(amount(amounts.total), wan(spentYuan)),
      current: line(amount(amounts.current_general)),
      carry: line(amount(amounts.carry_general)),
      other: line(amount(amounts.special_account) + amount(amounts.unit_funds)),
    },
    budget: p.currentBudgetYuan ? { budgetYuan: p.currentBudgetYuan, spentYuan } : null,
    goalExpected: p.goals.map((g) => g.text).join("\n"),
    indicators: p.goals.flatMap((g) => g.indicators),
    settings,
    settingsVersion,
    errors: [],
  });
}

const DEPARTMENT_FUNDS: Record<string, string> = {
  合计: "total",
  财政拨款: "fiscal",
  财政专户管理资金: "special",
  单位资金: "unit_funds",
  人员类项目支出: "personnel",
  运转类项目支出: "operating",
  特定目标类项目支出: "specific",
};

/** The 部门整体支出绩效自评表: 表11's annual goals and indicators, the department's funds. */
export async function departmentSelfEvaluation(departmentId: number, year: number, settings: EvaluationSettings = {}, settingsVersion = 0): Promise<SelfEvaluation | null> {
  const goals = await prisma.goal.findMany({
    where: { departmentId, year, tableNo: "11", term: "annual", projectId: null, retiredAt: null },
    orderBy: { sortOrder: "asc" },
    include: { department: { include: { profiles: { where: { year } } } }, indicators: indicatorInclude(year) },
  });
  if (goals.length === 0) return null;
  const dept = goals[0].department;
  const detail = decodeProfileDetail(dept.profiles[0]?.detailJson);
  // Specific-purpose spending is what the projects recorded; the rest comes from the accounts, typed by the evaluator.
  const projects = await prisma.project.findMany({ where: { departmentId, year, retiredAt: null }, select: { id: true } });
  const spent = await spentByProject(year, 12, projects.map((p) => p.id));
  const projectSpent = projects.reduce((s, p) => s + (spent.get(p.id) ?? 0), 0);
  const funds: Record<string, FundsLine> = {};
  for (const f of detail.funds) {
    const field = f.item === "合计" ? (f.group === "收入构成" ? "total" : null) : DEPARTMENT_FUNDS[f.item];
    if (!field) continue;
    const typed = settings.spent?.[field];
    funds[field] = { initial: amount(f.amount), full: amount(f.amount), spent: typed ?? (field === "specific" ? wan(projectSpent) : null) };
  }
  const total = funds.total;
  const errors: Message[] = [];
  if (total && total.spent == null) errors.push({ zh: "请填写部门全年执行数（合计），预算执行率才能计分", en: "Enter the department's full-year spending (total) to score budget execution" });
  return fill({
    kind: "department",
    scope: "department",
    year,
    projectCode: null,
    projectName: dept.name,
    department: dept.name,
    unit: dept.name,
    funds,
    budget: total && total.spent != null && total.full > 0 ? { budgetYuan: total.full * 10000, spentYuan: total.spent * 10000 } : null,
    goalExpected: goals.map((g) => (g.goalNo ? `${g.goalNo}. ${g.text}` : g.text)).join("\n"),
    indicators: goals.flatMap((g) => g.indicators),
    settings,
    settingsVersion,
    errors,
  });
}

/** Combines each indicator's reports, scores the form with the evaluator's settings, and shapes it. */
function fill(f: Pick<SelfEvaluation, "kind" | "scope" | "year" | "projectCode" | "projectName" | "department" | "unit" | "funds"> & {
  budget: { budgetYuan: number; spentYuan: number } | null;
  goalExpected: string;
  indicators: IndicatorWithReports[];
  settings: EvaluationSettings;
  settingsVersion: number;
  errors: Message[];
}): SelfEvaluation {
  const scoreRows: ScoreRow[] = [];
  const texts = new Map<number, { actual: string; deviation: string }>();
  for (const ind of f.indicators) {
    const target = targetOf(ind);
    const agg = aggregationOf(ind.aggregation, target);
    // Each office's latest figure of the year, combined by the indicator's rule.
    const parts = latestParts(ind.reports);
    const actualText = combinedText(parts, target, agg);
    const reasons = parts.filter((r) => r.deviationReason || r.correctiveMeasure).map((r) => [r.deviationReason, r.correctiveMeasure].filter(Boolean).join("；"));
    texts.set(ind.id, { actual: actualText ?? "", deviation: reasons.join(" / ") });
    const s = f.settings.rows?.[String(ind.id)] ?? {};
    scoreRows.push({
      id: ind.id,
      level1: ind.level1,
      level2: ind.level2,
      level3: ind.level3,
      target,
      actualText,
      applicable: s.applicable,
      weight: s.weight,
      tier: s.tier ?? ((parts.at(-1)?.tier ?? undefined) as Tier | undefined),
      tierScore: s.tierScore,
      adjustment: s.adjustment,
      deviationReason: parts.find((r) => r.deviationReason)?.deviationReason ?? null,
      correctiveMeasure: parts.find((r) => r.correctiveMeasure)?.correctiveMeasure ?? null,
    });
  }
  const result = scoreProject({ budget: f.budget, rows: scoreRows, weights: f.settings.weights });
  const byId = new Map(result.rows.map((r) => [r.id, r]));
  const total = f.funds.total;
  return {
    kind: f.kind,
    scope: f.scope,
    year: f.year,
    projectCode: f.projectCode,
    projectName: f.projectName,
    department: f.department,
    unit: f.unit,
    funds: f.funds,
    rate: total && total.spent != null && total.full > 0 ? total.spent / total.full : null,
    budget: result.budget ? { weight: result.budget.weight, score: result.budget.score, rate: result.budget.rate } : null,
    goal: { expected: f.goalExpected, actual: f.settings.goalActual ?? "" },
    rows: f.indicators.map((ind) => {
      const s = byId.get(ind.id);
      const tx = texts.get(ind.id);
      return {
        id: ind.id,
        level1: ind.level1,
        level2: ind.level2,
        level3: ind.level3,
        originalTarget: ind.targetText,
        target: targetInForce(ind).text,
        kind: ind.targetKind as ParsedTarget["kind"],
        actual: tx?.actual ?? "",
        applicable: !s?.flags.includes("not_applicable"),
        weight: s?.weight ?? 0,
        computed: s?.computed ?? 0,
        score: s?.score ?? 0,
        flags: s?.flags ?? [],
        tier: s?.tier,
        tierScore: s?.tierScore,
        adjustment: s?.adjustment,
        how: s?.note.zh ?? "",
        deviation: tx?.deviation ?? "",
      };
    }),
    total: result.totalRounded,
    grade: result.grade,
    weights: result.weights,
    errors: [...f.errors, ...result.errors.map((e) => ({ zh: e.zh, en: e.en, code: e.code }))],
    notes: result.notes,
    shortfalls: result.shortfalls.map((s) => ({
      id: Number(s.id),
      level3: s.level3,
      target: s.target,
      actual: s.actualText ?? "",
      lost: s.lost,
      deviationReason: s.deviationReason,
      correctiveMeasure: s.correctiveMeasure,
    })),
    settingsVersion: f.settingsVersion,
    frozen: null,
  };
}
