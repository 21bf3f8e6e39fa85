// Bridges stored rows and the pure domain: the effective target of an indicator row, and the
// share of a shared target that one office is judged against.
import { formatNumber, type ParsedTarget } from "../targets";
import type { MonthlyValue } from "../status";


export type Aggregation = "sum" | "mean";

const AVERAGED_UNITS = new Set(["%", "‰", "分", "个工作日", "工作日", "天", "小时", "分钟"]);

/**
 * "auto": quantities add up across offices (people, documents, and also per-month volumes such as
 * 月社会保险业务经办量 19.6万笔: nine offices' volumes make the city's); rates, scores and durations
 * average. Whether a quantity accumulates over the *year* is a different question (accumulation).
 */
export function aggregationOf(aggregation: string, target: ParsedTarget): Aggregation {
  if (aggregation === "sum" || aggregation === "mean") return aggregation;
  return target.kind === "quantitative" && !(target.unit && AVERAGED_UNITS.has(target.unit)) ? "sum" : "mean";
}

/**
 * What one of n offices sharing an indicator is judged against: an equal share of a summed
 * quantity (九个社保处 each carry 1/9 of 19.6万笔), the whole target for averaged levels.
 */
export function officeTarget(target: ParsedTarget, offices: number, aggregation: Aggregation): ParsedTarget {
  if (offices <= 1 || aggregation !== "sum" || target.value == null) return target;
  const share = formatNumber(target.value / offices, target.unit);
  return {
    ...target,
    // Explanations quote the text: say what the office is judged against and where it comes from.
    text: `${share}（${target.text}÷${offices}）`,
    value: target.value / offices,
    valueHigh: target.valueHigh == null ? null : target.valueHigh / offices,
  };
}

/** The indicator's value from the offices' latest parts. */
export function aggregate(values: number[], aggregation: Aggregation): number | null {
  if (values.length === 0) return null;
  const sum = values.reduce((s, v) => s + v, 0);
  return aggregation === "sum" ? sum : sum / values.length;
}

/**
 * Each office's latest report among `reports` (given month ascending): the parts an indicator's
 * value is made of. Offices keep the order in which they first reported.
 */
export function latestParts<R extends { organizationId: number }>(reports: R[]): R[] {
  const latest = new Map<number, R>();
  for (const r of reports) latest.set(r.organizationId, r);
  // In office order: forms join the offices' texts, and reads of the same month come back in any order on PostgreSQL.
  return [...latest.values()].sort((a, b) => a.organizationId - b.organizationId);
}

/**
 * The indicator's value as the forms print it: one office's figure as typed; several offices'
 * quantities combined by the aggregation rule; otherwise (tiers, dates) the last part's text.
 */
export function combinedText(parts: { valueText: string; value: number | null }[], target: ParsedTarget, aggregation: Aggregation): string | null {
  if (parts.length === 1 || target.kind !== "quantitative") return parts.at(-1)?.valueText ?? null;
  if (parts.length === 0) return null;
  const v = aggregate(parts.filter((r) => r.value != null).map((r) => r.value as number), aggregation);
  return v == null ? null : formatNumber(v, target.unit);
}

/** The office's reports up to a month, as the status engine reads them. */
export function monthly(reports: { month: number; value: number | null; tier: string | null; doneDate: string | null }[]): MonthlyValue[] {
  return reports.map((r) => ({
    month: r.month,
    value: r.value,
    tier: (r.tier ?? undefined) as MonthlyValue["tier"],
    date: r.doneDate ?? undefined,
  }));
}
