// Thresholds, the roll-up order and the comparisons every rule shares.
import type { Light, Thresholds } from "./types";

export const DEFAULT_THRESHOLDS: Thresholds = {
  red: 0.6,
  yellow: 0.8,
  blue: 1.2,
  levelYellow: 0.8,
  budgetRed: 0.6,
  budgetYellow: 0.8,
};

/**
 * Worst first. overdue leads because a missing report hides everything else (docs/domain.md §4: never
 * silently green); blue ranks just below yellow since it asks for a review (target set too low?)
 * but is not a shortfall; nodata and pending rank above green because "we do not know yet" must
 * not let a project look all-green; none (no target) never colours a roll-up.
 */
export const LIGHT_ORDER: Light[] = ["overdue", "red", "yellow", "blue", "nodata", "pending", "green", "none"];

/** A project's light is the worst of its indicators' (LIGHT_ORDER); an empty list is "none". */
export function worstLight(lights: Light[]): Light {
  let worst: Light = "none";
  for (const l of lights) if (LIGHT_ORDER.indexOf(l) < LIGHT_ORDER.indexOf(worst)) worst = l;
  return worst;
}

export function resolveThresholds(t: Partial<Thresholds> | undefined): Thresholds {
  const out = { ...DEFAULT_THRESHOLDS };
  if (!t) return out;
  for (const k of Object.keys(out) as (keyof Thresholds)[]) {
    const v = t[k];
    if (typeof v === "number" && Number.isFinite(v)) out[k] = v;
  }
  return out;
}

export function checkMonth(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 12) throw new RangeError(`asOfMonth must be 1–12, got ${n}`);
}

// Ratios such as 128333.33/… or 7/12 are not exact in binary: a value the document would print as
// exactly 60% must land on the 60% side of the boundary.
const EPS = 1e-9;
export const ge = (a: number, b: number): boolean => a >= b - EPS * Math.max(1, Math.abs(b));
export const le = (a: number, b: number): boolean => a <= b + EPS * Math.max(1, Math.abs(b));

/** Cumulative progress v against the prorated target: red / yellow / green / blue. */
export function progressLight(v: number, th: Thresholds): Light {
  if (!ge(v, th.red)) return "red";
  if (!ge(v, th.yellow)) return "yellow";
  return ge(v, th.blue) ? "blue" : "green";
}
