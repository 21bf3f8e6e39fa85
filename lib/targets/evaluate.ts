import { parseActual } from "./actual";
import type { Actual, Message, ParsedTarget } from "./types";

export type Evaluation = { ok: true; met: boolean | null; ratio: number | null; actual: Actual } | { ok: false; error: Message };

/**
 * Met / not met and the achievement ratio (domain.md §5): higher-is-better actual/target,
 * lower-is-better target/actual (0 against a ceiling of 0 is met, ratio 1), a range is met inside it.
 */
export function evaluate(target: ParsedTarget, actualText: string): Evaluation {
  const parsed = parseActual(actualText, target);
  if (!parsed.ok) return parsed;
  const actual = parsed.actual;
  const ok = (met: boolean | null, ratio: number | null): Evaluation => ({ ok: true, met, ratio, actual });

  switch (target.kind) {
    case "qualitative":
      return ok(actual.tier === "met", null);
    case "deadline": {
      const due = target.deadline as string;
      // "2024-12" as a deadline means by the end of that month.
      const cmpLen = Math.min(due.length, (actual.date as string).length);
      return ok((actual.date as string).slice(0, cmpLen) <= due.slice(0, cmpLen), null);
    }
    case "none":
    case "unparsed":
      return ok(null, null);
    default:
      break;
  }
  const a = actual.value as number;
  const t = target.value as number;
  switch (target.direction) {
    case "lower":
      // Lower is better: ratio target/actual (4 days against ≤5 is 1.25); 0 against a ceiling of 0 is 1.
      return ok(a <= t, a === 0 ? 1 : t / a);
    case "range": {
      const hi = target.valueHigh ?? t;
      return ok(a >= t && a <= hi, t === 0 ? null : a / t);
    }
    case "equal":
      return ok(a === t, t === 0 ? null : a / t);
    default:
      return ok(a >= t, t === 0 ? (a >= 0 ? 1 : null) : a / t);
  }
}
