// What an Excel cell says, as the text an admin sees in it. Pure.
//
// Excel turns some typed targets into numbers or dates: "95%" becomes 0.95 shown with a percent
// format, "2024年12月" a date. The export writes text cells, but a cell typed anew may be either;
// the number format says how Excel shows it, and that is what the admin meant.

type RichText = { richText: { text: string }[] };
type Formula = { formula?: string; sharedFormula?: string; result?: unknown };
type Hyperlink = { text: unknown; hyperlink: string };
type ErrorValue = { error: string };

export type CellText = { text: string; excelError?: string };

/** Rounds binary noise away (0.30000000000000004 → 0.3) and prints without exponent for ordinary numbers. */
export function numberText(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const r = Number(v.toPrecision(12));
  return Math.abs(r) >= 1e-6 && Math.abs(r) < 1e15 ? String(r) : r.toString();
}

function formatted(v: number, numFmt: string | undefined): string {
  const fmt = numFmt ?? "";
  if (/%/.test(fmt.replace(/"[^"]*"/g, ""))) return `${numberText(v * 100)}%`;
  return numberText(v);
}

function dateText(d: Date, numFmt: string | undefined): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const fmt = (numFmt ?? "").replace(/"[^"]*"/g, "");
  return /d/i.test(fmt) || (!fmt && day !== 1) ? `${y}年${m}月${day}日` : `${y}年${m}月`;
}

export function cellText(value: unknown, numFmt?: string): CellText {
  if (value == null) return { text: "" };
  if (typeof value === "string") return { text: value.trim() };
  if (typeof value === "number") return { text: formatted(value, numFmt) };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return { text: dateText(value, numFmt) };
  if (typeof value === "object") {
    if ("richText" in value) return { text: (value as RichText).richText.map((r) => r.text).join("").trim() };
    if ("error" in value) return { text: "", excelError: String((value as ErrorValue).error) };
    if ("formula" in value || "sharedFormula" in value) return cellText((value as Formula).result, numFmt);
    if ("hyperlink" in value) return cellText((value as Hyperlink).text, numFmt);
  }
  return { text: typeof value === "bigint" ? value.toString() : "" };
}
