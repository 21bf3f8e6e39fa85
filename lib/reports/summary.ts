import "server-only";
import { prisma } from "../db/prisma";
import { budgetStatus, worstLight, type Light } from "../status";
import type { Grade } from "../scoring";
import { rollup } from "../reporting";
import { countBy, emptyCounts, type LightCounts } from "../dashboard/client";
import { selfEvaluation, type SelfEvaluation } from "./self-eval";

// 年度绩效自评汇总: every self-evaluation form of the year (the department's 表11 and each 表12
// project) with its total and grade as computed now by selfEvaluation — the same figures the
// evaluation pages show — its lights at year end (month 12, as the dashboards would show them),
// and every shortfall with its reason and corrective measure. A finalised version is named, not
// substituted: the summary is the working view; the finalised forms are downloaded one by one.

export const GRADES: Grade[] = ["优", "良", "中", "差"];

export type SummaryForm = {
  /** "department" or "project:<code>". */
  scope: string;
  kind: SelfEvaluation["kind"];
  /** "11" for the department form, "12-1"… for the projects. */
  tableNo: string;
  projectCode: string | null;
  name: string;
  total: number;
  grade: string;
  /** 预算执行率 of the form's total funds line (null: spending not known). */
  rate: number | null;
  /** Points scored for budget execution, of `budgetWeight`. */
  budgetScore: number | null;
  budgetWeight: number | null;
  /** The indicators' light at year end: the worst of the form's annual indicators' at month 12. */
  light: Light;
  /** The budget light at year end (执行率 ÷ 100% time progress); null when spending is not known. */
  budgetLight: Light | null;
  indicators: number;
  shortfalls: number;
  /** Problems the evaluator must still resolve before finalising. */
  problems: number;
  /** Latest finalised version, if any. */
  finalisedVersion: number | null;
};

export type SummaryShortfall = SelfEvaluation["shortfalls"][number] & { scope: string; tableNo: string; form: string };

export type Summary = {
  year: number;
  department: string;
  forms: SummaryForm[];
  shortfalls: SummaryShortfall[];
  /** Forms per grade, 优 → 差 (every grade listed, zero included). */
  byGrade: { grade: Grade; count: number }[];
  /** Forms per year-end light. */
  byLight: LightCounts;
  /** Annual indicators of all forms per year-end light. */
  indicatorsByLight: LightCounts;
};

const YEAR_END = 12;

/** The department's annual self-evaluation summary for a year (no forms: an empty summary). */
export async function annualSummary(departmentId: number, year: number): Promise<Summary> {
  const projects = await prisma.project.findMany({ where: { departmentId, year, retiredAt: null }, orderBy: { sortOrder: "asc" }, select: { code: true, tableNo: true } });
  const scopes = [{ scope: "department", tableNo: "11" }, ...projects.map((p) => ({ scope: `project:${p.code}`, tableNo: p.tableNo }))];
  const [evaluations, lights, versions] = await Promise.all([
    Promise.all(scopes.map(async (s) => ({ ...s, e: await selfEvaluation(departmentId, s.scope, year) }))),
    rollup({ goal: { departmentId } }, year, YEAR_END),
    prisma.evaluationVersion.findMany({ where: { departmentId, year }, select: { scope: true, number: true } }),
  ]);
  const finalised = new Map<string, number>();
  for (const v of versions) finalised.set(v.scope, Math.max(v.number, finalised.get(v.scope) ?? 0));

  // Year-end lights of the department's own rows (表11, no project) and of each project.
  const departmentLight = worstLight(lights.lines.filter((l) => !l.indicator.goal.project).map((l) => l.status.light));

  const forms: SummaryForm[] = [];
  const shortfalls: SummaryShortfall[] = [];
  for (const { scope, tableNo, e } of evaluations) {
    if (!e) continue;
    const total = e.funds.total;
    const spentKnown = total && total.spent != null && total.full > 0;
    forms.push({
      scope,
      kind: e.kind,
      tableNo,
      projectCode: e.projectCode,
      name: e.projectName,
      total: e.total,
      grade: e.grade,
      rate: e.rate,
      budgetScore: e.budget?.score ?? null,
      budgetWeight: e.budget?.weight ?? null,
      light: e.kind === "department" ? departmentLight : (lights.projects.get(e.projectCode ?? "") ?? "none"),
      budgetLight: spentKnown ? budgetStatus({ budgetYuan: Math.round(total.full * 10000), spentYuan: Math.round((total.spent as number) * 10000), asOfMonth: YEAR_END }).light : null,
      indicators: e.rows.length,
      shortfalls: e.shortfalls.length,
      problems: e.errors.length,
      finalisedVersion: finalised.get(scope) ?? null,
    });
    for (const s of e.shortfalls) shortfalls.push({ ...s, scope, tableNo, form: e.projectName });
  }

  const counts = countBy(forms, () => "all", (f) => f.light).get("all") ?? emptyCounts();
  const indicatorsByLight = countBy([...lights.indicators.values()], () => "all", (l) => l).get("all") ?? emptyCounts();
  return {
    year,
    department: evaluations.find((x) => x.e?.kind === "department")?.e?.department ?? evaluations.find((x) => x.e)?.e?.department ?? "",
    forms,
    shortfalls,
    byGrade: GRADES.map((grade) => ({ grade, count: forms.filter((f) => f.grade === grade).length })),
    byLight: counts,
    indicatorsByLight,
  };
}

export { summarySheets, ANNUAL_SUMMARY, type SummaryDefinition } from "./summary-layout";
