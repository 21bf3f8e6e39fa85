// Types of the monitoring lights (绩效运行监控, docs/domain.md §4). Pure: no framework imports.
import type { Message, ParsedTarget, Tier } from "@/lib/targets";

/**
 * green / yellow / red / blue: judged against the plan. overdue: the as-of month's reporting period
 * is closed and nothing was reported. nodata: not reported yet, period still open. pending: nothing
 * is due yet (a deadline still ahead). none: nothing to judge (no target that year, or a target an
 * admin has not confirmed).
 */
export type Light = "green" | "yellow" | "red" | "blue" | "overdue" | "nodata" | "none" | "pending";

export interface Thresholds {
  /** Progress ratio below this is red (cumulative indicators). */
  red: number;
  /** Progress ratio below this (and at least `red`) is yellow. */
  yellow: number;
  /** Progress ratio at or above this is blue (possible over-achievement). */
  blue: number;
  /** Level indicators not met: actual/target at or above this is yellow, below it red. */
  levelYellow: number;
  /** Budget: 执行率 ÷ 时间进度 below this is red. */
  budgetRed: number;
  /** Budget: below this (and at least `budgetRed`) is yellow. */
  budgetYellow: number;
}

/**
 * What the reporter entered for one month, in the target's own scale (as `parseActual` returns it:
 * 96.5% → 0.965, 7.7万人 → 77000): the total to date for cumulative quantities, the level for
 * levels, the occurrences in that month for frequencies. Qualitative rows carry `tier`, deadline
 * rows carry `date` once completed (an entry without a date means "reported, not completed yet").
 */
export interface MonthlyValue {
  month: number;
  value: number | null;
  tier?: Tier;
  date?: string;
}

export interface StatusInput {
  target: ParsedTarget;
  /** 1–12: monitoring covers January to this month. */
  asOfMonth: number;
  year: number;
  reports: MonthlyValue[];
  /** Is the as-of month's reporting period closed? */
  periodClosed: boolean;
  thresholds?: Partial<Thresholds>;
}

export interface Status {
  light: Light;
  /** The progress ratio v the light was read from; null when the light is not a ratio. */
  ratio: number | null;
  /** The value expected to date (e.g. 110000 for 22万人 at June), or the ceiling / level aimed at. */
  expected: number | null;
  /** The value judged: total to date, latest level, or occurrences to date. */
  actual: number | null;
  explanation: Message;
}
