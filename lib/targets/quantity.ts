// Reads "1100余万人", "18.23万笔", "98.5%", "60万元", "1600元/亩", "≥80M": a number, its scale and its unit.
//
// Any unit word is a unit: a run of Chinese or Latin letters after the number ("亩", "公斤", "M"),
// optionally per something ("元/亩", "元/人*月", "/株"). Words that end a target (以上, 以内, 左右 …)
// are not part of it. Only the scale words 千/万/亿 convert; the unit itself is kept as printed.
import { NUM_SRC, SCALE_EXP, type Scale } from "./lexicon";

export interface Quantity {
  negative: boolean;
  /** The printed digits, e.g. "18.23" or "2,722.43". */
  digits: string;
  /** 余 / 多 next to the number: "1100余万人", "300多场". */
  approx: boolean;
  scale: Scale | null;
  unit: string | null;
}

const NUMBER = new RegExp(`(-)?(${NUM_SRC})(余|多)?([千万亿])?(余|多)?`, "uy");
const UNIT = /([%‰]|[\p{Script=Han}A-Za-z]+)?(\/[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z·*、]*)?/uy;
/** Words after the unit that qualify the target, not the unit (parse.ts reads them). */
const TRAILING = /(及以上|或以上|以上|及以下|或以下|以下|以内|之内|内|左右|上下|满意|完成|办结)$/u;
/** Longer runs are words, not a unit: "100人参加培训" is a sentence, not 100 of "人参加培训". */
const MAX_UNIT_WORD = 4;
const YEAR_NUMBER = /^(19|20)\d\d$/;

export function readQuantity(s: string, from: number): { q: Quantity; end: number } | null {
  NUMBER.lastIndex = from;
  const m = NUMBER.exec(s);
  if (!m) return null;
  let end = from + m[0].length;
  UNIT.lastIndex = end;
  const u = UNIT.exec(s);
  let unit = u && u[0] !== "" ? u[0] : null;
  if (unit !== null) {
    while (TRAILING.test(unit)) unit = unit.replace(TRAILING, "");
    if ((u![1] ?? "").length > MAX_UNIT_WORD && unit.length > MAX_UNIT_WORD) return null;
    end += unit.length;
    if (unit === "") unit = null;
  }
  // "2024年…" is a date, not 2024 years: dates are read by their own grammar.
  if (unit !== null && YEAR_NUMBER.test(m[2]) && /^[年月]/u.test(unit)) return null;
  let scale = (m[4] as Scale | undefined) ?? null;
  // Money keeps the document's unit of account (万元, 万元/月) instead of being scaled to 元.
  if (unit !== null && unit.startsWith("元") && scale !== null) {
    unit = `${scale}${unit}`;
    scale = null;
  }
  return {
    q: { negative: m[1] === "-", digits: m[2], approx: !!(m[3] || m[5]), scale, unit },
    end,
  };
}

export function scaleExp(q: Quantity): number {
  return q.scale ? SCALE_EXP[q.scale] : 0;
}
