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
