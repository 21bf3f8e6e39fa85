// Sheets as one standalone, printable HTML document: the source of the PDF (Chromium prints it)
// and readable on its own. Nothing external is loaded; every text is escaped.
import { lastRow, type Cell, type Sheet } from "../sheet";
import { cellText, textLines } from "./text";

const FONT = `"Noto Serif CJK SC", "Noto Sans CJK SC", "SimSun", serif`;
const TITLE_FONT = `"Noto Sans CJK SC", "SimHei", "Noto Serif CJK SC", sans-serif`;
/** Page margins, shared with the PDF renderer (the footer prints in the bottom one). */
export const PAGE_MARGIN = { top: "12mm", right: "12mm", bottom: "14mm", left: "12mm" } as const;
/** Printable width of A4 less the side margins, in points. */
const USABLE_PT = { landscape: ((297 - 24) / 25.4) * 72, portrait: ((210 - 24) / 25.4) * 72 };

const BORDERLESS = new Set<Cell["style"]>(["title", "subtitle", "note"]);
/** Rows taller than this many lines may break across pages. */
const TALL_ROW_LINES = 12;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string);
}

/**
 * The body font size that lets the sheet's columns (Excel's character widths: a CJK character is
 * two) fit the page as they do in Excel at 10pt, never below 7pt.
 */
function fontSize(sheet: Sheet): number {
  const units = sheet.columns.reduce((s, w) => s + w, 0) || 1;
  return Math.round(Math.min(10, Math.max(7, USABLE_PT[sheet.orientation] / (units * 0.58))) * 10) / 10;
}

type Section = { from: number; to: number; tag: "thead" | "tbody" };

/** One table of a sheet's rows from..to; spans are clipped to the section (HTML cannot cross it). */
function table(sheet: Sheet, sections: Section[], colgroup: string, openBottom: boolean): string {
  const ncols = sheet.columns.length;
  const from = sections[0].from;
  const to = sections.at(-1)!.to;
  const starts = new Map<string, Cell>();
  for (const c of sheet.cells) if (c.r >= from && c.r <= to) starts.set(`${c.r}:${c.c}`, c);
  const keep = new Set<number>();
  for (const [a, b] of sheet.keepTogether ?? []) for (let r = a; r < b; r++) keep.add(r);

  const widthOf = (c: number, span: number) => sheet.columns.slice(c - 1, c - 1 + span).reduce((a, w) => a + w, 0);

  const out: string[] = [`<table>${colgroup}`];
  for (const s of sections) {
    const covered = new Set<string>();
    const bordered = (r: number) => sheet.cells.some((c) => c.r <= r && r < c.r + (c.rowSpan ?? 1) && !BORDERLESS.has(c.style));
    out.push(`<${s.tag}>`);
    for (let r = s.from; r <= s.to; r++) {
      const cells: string[] = [];
      let spanning = false;
      let tallest = 1;
      for (let c = 1; c <= ncols; c++) {
        if (covered.has(`${r}:${c}`)) continue;
        const cell = starts.get(`${r}:${c}`);
        if (!cell) {
          cells.push(bordered(r) ? `<td></td>` : `<td class="x"></td>`);
          continue;
        }
        const rowSpan = Math.min(cell.rowSpan ?? 1, s.to - r + 1);
        const colSpan = Math.min(cell.colSpan ?? 1, ncols - c + 1);
        if (rowSpan > 1) spanning = true;
        else tallest = Math.max(tallest, textLines(cellText(cell), widthOf(c, colSpan)));
        for (let i = 0; i < rowSpan; i++) for (let j = 0; j < colSpan; j++) covered.add(`${r + i}:${c + j}`);
        const classes: string[] = [cell.style ?? "text"];
        if (cell.align) classes.push(cell.align[0]);
        if (openBottom && r + rowSpan - 1 === to) classes.push("nb");
        const tag = s.tag === "thead" ? "th" : "td";
        const attrs = `${rowSpan > 1 ? ` rowspan="${rowSpan}"` : ""}${colSpan > 1 ? ` colspan="${colSpan}"` : ""}`;
        cells.push(`<${tag} class="${classes.join(" ")}"${attrs}>${escapeHtml(cellText(cell))}</${tag}>`);
      }
      // A row is kept whole on a page, unless a cell merged down from it starts there (Chromium
      // would keep the whole merged run whole, leaving half a page blank before it) or it is taller
      // than a good part of a page (a long 年度总体目标 flows on rather than leave a gap).
      const kept = !spanning && tallest <= TALL_ROW_LINES;
      const rowClasses = [...(kept ? ["kr"] : []), ...(keep.has(r) ? ["kt"] : [])];
      out.push(`<tr${rowClasses.length ? ` class="${rowClasses.join(" ")}"` : ""}>${cells.join("")}</tr>`);
    }
    out.push(`</${s.tag}>`);
  }
  out.push(`</table>`);
  return out.join("\n");
}

function sheetHtml(sheet: Sheet): string {
  const total = sheet.columns.reduce((s, w) => s + w, 0) || 1;
  const colgroup = `<colgroup>${sheet.columns.map((w) => `<col style="width:${((w / total) * 100).toFixed(3)}%">`).join("")}</colgroup>`;
  const last = lastRow(sheet);
  const parts: string[] = [];
  const [headFrom, headTo] = sheet.repeatRows ?? [0, 0];
  if (headFrom >= 1 && headTo >= headFrom && headTo <= last) {
    // What precedes the grid (title, header, funds, goal) is a table of its own, so the grid's
    // header can be a <thead> that the browser repeats on every page.
    if (headFrom > 1) parts.push(table(sheet, [{ from: 1, to: headFrom - 1, tag: "tbody" }], colgroup, true));
    const body: Section[] = [{ from: headFrom, to: headTo, tag: "thead" }];
    if (headTo < last) body.push({ from: headTo + 1, to: last, tag: "tbody" });
    parts.push(table(sheet, body, colgroup, false));
  } else if (last > 0) {
    parts.push(table(sheet, [{ from: 1, to: last, tag: "tbody" }], colgroup, false));
  }
  return `<section class="sheet ${sheet.orientation}" style="font-size:${fontSize(sheet)}pt" aria-label="${escapeHtml(sheet.name)}">\n${parts.join("\n")}\n</section>`;
}

const margin = `${PAGE_MARGIN.top} ${PAGE_MARGIN.right} ${PAGE_MARGIN.bottom} ${PAGE_MARGIN.left}`;

const CSS = `
@page { size: A4 portrait; margin: ${margin}; }
@page landscape { size: A4 landscape; margin: ${margin}; }
@page portrait { size: A4 portrait; margin: ${margin}; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT}; color: #000; }
.sheet.landscape { page: landscape; }
.sheet.portrait { page: portrait; }
.sheet + .sheet { break-before: page; }
/* Collapsed borders spill half their width outside the table: keep the right one on the page. */
table { width: calc(100% - 2px); border-collapse: collapse; table-layout: fixed; margin: 0 1px; }
thead { display: table-header-group; }
tr.kr { break-inside: avoid; page-break-inside: avoid; }
tr.kt { break-after: avoid; page-break-after: avoid; }
td, th { border: 0.5pt solid #7f7f7f; padding: 1.5pt 2pt; vertical-align: middle; text-align: left;
  font-weight: normal; line-height: 1.35; white-space: pre-wrap; overflow-wrap: anywhere; }
td.x { border: none; }
td.nb { border-bottom: none; }
.head { font-weight: bold; text-align: center; background: #f2f2f2; }
.label { font-weight: bold; text-align: center; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.total { font-weight: bold; }
.title { border: none; font-family: ${TITLE_FONT}; font-size: 16pt; font-weight: bold; text-align: center; padding: 0 0 4pt; }
.subtitle { border: none; text-align: center; padding: 0 0 6pt; }
.note { border: none; font-size: 0.9em; }
/* Short centred labels break into even lines ("年度总" / "体目标", not "年度总体目" / "标"). */
.head, .label, .c, .total { text-wrap: balance; }
.l { text-align: left; } .c { text-align: center; } .r { text-align: right; }
@media screen {
  body { background: #e5e5e5; padding: 16px; }
  .sheet { background: #fff; padding: 12mm; margin: 0 auto 16px; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
  .sheet.landscape { max-width: 273mm; }
  .sheet.portrait { max-width: 186mm; }
}
`;

/** A standalone printable HTML document, one table per sheet, one sheet per page run. */
export function sheetsToHtml(sheets: Sheet[], opts: { title: string }): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
<style>${CSS}</style>
</head>
<body>
${sheets.map(sheetHtml).join("\n")}
</body>
</html>
`;
}
