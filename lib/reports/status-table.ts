import ExcelJS from "exceljs";
import type { StatusRow } from "../dashboard";
import { LIGHT_ORDER, type Light } from "../status";
import { messages } from "../i18n/client";
import { toCsvText } from "./render/csv";

const COLUMNS: { id: keyof StatusRow; zh: string; width: number }[] = [
  { id: "table", zh: "表", width: 6 },
  { id: "project", zh: "项目", width: 18 },
  { id: "level1", zh: "一级指标", width: 10 },
  { id: "level2", zh: "二级指标", width: 12 },
  { id: "level3", zh: "三级指标", width: 36 },
  { id: "office", zh: "填报单位", width: 14 },
  { id: "target", zh: "年度指标值", width: 12 },
  { id: "latest", zh: "最新填报", width: 14 },
  { id: "achievement", zh: "完成进度", width: 10 },
  { id: "light", zh: "状态", width: 8 },
  { id: "explanation", zh: "说明", width: 60 },
];

/** The rows as shown: the URL's sort, without the columns the user hid. */
export function shownRows(rows: StatusRow[], sort: string | undefined, hidden: string[]) {
  const cols = COLUMNS.filter((c) => !hidden.includes(c.id));
  const sorted = [...rows];
  if (sort) {
    const [id, dir] = sort.split(".") as [keyof StatusRow, string];
    const key = (r: StatusRow) => (id === "light" ? LIGHT_ORDER.indexOf(r.light as Light) : r[id]);
    sorted.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      // Empty values stay last in both directions, as on screen.
      if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
      const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh");
      return dir === "desc" ? -c : c;
    });
  }
  const cell = (r: StatusRow, id: keyof StatusRow) =>
    id === "achievement" ? (r.achievement == null ? "" : `${Math.floor(r.achievement * 1000) / 10}%`) : id === "light" ? messages.zh.light[r.light as Light] ?? r.light : String(r[id] ?? "");
  return { cols, cells: sorted.map((r) => cols.map((c) => cell(r, c.id))) };
}

export function toCsv(rows: StatusRow[], sort: string | undefined, hidden: string[]): string {
  const { cols, cells } = shownRows(rows, sort, hidden);
  return toCsvText([cols.map((c) => c.zh), ...cells]);
}

export async function toXlsx(rows: StatusRow[], sort: string | undefined, hidden: string[], title: string): Promise<Buffer> {
  const { cols, cells } = shownRows(rows, sort, hidden);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指标状态", { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.mergeCells(1, 1, 1, cols.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.addRow(cols.map((c) => c.zh)).font = { bold: true };
  for (const r of cells) ws.addRow(r);
  cols.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  ws.views = [{ state: "frozen", ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
