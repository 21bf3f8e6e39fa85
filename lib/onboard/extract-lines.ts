// The text of a budget document as numbered lines (and pages when pdftotext's form feeds are there).
import type { ExtractProblem } from "./types";

/** text: trimmed; raw: as printed (a space at a line's end inside a paragraph is part of the text). */
export type Line = { no: number; page: number | null; text: string; raw?: string };

export function toLines(text: string): Line[] {
  const paged = text.includes("\f");
  let page = 1;
  return text.split(/\r?\n/).map((raw, i) => {
    const feeds = raw.split("\f").length - 1;
    const printed = raw.replace(/[\f\r]/g, "");
    const line = { no: i + 1, page: paged ? page + (raw.startsWith("\f") ? 1 : 0) : null, text: printed.replace(/^[ \t]+|[ \t]+$/g, ""), raw: printed };
    page += feeds;
    return line;
  });
}

export const tokens = (s: string): string[] => s.trim().split(/\s+/).filter(Boolean);

export function problem(
  code: string,
  table: string | null,
  at: Line | null,
  zh: string,
  en: string,
  text?: string,
): ExtractProblem {
  return { code, table, page: at?.page ?? null, line: at?.no ?? 0, ...(text !== undefined ? { text } : {}), message: { zh, en } };
}

/**
 * Paragraph text wrapped by the PDF: lines joined by removing the line break only, numbered items
 * ("1.", "2、") on their own lines, each item trimmed of the spaces the PDF pads it with.
 */
export function joinParagraph(lines: readonly Line[]): string | null {
  const items: string[] = [];
  for (const l of lines) {
    if (!l.text) continue;
    const piece = (l.raw ?? l.text).replace(/^[ \t]+/, "");
    if (!items.length || /^\d{1,2}[.．、](?!\d)/.test(l.text)) items.push(piece);
    else items[items.length - 1] += piece;
  }
  return items.length ? items.map((s) => s.replace(/[ \t]+$/, "")).join("\n") : null;
}
