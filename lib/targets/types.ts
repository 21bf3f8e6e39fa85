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
  /** Scale applied: "22万人" → 220000, "98%" → 0.98, "1‰" → 0.001; frequency: count per period. */
  value: number | null;
  /** Upper bound of a range ("80-90分以上" → 90). */
  valueHigh: number | null;
  /** "人", "人次", "%", "‰", "分", "个工作日", "元" (万元 → 元 with the scale applied)… */
  unit: string | null;
  direction: Direction | null;
  accumulation: Accumulation | null;
  period: Period | null;
  /** Deadline targets: ISO "2024-12" or "2024-12-31". */
  deadline: string | null;
}

export type Message = { zh: string; en: string };
export type Tier = "met" | "partial" | "failed";
export type Actual = { value: number | null; unit: string | null; tier?: Tier; date?: string };
