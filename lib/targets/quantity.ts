// Reads "1100余万人", "18.23万笔", "98.5%", "60万元": a number, its scale and its unit.
import { NUM_SRC, SCALE_EXP, UNIT_ALT, type Scale } from "./lexicon";

export interface Quantity {
  negative: boolean;
  /** The printed digits, e.g. "18.23" or "2,722.43". */
  digits: string;
  /** 余 / 多 next to the number: "1100余万人", "300多场". */
  approx: boolean;
  scale: Scale | null;
  unit: string | null;
}

const QUANTITY = new RegExp(`(-)?(${NUM_SRC})(余|多)?([千万亿])?(余|多)?(${UNIT_ALT})?`, "uy");

export function readQuantity(s: string, from: number): { q: Quantity; end: number } | null {
  QUANTITY.lastIndex = from;
  const m = QUANTITY.exec(s);
  if (!m) return null;
  let scale = (m[4] as Scale | undefined) ?? null;
  let unit = m[6] ?? null;
  // Money keeps the document's unit of account (万元) instead of being scaled to 元.
  if (unit === "元" && scale !== null) {
    unit = `${scale}元`;
    scale = null;
  }
  return {
    q: { negative: m[1] === "-", digits: m[2], approx: !!(m[3] || m[5]), scale, unit },
    end: from + m[0].length,
  };
}

export function scaleExp(q: Quantity): number {
  return q.scale ? SCALE_EXP[q.scale] : 0;
}
