import "server-only";
import { prisma } from "../db/prisma";
import type { CurrentUser } from "../auth";
import { departmentScope, indicatorOfficeScope, indicatorScope, reportScope } from "../auth";
import { categoryStem } from "../catalogue";
import { closedMonths, rollup, spentByProject } from "../reporting";
import { budgetStatus, type Light } from "../status";
import { completenessCell, countBy, worstShortfalls, type Cell } from "./aggregate";

/** Everything the managers' overview shows for a year and as-of month, aggregated on the server. */
export async function overview(user: CurrentUser, year: number, month: number) {
  const scope = indicatorScope(user);
  const r = await rollup(scope, year, month);

  // One entry per indicator (its light is the worst of its offices').
  const seen = new Set<number>();
  const indicators = r.lines.filter((l) => !seen.has(l.indicator.id) && seen.add(l.indicator.id)).map((l) => ({
    id: l.indicator.id,
    project: l.indicator.goal.project ? `表${l.indicator.tableNo} ${l.indicator.goal.project.name}` : "表11 部门整体",
    level1: `${categoryStem(l.indicator.level1)}指标`,
    light: r.indicators.get(l.indicator.id) as Light,
  }));
  const overall = countBy(indicators, () => "all", (i) => i.light).get("all");
  const byProject = countBy(indicators, (i) => i.project, (i) => i.light);
  const byLevel1 = countBy(indicators, (i) => i.level1, (i) => i.light);
  const byOffice = countBy(r.lines, (l) => l.org.shortName ?? l.org.name, (l) => l.status.light);

  const worst = worstShortfalls(r.lines.map((l) => ({ ...l, light: l.status.light, ratio: l.status.ratio })), 10);
  const reasons = await prisma.report.findMany({
    where: { year, month, current: true, OR: worst.map((w) => ({ indicatorId: w.indicator.id, organizationId: w.org.id })) },
    select: { indicatorId: true, organizationId: true, deviationReason: true, correctiveMeasure: true, deviationCategories: true },
  });
  const shortfalls = worst.map((w) => ({ ...w, report: reasons.find((x) => x.indicatorId === w.indicator.id && x.organizationId === w.org.id) ?? null }));

  const projects = await prisma.project.findMany({ where: { year, retiredAt: null, ...departmentScope(user) }, orderBy: { sortOrder: "asc" }, select: { id: true, code: true, name: true, tableNo: true, currentBudgetYuan: true } });
  const spent = await spentByProject(year, month, projects.map((p) => p.id));
  const budget = projects.map((p) => {
    const spentYuan = spent.get(p.id) ?? 0;
    const status = budgetStatus({ budgetYuan: p.currentBudgetYuan ?? 0, spentYuan, asOfMonth: month });
    return { ...p, spentYuan, rate: p.currentBudgetYuan ? spentYuan / p.currentBudgetYuan : null, time: month / 12, status, light: r.projects.get(p.code) ?? "none" };
  });

  return { overall, byProject, byLevel1, byOffice, shortfalls, budget, completeness: await completeness(user, year, month) };
}

/** Office × month: did each office report every indicator it owes (on time, late), or not? */
async function completeness(user: CurrentUser, year: number, asOf: number) {
  const owedRows = await prisma.indicatorOrg.findMany({
    where: indicatorOfficeScope(user, { year, term: "annual", retiredAt: null, targetKind: { notIn: ["none", "unparsed"] } }),
    select: { organizationId: true, organization: { select: { name: true, shortName: true, sortOrder: true } } },
  });
  const [reports, periods, closed] = await Promise.all([
    // By the owing offices' ids (a handful), so SQLite reads through the (office, year, month)
    // index; a status condition here draws it to the status index: every submitted or approved
    // report of the city (0.5 s at city scale). Drafts and returned reports are dropped below.
    prisma.report.findMany({
      where: { year, current: true, organizationId: { in: [...new Set(owedRows.map((o) => o.organizationId))] }, indicator: { retiredAt: null }, ...reportScope(user) },
      select: { organizationId: true, month: true, indicatorId: true, submittedAt: true, status: true },
    }),
    prisma.period.findMany({ where: { year } }),
    closedMonths(year),
  ]);
  const offices = new Map<number, { name: string; sort: number; owed: number }>();
  for (const o of owedRows) {
    const e = offices.get(o.organizationId) ?? { name: o.organization.shortName ?? o.organization.name, sort: o.organization.sortOrder, owed: 0 };
    e.owed++;
    offices.set(o.organizationId, e);
  }
  // Group once: linear in the number of reports, whatever the number of offices.
  const byOrgMonth = new Map<string, typeof reports>();
  for (const x of reports) {
    if (x.status !== "submitted" && x.status !== "approved") continue;
    const k = `${x.organizationId}/${x.month}`;
    const list = byOrgMonth.get(k);
    if (list) list.push(x);
    else byOrgMonth.set(k, [x]);
  }
  const rows = [...offices.entries()].sort((a, b) => a[1].sort - b[1].sort).map(([orgId, o]) => {
    const cells: Cell[] = [];
    for (let m = 1; m <= 12; m++) {
      const mine = byOrgMonth.get(`${orgId}/${m}`) ?? [];
      const deadline = periods.find((p) => p.month === m)?.deadline;
      const late = deadline ? mine.filter((x) => x.submittedAt && x.submittedAt > deadline).length : 0;
      cells.push(completenessCell({ owed: o.owed, reported: new Set(mine.map((x) => x.indicatorId)).size, late, closed: closed.has(m), future: m > asOf }));
    }
    return { orgId, name: o.name, owed: o.owed, cells };
  });
  return rows;
}
