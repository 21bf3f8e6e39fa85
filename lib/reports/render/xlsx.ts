// Sheets as an XLSX workbook (exceljs): merges, thin grey borders over the tables, SimSun with a
// SimHei title, column widths, row heights that show wrapped text, and an A4 print setup with
// page numbers and the grid's header repeated on every page.
import ExcelJS from "exceljs";
import { lastRow, type Cell, type Sheet } from "../sheet";
import { balanceLines, cellText, textLines } from "./text";

const thin = { style: "thin" as const, color: { argb: "FF7F7F7F" } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const HEAD_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const BORDERLESS = new Set<Cell["style"]>(["title", "subtitle", "note"]);
const LINE_PT = 15;
const MIN_ROW_PT = 20;

function font(style: Cell["style"]): Partial<ExcelJS.Font> {
  if (style === "title") return { name: "SimHei", size: 16, bold: true };
  if (style === "note") return { name: "SimSun", size: 9 };
  return { name: "SimSun", size: 10, bold: style === "head" || style === "label" || style === "total" };
}

function horizontal(cell: Cell): ExcelJS.Alignment["horizontal"] {
  if (cell.align) return cell.align;
  if (cell.style === "title" || cell.style === "subtitle" || cell.style === "head" || cell.style === "label") return "center";
  return cell.style === "num" ? "right" : "left";
}

const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/** Unique worksheet names, as Excel requires (≤ 31 characters). */
function uniqueNames(sheets: Sheet[]): string[] {
  const seen = new Set<string>();
  return sheets.map((s) => {
    const base = [...s.name.replace(/[[\]:*?/\\]/g, " ")].slice(0, 31).join("").trim() || "Sheet";
    let name = base;
    for (let i = 2; seen.has(name.toLowerCase()); i++) name = `${[...base].slice(0, 31 - `(${i})`.length).join("")}(${i})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function addSheet(wb: ExcelJS.Workbook, sheet: Sheet, name: string): void {
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: sheet.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "&C&\"SimSun\"&9第 &P 页，共 &N 页" },
    views: [{ showGridLines: false }],
  });
  sheet.columns.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const ncols = sheet.columns.length;
  const last = lastRow(sheet);
  const widthOf = (c: number, span: number) => sheet.columns.slice(c - 1, c - 1 + span).reduce((s, w) => s + w, 0) || 10;

  // Which positions a cell covers, and which rows belong to a table (bordered across).
  const covered = new Set<string>();
  const tableRows = new Set<number>();
  for (const cell of sheet.cells) {
    const [rs, cs] = [cell.rowSpan ?? 1, cell.colSpan ?? 1];
    for (let i = 0; i < rs; i++) {
      if (!BORDERLESS.has(cell.style)) tableRows.add(cell.r + i);
      for (let j = 0; j < cs; j++) covered.add(`${cell.r + i}:${cell.c + j}`);
    }
  }

  const heights: number[] = Array<number>(last + 1).fill(0);
  const tall: { r: number; span: number; pt: number }[] = [];
  for (const cell of sheet.cells) {
    const [rs, cs] = [cell.rowSpan ?? 1, cell.colSpan ?? 1];
    if (rs > 1 || cs > 1) ws.mergeCells(cell.r, cell.c, cell.r + rs - 1, cell.c + cs - 1);
    const x = ws.getCell(cell.r, cell.c);
    if (typeof cell.value === "number" && cell.decimals != null) {
      x.value = round(cell.value, cell.decimals);
      x.numFmt = cell.decimals > 0 ? `0.${"0".repeat(cell.decimals)}` : "0";
    } else x.value = typeof cell.value === "string" && (cell.style === "label" || cell.style === "head") ? balanceLines(cell.value, widthOf(cell.c, cs)) : cell.value;
    const bordered = !BORDERLESS.has(cell.style);
    for (let i = 0; i < rs; i++)
      for (let j = 0; j < cs; j++) {
        const y = ws.getCell(cell.r + i, cell.c + j);
        y.font = font(cell.style);
        y.alignment = { horizontal: horizontal(cell), vertical: "middle", wrapText: true };
        if (bordered) y.border = BORDER;
        if (cell.style === "head") y.fill = HEAD_FILL;
      }
    // Estimated height: Excel and WPS do not grow a row for wrapped text on their own.
    const pt = cell.style === "title" ? 28 : textLines(cellText(cell), widthOf(cell.c, cs)) * LINE_PT + 5;
    if (rs === 1) heights[cell.r] = Math.max(heights[cell.r], pt);
    else tall.push({ r: cell.r, span: rs, pt });
  }
  // Positions no cell covers, inside a table's rows: bordered blanks, so the ruling stays closed.
  for (const r of tableRows)
    for (let c = 1; c <= ncols; c++)
      if (!covered.has(`${r}:${c}`)) {
        const y = ws.getCell(r, c);
        y.border = BORDER;
        y.font = font("text");
      }

  for (let r = 1; r <= last; r++) heights[r] = Math.max(heights[r] || MIN_ROW_PT, MIN_ROW_PT, sheet.rowHeights?.[r] ?? 0);
  // A cell merged down several rows that needs more than they give: share out the difference.
  for (const t of tall) {
    const have = heights.slice(t.r, t.r + t.span).reduce((s, h) => s + h, 0);
    if (have < t.pt) for (let r = t.r; r < t.r + t.span; r++) heights[r] += (t.pt - have) / t.span;
  }
  for (let r = 1; r <= last; r++) ws.getRow(r).height = Math.min(409, Math.ceil(heights[r]));

  if (sheet.repeatRows) ws.pageSetup.printTitlesRow = `${sheet.repeatRows[0]}:${sheet.repeatRows[1]}`;
}

/** One worksheet per Sheet, in order. */
export async function sheetsToXlsx(sheets: Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效 Jixiao";
  wb.created = new Date();
  const names = uniqueNames(sheets);
  sheets.forEach((s, i) => addSheet(wb, s, names[i]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
