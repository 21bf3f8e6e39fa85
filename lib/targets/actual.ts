// Reading what a reporter types as the actual value (实际完成值) for a parsed target.
//
// Why these readings:
// - A bare number is read in the target's own printed unit: for a % target "96.5" is 96.5% (people
//   copy the number as the table prints it), for ‰ "0.8" is 0.8‰, for 万元 "62" is 62万元. Nobody
//   types 0.965 for 96.5% when the form shows "≥95%", and guessing fractions would make "1" mean
//   either 1% or 100%.
// - Units that are reported interchangeably (人/名/人次, 次/场/期, 件/套) are accepted for each
//   other, because the document itself mixes them (博士后津贴发放人次 is printed as "45人"). Any other
//   unit mismatch, a percentage for a count or a count for a rate, is refused: it is almost always
//   a value typed into the wrong row.
// - A frequency actual is the count per the target's period ("每月1次": "1" means once a month was
//   kept). A total can be typed with its period ("12次/年"), and is converted.
// - A deadline actual is the completion date; a month-only date stands for that whole month.
import {
  decimal,
  hanNumber,
  isDiscrete,
  isoDate,
  MONEY_EXP,
  normalize,
  PERIODS_PER_YEAR,
  periodOf,
  rateExp,
  SCALE_EXP,
  unitCategory,
  unitsCompatible,
} from "./lexicon";
import { message } from "./messages";
import { readQuantity, scaleExp } from "./quantity";
import type { Actual, ActualErrorCode, ActualResult, ParsedTarget, Tier } from "./types";

function fail(code: ActualErrorCode, target: ParsedTarget, detail?: string): ActualResult {
  return { ok: false, error: message(code, target, detail), code };
}
const ok = (actual: Actual): ActualResult => ({ ok: true, actual });

/** The three 绩效自评 tiers, plus the short forms people actually type. */
export function readTier(s: string): Tier | null {
  const t = normalize(s);
  const en = t.toLowerCase();
  if (en === "met" || en === "partial" || en === "failed") return en;
  if (/^(未超预算|不超预算|没有超预算|未超支|未超出预算|预算内)$/u.test(t)) return "met";
  if (/^(超预算|超支|超出预算)/u.test(t)) return "failed";
  if (/^(未|没有|没)(达成|完成|达到|达标|实现)/u.test(t)) return "failed";
  if (/^部分(达成|完成|达到|实现)/u.test(t)) return "partial";
  if (/^(已)?(达成|完成|达到|达标|实现)|^是$/u.test(t)) return "met";
  return null;
}

const ZERO = /^(无|没有|零|未发生|无发生)$/u;
const COMPARATOR_WORDS = /^(≥|≧|≤|≦|>|<|=|⩾|⩽|不低于|不少于|不超过|不高于|至少|最少|最多|至多)|(以上|以下|以内)$/u;
const ACTUAL_PREFIX = /^(实际完成|实际|已完成|完成|累计|共计|共|全年|约)/u;
const NOT_FINITE = /^[+-]?(nan|infinity|∞)$/iu;

function parseDate(s: string, target: ParsedTarget): ActualResult {
  const m =
    /^(\d{4})年(\d{1,2})月(?:(\d{1,2})[日号])?$/u.exec(s) ?? /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/u.exec(s);
  if (!m) return fail("date_needed", target);
  const iso = isoDate(m[1], m[2], m[3]);
  if (!iso) return fail("invalid_date", target, s);
  return ok({ value: null, unit: null, date: iso });
}

function parseFrequencyActual(s: string, target: ParsedTarget): ActualResult {
  if (ZERO.test(s)) return ok({ value: 0, unit: target.unit });
  if (NOT_FINITE.test(s)) return fail("not_finite", target);
  if (/[%‰]/u.test(s)) return fail("percent_for_count", target);
  if (/^-\d/u.test(s)) return fail("negative", target);
  const per = target.period ?? "year";
  const bare = /^(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)(次|场|期|篇|回|轮)?$/u.exec(s);
  if (bare) {
    const n = hanNumber(bare[1]) ?? Number(bare[1]);
    if (!Number.isFinite(n)) return fail("not_finite", target);
    if (!Number.isInteger(n)) return fail("not_integer", target);
    return ok({ value: n, unit: bare[2] ?? target.unit });
  }
  const lead = /^每个?(.+?)(\d+|[一二两三四五六七八九十]+)(次|场|期|篇|回|轮)?$/u.exec(s);
  const tail = lead ? null : /^(\d+|[一二两三四五六七八九十]+)(次|场|期|篇|回|轮)?\/(?:每)?(.+)$/u.exec(s);
  if (!lead && !tail) return fail("not_a_number", target, s);
  const [word, num, unit] = lead ? [lead[1], lead[2], lead[3]] : [tail![3], tail![1], tail![2]];
  const p = periodOf(word);
  if (!p) return fail("period_unknown", target, word);
  const n = hanNumber(num) ?? Number(num);
  if (!Number.isFinite(n)) return fail("not_finite", target);
  const perYear = n * p.factor * PERIODS_PER_YEAR[p.period];
  const value = Number((perYear / PERIODS_PER_YEAR[per]).toPrecision(12));
  return ok({ value, unit: unit ?? target.unit });
}

function parseNumber(s: string, target: ParsedTarget): ActualResult {
  if (ZERO.test(s)) return ok({ value: 0, unit: target.unit });
  if (COMPARATOR_WORDS.test(s)) return fail("comparator_in_actual", target);
  if (NOT_FINITE.test(s)) return fail("not_finite", target);
  const body = s.replace(ACTUAL_PREFIX, "");
  const r = readQuantity(body, 0);
  if (!r || r.end !== body.length) return fail("not_a_number", target, s);
  const q = r.q;
  if (q.negative && !((target.value ?? 0) < 0)) return fail("negative", target);

  const tUnit = target.unit;
  const tCat = tUnit === null ? null : unitCategory(tUnit);
  const typedCat = q.unit === null ? null : unitCategory(q.unit);
  let value: number;
  let unit: string | null;
  let discrete = false;

  if (tCat === "rate" || (tUnit === null && target.accumulation === "level")) {
    if (typedCat === "rate") {
      if (q.scale) return fail("not_a_number", target, s);
      value = decimal(q.digits, rateExp(q.unit!), q.negative);
    } else if (q.unit !== null) {
      return fail("count_for_rate", target, q.unit);
    } else if (tUnit !== null) {
      value = decimal(q.digits, scaleExp(q) + rateExp(tUnit), q.negative);
    } else {
      value = decimal(q.digits, scaleExp(q), q.negative);
      // A unit-less rate printed as "0": "2" could be 2 cases, 2% or 2‰; make the reporter say.
      if (value !== 0 && !((target.value ?? 0) > 1)) return fail("rate_unit_needed", target);
    }
    if ((typedCat === "rate" || tCat === "rate") && value > 1) return fail("over_100_percent", target);
    unit = tUnit ?? q.unit;
  } else if (tCat === "money") {
    let exp: number;
    if (q.unit === null) exp = q.scale ? SCALE_EXP[q.scale] : MONEY_EXP[tUnit!];
    else if (typedCat === "money") exp = MONEY_EXP[q.unit] + scaleExp(q);
    else return fail("unit_mismatch", target, q.unit);
    value = decimal(q.digits, exp - MONEY_EXP[tUnit!], q.negative);
    unit = tUnit;
  } else {
    if (typedCat === "rate") {
      return tCat === null || tCat === "count" || tCat === "hours"
        ? fail("percent_for_count", target)
        : fail("unit_mismatch", target, q.unit!);
    }
    if (tUnit !== null && q.unit !== null && !unitsCompatible(q.unit, tUnit)) {
      return fail("unit_mismatch", target, q.unit);
    }
    value = decimal(q.digits, scaleExp(q), q.negative);
    unit = q.unit ?? tUnit;
    discrete = isDiscrete(tUnit ?? q.unit);
  }
  if (!Number.isFinite(value)) return fail("not_finite", target);
  if (discrete && !Number.isInteger(value)) return fail("not_integer", target);
  if (value < 0 && !((target.value ?? 0) < 0)) return fail("negative", target);
  return ok({ value, unit });
}

export function parseActual(text: string, target: ParsedTarget): ActualResult {
  const s = normalize(text);
  if (target.kind === "none") {
    // No target that year: keep whatever number was reported, never refuse.
    const r = s === "" ? null : parseNumber(s, { ...target, kind: "quantitative" });
    return ok(r && r.ok ? r.actual : { value: null, unit: null });
  }
  if (target.kind === "unparsed") return fail("target_unparsed", target);
  if (s === "") return fail("empty", target);

  switch (target.kind) {
    case "qualitative": {
      const tier = readTier(s);
      if (tier) return ok({ value: null, unit: null, tier });
      // 不超预算 can also be answered with the share of the budget spent ("98%").
      if (target.comparator === "<=" && /%$/u.test(s)) {
        const r = readQuantity(s, 0);
        if (r && r.end === s.length && !r.q.negative && !r.q.scale) {
          return ok({ value: decimal(r.q.digits, -2), unit: "%" });
        }
      }
      return fail("tier_needed", target);
    }
    case "deadline":
      return parseDate(s, target);
    case "frequency":
      return parseFrequencyActual(s, target);
    default:
      return parseNumber(s, target);
  }
}
