// Types of the targets domain (指标值). Pure: no framework imports.

export type TargetKind = "quantitative" | "qualitative" | "deadline" | "frequency" | "none" | "unparsed";
export type Comparator = ">=" | "<=" | "=" | "range" | "approx";
export type Direction = "higher" | "lower" | "equal" | "range";
export type Accumulation = "cumulative" | "level";
export type Period = "year" | "month" | "quarter";

export interface ParsedTarget {
  /** The printed text, unchanged. */
  text: string;
  kind: TargetKind;
  comparator: Comparator | null;
  /** Scale applied: "22万人" → 220000, "98%" → 0.98, "1‰" → 0.001; frequency → count per period. */
  value: number | null;
  /**
   * Upper end of a printed band. With comparator "range" it bounds the met interval; with ">="
   * (only "a-b…以上") it is the top of the expected band, kept for display and over-achievement review.
   */
  valueHigh: number | null;
  unit: string | null;
  direction: Direction | null;
  accumulation: Accumulation | null;
  period: Period | null;
  /** ISO "2024-12" or "2024-12-31". */
  deadline: string | null;
}

export type Tier = "met" | "partial" | "failed";
export type Actual = { value: number | null; unit: string | null; tier?: Tier; date?: string };
export type Message = { zh: string; en: string };

export type ActualErrorCode =
  | "empty"
  | "not_a_number"
  | "not_finite"
  | "negative"
  | "not_integer"
  | "comparator_in_actual"
  | "percent_for_count"
  | "count_for_rate"
  | "rate_unit_needed"
  | "over_100_percent"
  | "unit_mismatch"
  | "tier_needed"
  | "date_needed"
  | "invalid_date"
  | "period_unknown"
  | "target_unparsed"
  | "target_incomplete";

export type ActualResult =
  | { ok: true; actual: Actual }
  | { ok: false; error: Message; code: ActualErrorCode };

export type EvaluationResult =
  | { ok: true; met: boolean | null; ratio: number | null; actual: Actual }
  | { ok: false; error: Message; code: ActualErrorCode };
