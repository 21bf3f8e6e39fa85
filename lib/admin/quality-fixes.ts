import "server-only";
import { prisma } from "../db/prisma";
import { findQualityIssues, type QualityCode, type QualityIssue } from "../quality";

// The data-quality list with, for each problem, the place where an admin fixes it: the target
// field of the indicator's edit page, the override form (confirm a parse), or the office
// assignment. Retired rows are out of use and are not checked.

export type Fix = { id: number; name: string; href: string };
export type FixAt = "target" | "offices" | "names";
export type FixableIssue = QualityIssue & { fixAt: FixAt; fixes: Fix[]; override: Fix[] };

/** Where each kind of problem is fixed (an anchor on the indicator's edit page). */
const FIX_AT: Record<QualityCode, FixAt> = {
  unparsed_target: "target",
  no_office: "offices",
  office_two_names: "offices",
  bracket_not_office: "names",
  value_differs_across_tables: "target",
  long_term_vs_annual: "target",
  named_differently: "names",
  category_spelling: "names",
};

export const editHref = (id: number, anchor: "target" | "offices" | "names" | "revision" = "names") => `/admin/tables/indicators/${id}#${anchor}`;

export async function qualityWithFixes(departmentId: number, year: number) {
  const rows = await prisma.indicator.findMany({
    where: { year, retiredAt: null, goal: { departmentId } },
    orderBy: [{ tableNo: "asc" }, { goal: { sortOrder: "asc" } }, { sortOrder: "asc" }],
    include: { orgs: { select: { organizationId: true } } },
  });
  const names = new Map(rows.map((r) => [r.id, `表${r.tableNo} ${r.term === "annual" ? "年度" : "长期"} · ${r.level3}`]));
  const issues: FixableIssue[] = findQualityIssues(rows.map((r) => ({ ...r, orgIds: r.orgs.map((o) => o.organizationId) }))).map((i) => ({
    ...i,
    fixAt: FIX_AT[i.code],
    fixes: i.rowIds.map((id) => ({ id, name: names.get(id) ?? String(id), href: editHref(id, FIX_AT[i.code]) })),
    // A target that does not parse may be right as printed: then an admin confirms how to read it.
    override: i.code === "unparsed_target" ? i.rowIds.map((id) => ({ id, name: names.get(id) ?? String(id), href: `/indicators/${id}#override` })) : [],
  }));
  const counts = new Map<QualityCode, number>();
  for (const i of issues) counts.set(i.code, (counts.get(i.code) ?? 0) + 1);
  return { issues, counts };
}

/**
 * Self-evaluation weights that do not add up (per 一级 or per row), for every form an evaluator
 * has set weights on, with a link to the form's scoring settings.
 */
export async function weightProblems(departmentId: number, year: number): Promise<{ name: string; href: string; problems: { zh: string; en: string }[] }[]> {
  const saved = await prisma.evaluation.findMany({ where: { departmentId, year }, select: { scope: true } });
  const out = [];
  // Loaded here, not at the top: lib/reports' door brings its renderers (ExcelJS, Chromium's
  // driver), which the CLI commands importing lib/admin (rollover, accounts) never need.
  const { selfEvaluation } = await import("../reports");
  for (const { scope } of saved) {
    const form = await selfEvaluation(departmentId, scope, year);
    const problems = (form?.errors ?? []).filter((e) => e.code?.startsWith("level1_weights") || e.code?.startsWith("row_weights") || e.code === "weight_invalid");
    if (form && problems.length) out.push({ name: form.projectName, href: `/evaluation/${scope === "department" ? "department" : scope.slice("project:".length)}`, problems });
  }
  return out;
}
