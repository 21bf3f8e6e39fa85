// Cell text as printed and how much room it takes: shared by the builders (which size labels)
// and the renderers (which size rows). Widths are Excel's column unit: a CJK character is two.
import type { Cell } from "../sheet";

/** A cell as printed: numbers with the decimals the layout asks for. */
export function cellText(cell: Pick<Cell, "value" | "decimals">): string {
  const v = cell.value;
  if (typeof v === "number") return cell.decimals != null && Number.isFinite(v) ? v.toFixed(cell.decimals) : String(v);
  return v;
}

/** Width of a text in Excel's character units: a CJK (or other wide) character counts two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0xff ? 2 : 1;
  return w;
}

/** Printed lines a text needs in a column `width` characters wide (about one is lost to padding). */
export function textLines(s: string, width: number): number {
  const room = Math.max(1, width - 1);
  return s.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / room)), 0);
}

const isWide = (ch: string) => (ch.codePointAt(0) ?? 0) > 0xff;

/**
 * A short all-CJK label that wraps, broken into even lines ("年度总\n体目标", not "年度总体目\n标"):
 * Excel and WPS wrap greedily. Anything else (figures, Latin, long text) is returned as it is.
 */
export function balanceLines(s: string, width: number): string {
  const chars = [...s];
  if (s.includes("\n") || chars.length > 24 || !chars.every(isWide)) return s;
  const lines = textLines(s, width);
  if (lines < 2) return s;
  const per = Math.ceil(chars.length / lines);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += per) out.push(chars.slice(i, i + per).join(""));
  return out.join("\n");
}
