// Met / not met and the attainment ratio used by monitoring lights and self-evaluation scores.
//
// Ratios follow 财预〔2020〕10号 scoring: higher-is-better actual/target, lower-is-better
// target/actual. Where that division has no meaning the ratio is null rather than 0 or Infinity:
// a "≥0" target (a year with nothing planned), or an actual of 0 under a positive ceiling
// (5 个工作日 promised, 0 taken). Both still say met. A range scores 1 inside the band and the
// deviation (low/actual or high/actual) outside it.
import { parseActual } from "./actual";
import { endOf } from "./lexicon";
import { message } from "./messages";
import type { EvaluationResult, ParsedTarget } from "./types";

const EPS = 1e-9;
const atLeast = (a: number, b: number) => a >= b - EPS * Math.max(1, Math.abs(b));
const atMost = (a: number, b: number) => a <= b + EPS * Math.max(1, Math.abs(b));
const tidy = (r: number) => Number(r.toPrecision(12));

function higher(actual: number, target: number) {
  return { met: atLeast(actual, target), ratio: target === 0 ? null : tidy(actual / target) };
}

function lower(actual: number, target: number) {
  if (actual === 0) return { met: true, ratio: target === 0 ? 1 : null };
  return { met: atMost(actual, target), ratio: tidy(target / actual) };
}

export function evaluate(target: ParsedTarget, actualText: string): EvaluationResult {
  if (target.kind === "unparsed") {
    return { ok: false, error: message("target_unparsed", target), code: "target_unparsed" };
  }
  const parsed = parseActual(actualText, target);
  if (!parsed.ok) return parsed;
  const actual = parsed.actual;
  const done = (met: boolean | null, ratio: number | null): EvaluationResult => ({ ok: true, met, ratio, actual });

  switch (target.kind) {
    case "none":
      return done(null, null);
    case "qualitative":
      if (actual.tier) return done(actual.tier === "met", null);
      // 不超预算 answered as a share of the budget spent.
      return actual.value === null ? done(null, null) : done(atMost(actual.value, 1), lower(actual.value, 1).ratio);
    case "deadline": {
      if (!target.deadline || !actual.date) return done(null, null);
      const due = endOf(target.deadline);
      if (actual.date.length === 7 && target.deadline.length === 10 && actual.date === target.deadline.slice(0, 7)) {
        return done(null, null); // "2024-12" against "2024-12-15": cannot tell.
      }
      return done(endOf(actual.date) <= due, null);
    }
    default:
      break;
  }

  const v = target.value;
  const a = actual.value;
  if (v === null || a === null) {
    return { ok: false, error: message("target_incomplete", target), code: "target_incomplete" };
  }
  switch (target.comparator) {
    case "<=": {
      const r = lower(a, v);
      return done(r.met, r.ratio);
    }
    case "=":
      return done(atLeast(a, v) && atMost(a, v), v === 0 ? (a === 0 ? 1 : null) : tidy(a / v));
    case "range": {
      const hi = target.valueHigh ?? v;
      if (!atLeast(a, v)) return done(false, v === 0 ? null : tidy(a / v));
      if (!atMost(a, hi)) return done(false, tidy(hi / a));
      return done(true, 1);
    }
    case "approx": {
      const r = target.direction === "lower" ? lower(a, v) : higher(a, v);
      return done(r.met, r.ratio);
    }
    default: {
      const r = higher(a, v);
      return done(r.met, r.ratio);
    }
  }
}
