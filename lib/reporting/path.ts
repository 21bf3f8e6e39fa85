// The indicator page's chart: the combined reported value per month against the expected path.
import type { ParsedTarget } from "../targets";
import { aggregate, type Aggregation } from "./target";

export type PathPoint = { month: number; actual: number | null; expected: number | null };

/**
 * Cumulative quantities are expected to grow with time (target × m/12); levels are expected at the
 * target every month. A month's actual combines the offices that reported it.
 */
export function expectedPath(target: ParsedTarget, reports: { month: number; value: number | null; organizationId: number }[], agg: Aggregation): PathPoint[] {
  const points: PathPoint[] = [];
  for (let m = 1; m <= 12; m++) {
    const values = reports.filter((r) => r.month === m && r.value != null).map((r) => r.value as number);
    const expected =
      target.kind !== "quantitative" || target.value == null ? null : target.accumulation === "cumulative" ? (target.value * m) / 12 : target.value;
    points.push({ month: m, actual: aggregate(values, agg), expected });
  }
  return points;
}
