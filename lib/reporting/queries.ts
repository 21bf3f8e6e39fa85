import "server-only";
import { prisma } from "../db/prisma";
import type { CurrentUser } from "../auth";
import { coversOffice, departmentScope, indicatorPageScope, indicatorScope, reportScope } from "../auth";
import { indicatorStatus, worstLight, type Light, type Status } from "../status";
import type { Prisma } from "../db/generated/sqlite/client";
import { monthly, aggregate, aggregationOf, officeTarget } from "./target";
import { targetOf } from "../indicator/client";
import { expectedPath } from "./path";

/** Months whose reporting period is closed (explicitly, or deadline passed and not reopened). */
export async function closedMonths(year: number, now = new Date()): Promise<Set<number>> {
  const periods = await prisma.period.findMany({ where: { year } });
  return new Set(periods.filter((p) => !p.reopened && (p.closed || p.deadline < now)).map((p) => p.month));
}

const reportFields = {
  id: true, month: true, value: true, valueText: true, tier: true, doneDate: true, status: true, version: true,
  reviewComment: true, organizationId: true, revision: true, deviationReason: true, correctiveMeasure: true,
} as const;

/**
 * One line per (annual indicator, responsible office) with the office's target share, its latest
 * report and its light at the as-of month. `orgFilter` keeps some offices' lines only.
 */
async function statusLines(where: Prisma.IndicatorWhereInput, reportWhere: Prisma.ReportWhereInput, year: number, asOfMonth: number, orgFilter?: (orgId: number) => boolean) {
  const [rows, closed] = await Promise.all([
    prisma.indicator.findMany({
      // Retired rows (admin tables) keep their reports but leave every list and roll-up.
      where: { year, term: "annual", retiredAt: null, ...where },
      include: {
        goal: { select: { id: true, goalNo: true, text: true, project: { select: { code: true, name: true } } } },
        orgs: { include: { organization: { select: { id: true, name: true, shortName: true } } } },
        reports: { where: { year, current: true, month: { lte: asOfMonth }, ...reportWhere }, orderBy: { month: "asc" }, select: reportFields },
      },
      orderBy: [{ tableNo: "asc" }, { goal: { sortOrder: "asc" } }, { sortOrder: "asc" }],
    }),
    closedMonths(year),
  ]);
  const lines = [];
  for (const ind of rows) {
    const full = targetOf(ind);
    const agg = aggregationOf(ind.aggregation, full);
    for (const o of ind.orgs) {
      if (orgFilter && !orgFilter(o.organizationId)) continue;
      const target = officeTarget(full, ind.orgs.length, agg);
      const mine = ind.reports.filter((r) => r.organizationId === o.organizationId);
      const status: Status = indicatorStatus({ target, asOfMonth, year, reports: monthly(mine), periodClosed: closed.has(asOfMonth) });
      lines.push({
        indicator: ind,
        org: o.organization,
        shared: ind.orgs.length,
        target,
        status,
        latest: mine.at(-1) ?? null,
        current: mine.find((r) => r.month === asOfMonth) ?? null,
      });
    }
  }
  return lines;
}

/**
 * 我的指标: every annual indicator the user's offices are responsible for, one line per
 * (indicator, office of mine), with the office's target share, its latest report and its light.
 */
export async function myIndicators(user: CurrentUser, year: number, asOfMonth: number) {
  return statusLines(indicatorScope(user), reportScope(user), year, asOfMonth, (o) => coversOffice(user, o));
}

/** One office's page: its lines at the as-of month, what it owes, what was returned to it. */
export async function officeView(user: CurrentUser, orgId: number, year: number, asOfMonth: number) {
  if (!coversOffice(user, orgId)) return null;
  const org = await prisma.organization.findFirst({ where: { id: orgId, ...departmentScope(user) }, select: { id: true, name: true, shortName: true } });
  if (!org) return null;
  const [lines, returned, period] = await Promise.all([
    statusLines({ orgs: { some: { organizationId: orgId } } }, { organizationId: orgId }, year, asOfMonth, (o) => o === orgId),
    prisma.report.findMany({
      where: { organizationId: orgId, year, status: "returned", current: true, indicator: { retiredAt: null } },
      include: { indicator: { select: { id: true, level3: true } } },
      orderBy: { month: "asc" },
    }),
    prisma.period.findUnique({ where: { year_month: { year, month: asOfMonth } } }),
  ]);
  const owed = lines.filter((l) => !l.current && l.status.light !== "none");
  return { org, lines, returned, owed, deadline: period?.deadline ?? null };
}

/**
 * Roll-up at an as-of month: an indicator's light is the worst of its offices' lights, a goal's
 * and a project's the worst of their indicators'. Returns lights by indicator, goal and project code.
 */
export async function rollup(where: Prisma.IndicatorWhereInput, year: number, asOfMonth: number) {
  const lines = await statusLines(where, {}, year, asOfMonth);
  const byIndicator = new Map<number, Light[]>();
  const byGoal = new Map<number, Light[]>();
  const byProject = new Map<string, Light[]>();
  const push = <K>(m: Map<K, Light[]>, k: K, l: Light) => m.set(k, [...(m.get(k) ?? []), l]);
  for (const l of lines) {
    push(byIndicator, l.indicator.id, l.status.light);
    push(byGoal, l.indicator.goal.id, l.status.light);
    if (l.indicator.goal.project) push(byProject, l.indicator.goal.project.code, l.status.light);
  }
  const worst = <K>(m: Map<K, Light[]>) => new Map([...m].map(([k, v]) => [k, worstLight(v)] as const));
  const indicators = worst(byIndicator);
  // Per indicator: the furthest-behind office's progress, who has reported, the monthly trend.
  const progress = new Map<number, { light: Light; ratio: number | null; explanation: string; reported: number; offices: number; latest: string | null; trend: (number | null)[] }>();
  for (const l of lines) {
    const id = l.indicator.id;
    const prev = progress.get(id);
    const ratio = l.status.ratio;
    const worse = !prev || (ratio != null && (prev.ratio == null || ratio < prev.ratio));
    const full = targetOf(l.indicator);
    progress.set(id, {
      light: indicators.get(id) as Light,
      ratio: worse ? ratio : (prev?.ratio ?? null),
      explanation: worse ? l.status.explanation.zh : (prev?.explanation ?? ""),
      reported: (prev?.reported ?? 0) + (l.latest ? 1 : 0),
      offices: l.shared,
      latest: l.shared === 1 ? (l.latest ? `${l.latest.month}月 ${l.latest.valueText}` : null) : (prev?.latest ?? null),
      trend: prev?.trend ?? expectedPath(full, l.indicator.reports, aggregationOf(l.indicator.aggregation, full)).slice(0, asOfMonth).map((p) => p.actual),
    });
  }
  return { indicators, goals: worst(byGoal), projects: worst(byProject), progress, lines };
}

export type MyIndicatorLine = Awaited<ReturnType<typeof myIndicators>>[number];

/** One indicator as its reporter sees it: the office's reports, the other offices' parts, the audit trail. */
export async function reportContext(user: CurrentUser, indicatorId: number, year: number) {
  const ind = await prisma.indicator.findFirst({
    where: { id: indicatorId, year, ...indicatorPageScope(user) },
    include: {
      goal: { select: { goalNo: true, text: true, project: { select: { code: true, name: true } } } },
      orgs: { include: { organization: { select: { id: true, name: true, shortName: true } } } },
      values: true,
      // Every office's parts are visible to those who share the indicator: it is one indicator.
      reports: {
        where: { year },
        orderBy: [{ month: "asc" }, { revision: "asc" }],
        include: { organization: { select: { shortName: true, name: true } }, evidence: { select: { id: true, fileName: true, size: true } } },
      },
    },
  });
  if (!ind) return null;
  const audit = await prisma.auditLog.findMany({
    where: { entity: "Indicator", entityId: String(ind.id) },
    orderBy: { at: "desc" },
    take: 50,
    include: { user: { select: { name: true } } },
  });
  const full = targetOf(ind);
  const agg = aggregationOf(ind.aggregation, full);
  // The indicator's value: each office's latest current part, combined by the aggregation rule.
  const latestByOrg = new Map<number, { month: number; value: number | null }>();
  for (const r of ind.reports) if (r.current && r.value != null) latestByOrg.set(r.organizationId, { month: r.month, value: r.value });
  const combined = aggregate([...latestByOrg.values()].map((v) => v.value as number), agg);
  return { ind, audit, full, agg, officeTarget: officeTarget(full, ind.orgs.length, agg), latestByOrg, combined, closed: await closedMonths(year) };
}

/** Reports waiting for a manager's review, each with the light it gives its office. */
export async function reviewQueue(user: CurrentUser, year: number) {
  const queue = await prisma.report.findMany({
    where: { year, status: "submitted", current: true, indicator: { retiredAt: null }, ...reportScope(user) },
    orderBy: [{ submittedAt: "asc" }],
    include: {
      // The offices themselves, not a `_count` (which groups every IndicatorOrg row of the city).
      indicator: { include: { goal: { select: { project: { select: { name: true } } } }, orgs: { select: { organizationId: true } } } },
      organization: { select: { name: true, shortName: true } },
    },
  });
  const history = await prisma.report.findMany({
    where: { year, current: true, OR: queue.map((r) => ({ indicatorId: r.indicatorId, organizationId: r.organizationId })) },
    select: { indicatorId: true, organizationId: true, month: true, value: true, tier: true, doneDate: true },
    orderBy: { month: "asc" },
  });
  const closed = await closedMonths(year);
  return queue.map((r) => {
    const full = targetOf(r.indicator);
    const target = officeTarget(full, r.indicator.orgs.length, aggregationOf(r.indicator.aggregation, full));
    const mine = history.filter((h) => h.indicatorId === r.indicatorId && h.organizationId === r.organizationId && h.month <= r.month);
    const status = indicatorStatus({ target, asOfMonth: r.month, year, reports: monthly(mine), periodClosed: closed.has(r.month) });
    return { ...r, status };
  });
}

/** An evidence file, if its indicator is within the user's scope (the download route's one read). */
export function evidenceFile(user: CurrentUser, id: number) {
  return prisma.evidence.findFirst({ where: { id, report: { indicator: indicatorScope(user) } } });
}

/** Every evidence file one office attached to an indicator's reports of the year, oldest first. */
export function officeEvidence(indicatorId: number, organizationId: number | undefined, year: number) {
  return prisma.evidence.findMany({ where: { report: { indicatorId, organizationId, year } }, orderBy: { createdAt: "asc" }, include: { report: { select: { month: true, revision: true } } } });
}
