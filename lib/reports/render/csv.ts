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

export function sheetToCsv(sheet: Sheet): string {
  const rows = lastRow(sheet);
  const cols = Math.max(sheet.columns.length, ...sheet.cells.map((c) => c.c + (c.colSpan ?? 1) - 1));
  const grid: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill(""));
  for (const cell of sheet.cells) {
    const text = cellText(cell);
    grid[cell.r - 1][cell.c - 1] = typeof cell.value === "number" ? text : neutralise(text);
  }
  return "\ufeff" + grid.map((row) => row.map(csvField).join(",") + "\r\n").join("");
}
