// Bridges stored rows and the pure domain: the effective target of an indicator row, and the
// share of a shared target that one office is judged against.
import { parseTarget, type ParsedTarget } from "../targets";

type TargetColumns = {
  targetText: string;
  targetKind: string;
  targetComparator: string | null;
  targetValue: number | null;
  targetValueHigh: number | null;
  targetUnit: string | null;
  targetDirection: string | null;
  accumulation: string | null;
  targetOverride: string | null;
  level3: string;
};

/**
 * The stored parse (automatic or an admin's override) as a ParsedTarget. Deadline and period are
 * not stored as columns: they are read again from the text the stored parse came from.
 */
export function targetOf(row: TargetColumns): ParsedTarget {
  let source = row.targetText;
  if (row.targetOverride) {
    try {
      source = (JSON.parse(row.targetOverride) as { expression?: string }).expression ?? source;
    } catch {
      // a malformed override keeps the printed text as the source of deadline and period
    }
  }
  const { deadline, period } = parseTarget(source, row.level3);
  return {
    text: row.targetText,
    kind: row.targetKind as ParsedTarget["kind"],
    comparator: row.targetComparator as ParsedTarget["comparator"],
    value: row.targetValue,
    valueHigh: row.targetValueHigh,
    unit: row.targetUnit,
    direction: row.targetDirection as ParsedTarget["direction"],
    accumulation: row.accumulation as ParsedTarget["accumulation"],
    period,
    deadline,
  };
}

export type Aggregation = "sum" | "mean";

/** "auto": counts that accumulate add up across offices; levels (rates, satisfaction) average. */
export function aggregationOf(aggregation: string, target: ParsedTarget): Aggregation {
  if (aggregation === "sum" || aggregation === "mean") return aggregation;
  return target.kind === "quantitative" && target.accumulation === "cumulative" ? "sum" : "mean";
}

/**
 * What one of n offices sharing an indicator is judged against: an equal share of a summed
 * quantity (九个社保处 each carry 1/9 of 19.6万笔), the whole target for averaged levels.
 */
export function officeTarget(target: ParsedTarget, offices: number, aggregation: Aggregation): ParsedTarget {
  if (offices <= 1 || aggregation !== "sum" || target.value == null) return target;
  return {
    ...target,
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
