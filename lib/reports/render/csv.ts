// A Sheet as CSV: the grid flattened (a merged cell's value at its top-left position, blanks
// elsewhere), RFC 4180, CRLF, with a UTF-8 byte order mark so Excel reads the Chinese right.
import { lastRow, type Sheet } from "../sheet";
import { cellText } from "./text";

// A plain signed figure ("-5", "+10%", "-1,234.5") is data; anything else starting with a sign is
// a formula to Excel ("-2+3+cmd|'/C calc'!A0", "+A1").
const SIGNED_FIGURE = /^[+-]\d[\d,]*(\.\d+)?%?$/;

/**
 * Text a spreadsheet would run as a formula gets a leading apostrophe (CSV injection): text
 * starting with =, @, a tab or a carriage return, or with + or - unless it is a plain figure (or
 * the sign alone, a blank as some forms print it).
 */
export function neutralise(text: string): string {
  if (/^[=@\t\r]/.test(text)) return `'${text}`;
  if (/^[+-]./s.test(text) && !SIGNED_FIGURE.test(text)) return `'${text}`;
  return text;
}

/** RFC 4180: quote a field holding a comma, a quote or a line break; double the quotes. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export type CsvValue = string | number | null | undefined;

/**
 * The one CSV writer: a record per row, each field through the formula guard (numbers are data
 * and pass as they are; null is an empty field), quoted per RFC 4180; a byte order mark first so
 * Excel reads the Chinese right. `eol`: CRLF (RFC 4180) or LF where a format has promised it.
 */
export function toCsvText(rows: readonly (readonly CsvValue[])[], eol: "\r\n" | "\n" = "\r\n"): string {
  const field = (v: CsvValue) => csvField(v == null ? "" : typeof v === "number" ? String(v) : neutralise(v));
  return "\ufeff" + rows.map((r) => r.map(field).join(",") + eol).join("");
}

/** A sheet's grid as CSV; a figure cell keeps its formatted text ("-5"), a text cell goes through the guard. */
export function sheetToCsv(sheet: Sheet): string {
  const rows = lastRow(sheet);
  const cols = Math.max(sheet.columns.length, ...sheet.cells.map((c) => c.c + (c.colSpan ?? 1) - 1));
  const grid: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill(""));
  for (const cell of sheet.cells) {
    const text = cellText(cell);
    grid[cell.r - 1][cell.c - 1] = typeof cell.value === "number" ? text : neutralise(text);
  }
  // Guarded above (a figure's text, "-5", is not a formula); the writer's guard leaves both as they are.
  return toCsvText(grid);
}
