// Reads an uploaded workbook (the exported form or the template) or a CSV into rows of cell texts,
// with the problems of the file's shape: sheets that are not tables, missing columns, wrong years.
// Pure: exceljs only, no database.
import ExcelJS from "exceljs";
import { cellText } from "./cells";
import { decodeText, parseCsv } from "./csv";
import { letterOf, recogniseHeader, tableNoOf, YEAR_OFFSET } from "./columns";
import { problem } from "./problems";
import type { ColumnKey, FileRow, ParsedFile, Problem, SheetColumns } from "./types";

/** Sheets the export adds for people, not for the importer. */
export const HELP_SHEETS = ["填写说明", "单位名称"];

const REQUIRED: { key: ColumnKey; zh: string; en: string }[] = [
  { key: "level1", zh: "一级指标", en: "Level 1" },
  { key: "level2", zh: "二级指标", en: "Level 2" },
  { key: "level3", zh: "三级指标", en: "Level 3" },
];

/** Columns whose text makes a row a row: a line with only merged 一级 / 目标 cells running into it is blank. */
const CONTENT: ColumnKey[] = ["level3", "y2", "y1", "target", "basis", "lead", "support", "accumulation", "aggregation", "id"];

export function formatOf(fileName: string): "xlsx" | "csv" | null {
  const m = /\.(xlsx|csv)$/i.exec(fileName.trim());
  return m ? (m[1].toLowerCase() as "xlsx" | "csv") : null;
}

export async function readImportFile(bytes: Uint8Array, fileName: string, year: number): Promise<ParsedFile> {
  const format = formatOf(fileName);
  if (format === "csv") return readCsv(bytes, fileName, year);
  if (format === "xlsx") return readWorkbook(bytes, fileName, year);
  return {
    format: "xlsx",
    sheets: [],
    rows: [],
    problems: [problem("error", "bad_file", { sheet: fileName }, "只能导入 .xlsx 工作簿或 .csv 文件", "Only .xlsx workbooks and .csv files can be imported")],
  };
}

type Grid = { name: string; maxRow: number; maxCol: number; cell: (row: number, col: number) => { text: string; excelError?: string } };

/** The header of a sheet: which column is which, where data starts, and what is wrong with it. */
function readHeader(g: Grid, year: number): { columns: SheetColumns; dataFrom: number; problems: Problem[] } | null {
  let top = 0;
  for (let r = 1; r <= Math.min(12, g.maxRow) && !top; r++) {
    for (let c = 1; c <= g.maxCol; c++) {
      const h = recogniseHeader(g.cell(r, c).text);
      if (h && "key" in h && h.key === "level3") {
        top = r;
        break;
      }
    }
  }
  if (!top) return null;
  // A two-row header: 指标值 over the three years, or merged cells repeating the upper row.
  let bottom = top;
  if (top < g.maxRow) {
    for (let c = 1; c <= g.maxCol; c++) {
      const h = recogniseHeader(g.cell(top + 1, c).text);
      if (h && ("year" in h || h.key === "level3")) {
        bottom = top + 1;
        break;
      }
    }
  }
  const columns: SheetColumns = {};
  const problems: Problem[] = [];
  const where = (c: number, label: string) => ({ sheet: g.name, row: bottom, column: { label, letter: letterOf(c) } });
  const years: number[] = [];
  for (let c = 1; c <= g.maxCol; c++) {
    const label = g.cell(bottom, c).text || g.cell(top, c).text;
    const h = recogniseHeader(label);
    if (!h) {
      if (label) problems.push(problem("info", "ignored_column", where(c, label), `“${label}”不是导入使用的列，已忽略`, `Column “${label}” is not one the importer uses; ignored`));
      continue;
    }
    let key: ColumnKey | undefined;
    if ("year" in h) {
      years.push(h.year);
      key = (Object.keys(YEAR_OFFSET) as ColumnKey[]).find((k) => year + (YEAR_OFFSET[k] ?? 0) === h.year);
      if (!key) {
        problems.push(
          problem("error", "wrong_year", where(c, label), `表头“${label}”的年份与导入年度不符：导入${year}年时，指标值各列应为${year - 2}年、${year - 1}年、${year}年`, `Header “${label}” has the wrong year: importing ${year}, the value columns are ${year - 2}, ${year - 1} and ${year}`),
        );
        continue;
      }
    } else key = h.key;
    if (columns[key]) continue; // merged header cells repeat; the first column of a name counts
    columns[key] = { label, letter: letterOf(c) };
  }
  for (const r of REQUIRED)
    if (!columns[r.key]) problems.push(problem("error", "missing_column", { sheet: g.name, row: bottom }, `缺少“${r.zh}”列，此工作表未能读取`, `No “${r.en}” (${r.zh}) column; this sheet was not read`));
  if (!columns.target)
    problems.push(
      problem("error", "missing_column", { sheet: g.name, row: bottom }, `缺少${year}年指标值列（如“预计当年实现（${year}年）”），此工作表未能读取`, `No ${year} target column (such as “预计当年实现（${year}年）”); this sheet was not read`),
    );
  return { columns, dataFrom: bottom + 1, problems };
}

function readGrid(g: Grid, year: number, tableFromName: string | null, csv: boolean): { rows: FileRow[]; problems: Problem[]; tableNo: string | null } {
  const header = readHeader(g, year);
  if (!header) {
    let content = false;
    for (let r = 1; r <= Math.min(g.maxRow, 30) && !content; r++) for (let c = 1; c <= g.maxCol && !content; c++) content = g.cell(r, c).text !== "";
    if (!content) return { rows: [], problems: [], tableNo: tableFromName };
    const p = csv
      ? problem("error", "missing_column", { sheet: g.name, row: 1 }, "第一行应为表头（一级指标、二级指标、三级指标……），未找到“三级指标”列", "The first row should be the header (一级指标, 二级指标, 三级指标 …); no “三级指标” column was found")
      : tableFromName
        ? problem("error", "missing_column", { sheet: g.name }, "前12行中找不到表头（应有“三级指标”列），此工作表未能读取", "No header (with a “三级指标” column) in the first 12 rows; this sheet was not read")
        : problem("warning", "ignored_sheet", { sheet: g.name }, `工作表“${g.name}”不是指标表（表11、表12-1…），已忽略`, `Sheet “${g.name}” is not a table (表11, 表12-1 …); ignored`);
    return { rows: [], problems: [p], tableNo: tableFromName };
  }
  const problems = [...header.problems];
  const { columns } = header;
  if (!tableFromName && !columns.table) {
    problems.push(
      csv
        ? problem("error", "missing_column", { sheet: g.name, row: header.dataFrom - 1 }, "CSV 文件需要“表号”列（如 11、12-1），说明每一行属于哪张表", "A CSV file needs a “表号” (table) column, such as 11 or 12-1, to say which table each row belongs to")
        : problem("error", "unknown_table", { sheet: g.name }, `无法确定工作表“${g.name}”是哪张表：请将工作表命名为“表11”或“表12-N”，或加一列“表号”`, `Cannot tell which table sheet “${g.name}” is: name it 表11 or 表12-N, or add a 表号 column`),
    );
    return { rows: [], problems, tableNo: null };
  }
  if (problems.some((p) => p.severity === "error")) return { rows: [], problems, tableNo: tableFromName };

  const rows: FileRow[] = [];
  const colIndex = Object.entries(columns).map(([k, v]) => [k as ColumnKey, colNumber(v.letter)] as const);
  for (let r = header.dataFrom; r <= g.maxRow; r++) {
    const cells: FileRow["cells"] = {};
    const errors: Problem[] = [];
    for (const [key, c] of colIndex) {
      const v = g.cell(r, c);
      cells[key] = v.text;
      if (v.excelError) {
        const col = columns[key];
        errors.push(problem("error", "excel_error", { sheet: g.name, row: r, column: col }, `单元格显示错误值 ${v.excelError}，请改为实际内容`, `The cell shows the error ${v.excelError}; enter the actual value`));
      }
    }
    if (CONTENT.every((k) => !cells[k]) && errors.length === 0) continue;
    problems.push(...errors);
    let tableNo = tableFromName;
    if (columns.table) {
      const written = cells.table ?? "";
      const t = written ? tableNoOf(written) : null;
      if (written && !t)
        problems.push(problem("error", "unknown_table", { sheet: g.name, row: r, column: columns.table }, `“${written}”不是表号（应为 11 或 12-1…12-N）`, `“${written}” is not a table number (11 or 12-1 … 12-N)`));
      else if (!written && !tableFromName)
        problems.push(problem("error", "unknown_table", { sheet: g.name, row: r, column: columns.table }, "请填写表号（如 11、12-1）", "Enter the table number (such as 11 or 12-1)"));
      else if (t && tableFromName && t !== tableFromName)
        problems.push(problem("error", "table_mismatch", { sheet: g.name, row: r, column: columns.table }, `表号“${written}”与工作表“${g.name}”不一致`, `Table “${written}” does not match sheet “${g.name}”`));
      if (t) tableNo = t;
      else if (written) tableNo = null;
    }
    rows.push({ sheet: g.name, row: r, tableNo, cells, columns });
  }
  return { rows, problems, tableNo: tableFromName };
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

async function readWorkbook(bytes: Uint8Array, fileName: string, year: number): Promise<ParsedFile> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's types want a Node Buffer; the bytes are read as they are.
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return {
      format: "xlsx",
      sheets: [],
      rows: [],
      problems: [problem("error", "bad_file", { sheet: fileName }, "无法作为 Excel 工作簿（.xlsx）读取。旧版 .xls 文件请在 Excel 中另存为 .xlsx 后再导入", "This could not be read as an Excel workbook (.xlsx). Save an old .xls file as .xlsx in Excel first")],
    };
  }
  const out: ParsedFile = { format: "xlsx", sheets: [], rows: [], problems: [] };
  const seen = new Map<string, string>();
  for (const ws of wb.worksheets) {
    if (HELP_SHEETS.includes(ws.name.trim())) continue;
    const tableNo = tableNoOf(ws.name);
    if (tableNo && seen.has(tableNo)) {
      out.problems.push(problem("error", "duplicate_row", { sheet: ws.name }, `工作表“${ws.name}”与“${seen.get(tableNo)}”是同一张表（表${tableNo}），请合并为一个工作表`, `Sheets “${ws.name}” and “${seen.get(tableNo)}” are both 表${tableNo}; keep one`));
      continue;
    }
    if (tableNo) seen.set(tableNo, ws.name);
    const grid: Grid = {
      name: ws.name,
      maxRow: ws.rowCount,
      maxCol: Math.min(ws.columnCount, 60),
      cell: (r, c) => {
        const cell = ws.getCell(r, c);
        const src = cell.isMerged ? cell.master : cell;
        return cellText(src.value, src.numFmt);
      },
    };
    const res = readGrid(grid, year, tableNo, false);
    out.problems.push(...res.problems);
    out.rows.push(...res.rows);
    if (tableNo || res.rows.length) out.sheets.push({ name: ws.name, tableNo, rows: res.rows.length });
  }
  if (out.rows.length === 0 && !out.problems.some((p) => p.severity === "error"))
    out.problems.push(problem("error", "empty_file", { sheet: fileName }, "文件中没有可导入的指标行（工作表应命名为“表11”“表12-1”……，表头下方为指标行）", "The file has no indicator rows to import (sheets are named 表11, 表12-1 …, with rows under the header)"));
  return out;
}

function readCsv(bytes: Uint8Array, fileName: string, year: number): ParsedFile {
  const records = parseCsv(decodeText(bytes));
  const maxCol = Math.min(60, Math.max(0, ...records.map((r) => r.length)));
  const grid: Grid = { name: fileName, maxRow: records.length, maxCol, cell: (r, c) => ({ text: (records[r - 1]?.[c - 1] ?? "").trim() }) };
  const res = readGrid(grid, year, null, true);
  const out: ParsedFile = { format: "csv", sheets: [{ name: fileName, tableNo: null, rows: res.rows.length }], rows: res.rows, problems: res.problems };
  if (out.rows.length === 0 && !out.problems.some((p) => p.severity === "error"))
    out.problems.push(problem("error", "empty_file", { sheet: fileName }, "文件中没有可导入的指标行", "The file has no indicator rows to import"));
  return out;
}
