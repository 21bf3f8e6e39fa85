import ExcelJS from "exceljs";
import type { FormDefinition } from "./layouts";
import type { SelfEvaluation } from "./self-eval";

const thin = { style: "thin" as const, color: { argb: "FF7F7F7F" } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const pct = (v: number | null) => (v == null ? "" : `${Math.round(v * 10000) / 100}%`);
const num = (v: number) => Math.round(v * 100) / 100;

/** Renders a self-evaluation form definition filled with one project's data as an XLSX workbook. */
export async function selfEvalXlsx(def: FormDefinition, d: SelfEvaluation): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效 Jixiao";
  const ws = wb.addWorksheet(d.projectName.slice(0, 28), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: "第 &P 页，共 &N 页" },
  });
  const n = Math.max(8, def.grid.length);
  def.grid.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  let r = 1;
  const put = (row: number, col: number, value: string | number, opts: { to?: number; bold?: boolean; center?: boolean; wrap?: boolean } = {}) => {
    if (opts.to && opts.to > col) ws.mergeCells(row, col, row, opts.to);
    const cell = ws.getCell(row, col);
    cell.value = value;
    cell.font = { name: "SimSun", size: 10, bold: opts.bold };
    cell.alignment = { vertical: "middle", horizontal: opts.center ? "center" : "left", wrapText: opts.wrap ?? true };
    for (let c = col; c <= (opts.to ?? col); c++) ws.getCell(row, c).border = border;
  };

  ws.mergeCells(r, 1, r, n);
  ws.getCell(r, 1).value = def.title;
  ws.getCell(r, 1).font = { name: "SimHei", size: 16, bold: true };
  ws.getCell(r, 1).alignment = { horizontal: "center" };
  ws.getRow(r).height = 28;
  r++;
  ws.mergeCells(r, 1, r, n);
  ws.getCell(r, 1).value = `（${d.year}年度）`;
  ws.getCell(r, 1).alignment = { horizontal: "center" };
  r++;

  const values: Record<FormDefinition["header"][number]["field"], string> = { projectName: d.projectName, department: d.department, unit: d.unit, year: String(d.year) };
  const half = Math.floor(n / 2);
  for (let i = 0; i < def.header.length; i += 2) {
    const a = def.header[i];
    const b = def.header[i + 1];
    put(r, 1, a.label, { bold: true, center: true });
    put(r, 2, values[a.field], { to: half });
    if (b) {
      put(r, half + 1, b.label, { bold: true, center: true });
      put(r, half + 2, values[b.field], { to: n });
    }
    r++;
  }

  // Funds block: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分.
  const fundsTop = r;
  put(r, 1, def.funds.label, { bold: true, center: true });
  ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => put(r, 2 + i, h, { bold: true, center: true }));
  r++;
  const amounts = { total: d.funds.total, current: d.funds.current, carry: d.funds.carry, other: d.funds.other };
  def.funds.rows.forEach((f, i) => {
    put(r, 2, f.label);
    put(r, 3, num(amounts[f.field]));
    put(r, 4, num(amounts[f.field]));
    put(r, 5, i === 0 ? d.funds.spent : "");
    put(r, 6, i === 0 && d.budget ? d.budget.weight : "");
    put(r, 7, i === 0 ? pct(d.funds.rate) : "");
    put(r, 8, i === 0 && d.budget ? num(d.budget.score) : "");
    r++;
  });
  ws.mergeCells(fundsTop, 1, r - 1, 1);

  // Overall goal: expected against what was achieved.
  put(r, 1, "年度总体目标", { bold: true, center: true });
  put(r, 2, "预期目标", { to: half, bold: true, center: true });
  put(r, half + 1, "实际完成情况", { to: n, bold: true, center: true });
  r++;
  put(r - 0, 2, d.goal.expected, { to: half });
  put(r, half + 1, d.goal.actual, { to: n });
  ws.mergeCells(r - 1, 1, r, 1);
  ws.getRow(r).height = Math.min(200, 15 * Math.ceil(d.goal.expected.length / 40));
  r++;

  // The indicator grid.
  def.grid.forEach((c, i) => put(r, i + 1, c.title, { bold: true, center: true }));
  r++;
  const gridTop = r;
  for (const row of d.rows) {
    def.grid.forEach((c, i) => {
      const v = row[c.key as keyof typeof row] ?? "";
      put(r, i + 1, typeof v === "number" ? num(v) : String(v), { center: c.key === "weight" || c.key === "score" });
    });
    r++;
  }
  // Merge the 一级 / 二级 runs as the printed tables do.
  for (const key of ["level1", "level2"] as const) {
    const col = def.grid.findIndex((c) => c.key === key) + 1;
    if (col === 0) continue;
    let start = gridTop;
    for (let i = gridTop; i <= r; i++) {
      const same = i < r && d.rows[i - gridTop][key] === d.rows[start - gridTop][key] && (key === "level1" || d.rows[i - gridTop].level1 === d.rows[start - gridTop].level1);
      if (!same) {
        if (i - 1 > start) ws.mergeCells(start, col, i - 1, col);
        start = i;
      }
    }
  }
  put(r, 1, "总分", { to: n - 2, bold: true, center: true });
  put(r, n - 1, num(d.total), { bold: true, center: true });
  put(r, n, d.grade, { bold: true, center: true });
  ws.pageSetup.printTitlesRow = `${gridTop - 1}:${gridTop - 1}`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
