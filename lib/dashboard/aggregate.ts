// Pure aggregation for the managers' dashboards: counts by light, the worst shortfalls, and the
// completeness grid. No framework imports: the overview page and the tests call these with rows.
import { LIGHT_ORDER, worstLight, type Light } from "../status";

export type LightCounts = Record<Light, number> & { total: number };

export const emptyCounts = (): LightCounts => ({ green: 0, yellow: 0, red: 0, blue: 0, overdue: 0, nodata: 0, none: 0, pending: 0, total: 0 });

/** Counts items by light within each group, groups in first-seen order. */
export function countBy<T>(items: T[], group: (t: T) => string, light: (t: T) => Light): Map<string, LightCounts> {
  const out = new Map<string, LightCounts>();
  for (const it of items) {
    const k = group(it);
    const c = out.get(k) ?? emptyCounts();
    c[light(it)]++;
    c.total++;
    out.set(k, c);
  }
  return out;
}

export type OfficeLine = {
  indicatorId: number;
  orgId: number;
  light: Light;
  ratio: number | null;
};

/** One light per indicator: the worst of its offices'. */
export function indicatorLights(lines: OfficeLine[]): Map<number, Light> {
  const by = new Map<number, Light[]>();
  for (const l of lines) by.set(l.indicatorId, [...(by.get(l.indicatorId) ?? []), l.light]);
  return new Map([...by].map(([id, ls]) => [id, worstLight(ls)]));
}

const rank = (l: Light) => LIGHT_ORDER.indexOf(l);

/**
 * The shortfalls a manager should look at first: overdue and red before yellow, and within a
 * light the furthest behind plan (lowest ratio) first. Green, blue and lights with nothing to judge
 * are not shortfalls.
 */
export function worstShortfalls<T extends { light: Light; ratio: number | null }>(lines: T[], n = 10): T[] {
  return lines
    .filter((l) => l.light === "overdue" || l.light === "red" || l.light === "yellow")
    .map((l, i) => ({ l, i }))
    .sort((a, b) => rank(a.l.light) - rank(b.l.light) || (a.l.ratio ?? -1) - (b.l.ratio ?? -1) || a.i - b.i)
    .slice(0, n)
    .map((x) => x.l);
}

export type Cell = "reported" | "late" | "missing" | "open" | "future";

/**
 * Completeness of an office in a month: every indicator it owes has a report (on time or late),
 * some are missing after the period closed, or the period is still open.
 */
export function completenessCell(opts: {
  owed: number;
  reported: number;
  late: number;
  closed: boolean;
  future: boolean;
}): Cell {
  if (opts.future) return "future";
  if (opts.reported >= opts.owed) return opts.late > 0 ? "late" : "reported";
  return opts.closed ? "missing" : "open";
}

export const CITY_SORTS = ["attention", "reporting", "budget", "code"] as const;
export type CitySort = (typeof CITY_SORTS)[number];

type DepartmentFigures = { code: string; owed: number; reported: number; lights: LightCounts; budgetYuan: number; spentYuan: number };

const share = (n: number, of: number) => (of > 0 ? n / of : 0);
/** Reported share of what is owed (1 when nothing is owed: nothing is missing). */
export const reportingRate = (d: Pick<DepartmentFigures, "owed" | "reported">) => (d.owed > 0 ? d.reported / d.owed : 1);
/** Spent share of the budget, or null without a budget. */
export const executionRate = (d: Pick<DepartmentFigures, "budgetYuan" | "spentYuan">) => (d.budgetYuan > 0 ? d.spentYuan / d.budgetYuan : null);

/**
 * The finance bureau's order: "attention" puts first the departments with the largest share of
 * overdue and red indicators (then yellow); "reporting" and "budget" the lowest rates first
 * (departments without a budget last); ties and "code" by department code.
 */
export function sortDepartments<T extends DepartmentFigures>(rows: T[], sort: CitySort): T[] {
  const byCode = (a: T, b: T) => a.code.localeCompare(b.code);
  const key: Record<CitySort, (d: T) => number[]> = {
    attention: (d) => [-share(d.lights.overdue + d.lights.red, d.lights.total), -share(d.lights.yellow, d.lights.total)],
    reporting: (d) => [reportingRate(d)],
    budget: (d) => [executionRate(d) ?? Infinity],
    code: () => [],
  };
  return [...rows].sort((a, b) => {
    const ka = key[sort](a);
    const kb = key[sort](b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return byCode(a, b);
  });
}
