// The text of a budget document as numbered lines (and pages when pdftotext's form feeds are there).
import type { ExtractProblem } from "./types";

export type Line = { no: number; page: number | null; text: string };

export function toLines(text: string): Line[] {
  const paged = text.includes("\f");
  let page = 1;
  return text.split(/\r?\n/).map((raw, i) => {
    const feeds = raw.split("\f").length - 1;
    const line = { no: i + 1, page: paged ? page + (raw.startsWith("\f") ? 1 : 0) : null, text: raw.replace(/\f/g, "").trim() };
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

/** Paragraph text wrapped by the PDF: lines joined without a separator, numbered items ("1.", "2、") on their own lines. */
export function joinParagraph(lines: readonly Line[]): string | null {
  const out: string[] = [];
  for (const l of lines) {
    if (!l.text) continue;
    if (out.length && /^\d+[.．、]/.test(l.text)) out.push("\n");
    out.push(l.text);
  }
  return out.length ? out.join("") : null;
}
