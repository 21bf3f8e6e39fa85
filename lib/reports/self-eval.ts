import "server-only";
import { prisma } from "../db/prisma";
import { formatNumber, type ParsedTarget } from "../targets";
import { scoreProject, type ScoreResult, type ScoreRow } from "../scoring";
import { aggregate, aggregationOf, targetOf } from "../reporting/target";
import { projectExecution } from "../reporting/execution";

export type SelfEvalRow = {
  level1: string;
  level2: string;
  level3: string;
  originalTarget: string;
  target: string;
  actual: string;
  weight: number;
  score: number;
  deviation: string;
};

export type SelfEvaluation = {
  year: number;
  projectCode: string;
  projectName: string;
  department: string;
  unit: string;
  funds: { total: number; current: number; carry: number; other: number; spent: number; rate: number | null };
  budget: { weight: number; score: number; rate: number | null } | null;
  goal: { expected: string; actual: string };
  rows: SelfEvalRow[];
  total: number;
  grade: string;
  errors: { zh: string; en: string }[];
};

const wan = (yuan: number) => Math.round(yuan / 100) / 100;
const amount = (printed: string | null | undefined) => (printed ? Number(printed.replace(/,/g, "")) || 0 : 0);

/** The 项目支出绩效自评表 of a project for a year, filled from what the offices reported. */
export async function projectSelfEvaluation(code: string, year: number): Promise<SelfEvaluation | null> {
  const p = await prisma.project.findFirst({
    where: { code, year },
    include: {
      department: true,
      goals: { where: { term: "annual" }, include: { indicators: { orderBy: { sortOrder: "asc" }, include: { orgs: true, reports: { where: { year, current: true }, orderBy: { month: "asc" } } } } } },
    },
  });
  if (!p) return null;
  const amounts = JSON.parse(p.amountsJson) as Record<string, string | null>;
  const { months } = await projectExecution(p.id, year, p.currentBudgetYuan);
  const spentYuan = months.at(-1)?.spentYuan ?? 0;
  const indicators = p.goals.flatMap((g) => g.indicators);

  const scoreRows: ScoreRow[] = [];
  const texts = new Map<number, { actual: string; deviation: string }>();
  for (const ind of indicators) {
    const target: ParsedTarget = targetOf(ind);
    const agg = aggregationOf(ind.aggregation, target);
    // Each office's latest figure of the year, combined by the indicator's rule.
    const latest = new Map<number, (typeof ind.reports)[number]>();
    for (const r of ind.reports) latest.set(r.organizationId, r);
    const parts = [...latest.values()];
    let actualText: string | null = null;
    if (parts.length === 1 || target.kind !== "quantitative") actualText = parts.at(-1)?.valueText ?? null;
    else if (parts.length > 1) {
      const v = aggregate(parts.filter((r) => r.value != null).map((r) => r.value as number), agg);
      actualText = v == null ? null : formatNumber(v, target.unit);
    }
    const reasons = parts.filter((r) => r.deviationReason || r.correctiveMeasure).map((r) => [r.deviationReason, r.correctiveMeasure].filter(Boolean).join("；"));
    texts.set(ind.id, { actual: actualText ?? "", deviation: reasons.join(" / ") });
    scoreRows.push({
      id: ind.id,
      level1: ind.level1,
      level2: ind.level2,
      level3: ind.level3,
      target,
      actualText,
      tier: (parts.at(-1)?.tier ?? undefined) as ScoreRow["tier"],
      deviationReason: parts.find((r) => r.deviationReason)?.deviationReason ?? null,
      correctiveMeasure: parts.find((r) => r.correctiveMeasure)?.correctiveMeasure ?? null,
    });
  }
  const result: ScoreResult = scoreProject({ budget: p.currentBudgetYuan ? { budgetYuan: p.currentBudgetYuan, spentYuan } : null, rows: scoreRows });
  const byId = new Map(result.rows.map((r) => [r.id, r]));
  return {
    year,
    projectCode: p.code,
    projectName: p.name,
    department: p.department.name,
    unit: p.executingUnitText ?? "",
    funds: {
      total: amount(amounts.total),
      current: amount(amounts.current_general),
      carry: amount(amounts.carry_general),
      other: amount(amounts.special_account) + amount(amounts.unit_funds),
      spent: wan(spentYuan),
      rate: p.currentBudgetYuan ? spentYuan / p.currentBudgetYuan : null,
    },
    budget: result.budget ? { weight: result.budget.weight, score: result.budget.score, rate: result.budget.rate } : null,
    goal: { expected: p.goals[0]?.text ?? "", actual: "" },
    rows: indicators.map((ind) => {
      const s = byId.get(ind.id);
      const tx = texts.get(ind.id);
      return {
        level1: ind.level1,
        level2: ind.level2,
        level3: ind.level3,
        originalTarget: ind.targetText,
        target: ind.targetText,
        actual: tx?.actual ?? "",
        weight: s?.weight ?? 0,
        score: s?.score ?? 0,
        deviation: tx?.deviation ?? "",
      };
    }),
    total: result.totalRounded,
    grade: result.grade,
    errors: result.errors,
  };
}
