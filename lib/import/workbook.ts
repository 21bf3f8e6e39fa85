// The export: a year's annual indicator tables as a workbook in the document's shape (表11 and
// 表12-1…12-N, merged header, merged 一级 / 二级 runs), with the importer's columns on the right,
// a 填写说明 sheet and a 单位名称 sheet. The template is the same without rows. Pure: exceljs only.
import ExcelJS from "exceljs";
import { officeParts } from "../offices/client";
import { ACCUMULATION_TEXT, AGGREGATION_TEXT, headerText, letterOf, sheetNameOf, TABLE_COLUMNS } from "./columns";
import { officeIndex } from "./offices";
import type { ColumnKey, ImportState, StateIndicator, StateTable } from "./types";

const thin = { style: "thin" as const, color: { argb: "FF7F7F7F" } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const PRINTED_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFEDEFF2" } };
const IMPORT_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFDCEBFA" } };
const FONT = { name: "SimSun", size: 10 };
const HEADER_TOP = 3;
const DATA_FROM = 5;
/** Columns that hold numbers; the others are text cells, so Excel keeps "95%" and "2024年12月" as typed. */
const NUMERIC: ColumnKey[] = ["goalNo", "id"];

export type WorkbookInput = ImportState & { departmentName: string };

export function tableTitle(t: StateTable): string {
  return t.tableNo === "11" ? "表11 部门整体支出绩效目标表（年度绩效目标）" : `表${t.tableNo} 项目支出绩效目标表（年度绩效目标）`;
}

/** Tables in document order: 表11, then 表12-1, 12-2 … by number. */
export function tableOrder(a: string, b: string): number {
  const n = (t: string) => (t === "11" ? 0 : Number(t.split("-")[1] ?? 99));
  return n(a) - n(b);
}

export async function tablesWorkbook(state: WorkbookInput, opts: { template?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效 Jixiao";
  const ix = officeIndex(state);
  const tables = state.tables.filter((t) => !t.retired).sort((a, b) => tableOrder(a.tableNo, b.tableNo));
  for (const t of tables) tableSheet(wb, state, t, opts.template ? [] : rowsOf(state, t), ix);
  const help = helpSheet(wb, state);
  officesSheet(wb, state);
  if (opts.template) wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: wb.worksheets.indexOf(help), visibility: "visible" }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A table's rows in document order, retired ones left out. */
function rowsOf(state: ImportState, t: StateTable): StateIndicator[] {
  const goalOrder = new Map(t.goals.filter((g) => !g.retired).map((g) => [g.id, g.sortOrder]));
  return state.indicators
    .filter((i) => i.tableNo === t.tableNo && !i.retired && goalOrder.has(i.goalId))
    .sort((a, b) => (goalOrder.get(a.goalId) ?? 0) - (goalOrder.get(b.goalId) ?? 0) || a.sortOrder - b.sortOrder || a.id - b.id);
}

function tableSheet(wb: ExcelJS.Workbook, state: WorkbookInput, t: StateTable, rows: StateIndicator[], ix: ReturnType<typeof officeIndex>) {
  const { year } = state;
  const ws = wb.addWorksheet(sheetNameOf(t.tableNo), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: "第 &P 页，共 &N 页" },
    views: [{ state: "frozen", ySplit: DATA_FROM - 1 }],
  });
  const cols = TABLE_COLUMNS;
  const n = cols.length;
  const printedCount = cols.filter((c) => c.printed).length;
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (!NUMERIC.includes(c.key)) col.numFmt = "@";
  });
  const col = (key: ColumnKey) => cols.findIndex((c) => c.key === key) + 1;

  ws.mergeCells(1, 1, 1, n);
  ws.getCell(1, 1).value = tableTitle(t);
  ws.getCell(1, 1).font = { name: "SimHei", size: 14, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 24;
  ws.mergeCells(2, 1, 2, n);
  ws.getCell(2, 1).value = t.tableNo === "11" ? `${year}年度　部门：${state.departmentName}` : `${year}年度　项目名称：${t.projectName ?? ""}　项目编码：${t.projectCode ?? ""}`;
  ws.getCell(2, 1).font = FONT;

  // Header: the printed columns, 指标值 over its three years, then the importer's columns.
  const head = (r: number, c: number, value: string, fill: typeof PRINTED_FILL) => {
    const cell = ws.getCell(r, c);
    cell.value = value;
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = fill;
    cell.border = border;
  };
  const top = HEADER_TOP;
  const bottom = HEADER_TOP + 1;
  cols.forEach((c, i) => {
    const fill = c.printed ? PRINTED_FILL : IMPORT_FILL;
    head(bottom, i + 1, headerText(c, year), fill);
    if (c.printed && !["y2", "y1", "target"].includes(c.key)) {
      head(top, i + 1, headerText(c, year), fill);
      ws.mergeCells(top, i + 1, bottom, i + 1);
    }
  });
  head(top, col("y2"), "指标值", PRINTED_FILL);
  for (const k of ["y1", "target"] as const) head(top, col(k), "指标值", PRINTED_FILL);
  ws.mergeCells(top, col("y2"), top, col("target"));
  for (let c = printedCount + 1; c <= n; c++) head(top, c, "导入用列（请勿删除或改名）", IMPORT_FILL);
  ws.mergeCells(top, printedCount + 1, top, n);
  ws.getRow(bottom).height = 30;

  const goals = new Map(t.goals.map((g) => [g.id, g]));
  rows.forEach((ind, i) => {
    const r = DATA_FROM + i;
    const goal = goals.get(ind.goalId);
    const lead = ind.orgs.filter((o) => o.role === "lead").map((o) => o.orgId);
    const support = ind.orgs.filter((o) => o.role === "support").map((o) => o.orgId);
    const values: Record<ColumnKey, string | number | null> = {
      level1: ind.level1,
      level2: ind.level2,
      level3: ind.namePrinted,
      y2: ind.history[year - 2] ?? null,
      y1: ind.history[year - 1] ?? null,
      target: ind.targetText,
      basis: ind.basis,
      lead: leadText(ind, lead, ix),
      support: support.map(ix.label).join("、"),
      accumulation: ind.accumulation ? (ACCUMULATION_TEXT[ind.accumulation]?.zh ?? ind.accumulation) : null,
      aggregation: AGGREGATION_TEXT[ind.aggregation]?.zh ?? ind.aggregation,
      goalNo: goal?.goalNo ?? null,
      goalText: goal?.text ?? null,
      projectCode: t.projectCode,
      id: ind.id,
      table: t.tableNo,
    };
    cols.forEach((c, j) => {
      const cell = ws.getCell(r, j + 1);
      const v = values[c.key];
      cell.value = v === null || v === "" ? null : v;
      cell.font = FONT;
      cell.alignment = { vertical: "middle", wrapText: true, horizontal: ["level1", "level2", "goalNo", "accumulation", "aggregation", "id"].includes(c.key) ? "center" : "left" };
      cell.border = border;
    });
  });
  const last = DATA_FROM + rows.length - 1;

  // Merge runs as the printed tables do: 一级 within a goal, 二级 within its 一级, and the goal columns.
  const runs = (key: (x: StateIndicator) => string, column: number) => {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && key(rows[i]) === key(rows[start])) continue;
      if (i - 1 > start) ws.mergeCells(DATA_FROM + start, column, DATA_FROM + i - 1, column);
      start = i;
    }
  };
  runs((x) => `${x.goalId}\u0000${x.level1}`, col("level1"));
  runs((x) => `${x.goalId}\u0000${x.level1}\u0000${x.level2}`, col("level2"));
  runs((x) => String(x.goalId), col("goalNo"));
  runs((x) => String(x.goalId), col("goalText"));

  // Choice lists for the two setting columns, on the rows there are and room for more.
  const validations = (ws as unknown as { dataValidations: { add: (range: string, v: ExcelJS.DataValidation) => void } }).dataValidations;
  const to = Math.max(last, DATA_FROM) + 300;
  validations.add(`${letterOf(col("accumulation"))}${DATA_FROM}:${letterOf(col("accumulation"))}${to}`, { type: "list", allowBlank: true, formulae: ['"累计,水平,自动"'], showErrorMessage: true, errorTitle: "累计方式", error: "请选择：累计、水平或自动" });
  validations.add(`${letterOf(col("aggregation"))}${DATA_FROM}:${letterOf(col("aggregation"))}${to}`, { type: "list", allowBlank: true, formulae: ['"自动,求和,平均"'], showErrorMessage: true, errorTitle: "汇总方式", error: "请选择：自动、求和或平均" });
  ws.pageSetup.printTitlesRow = `${top}:${bottom}`;
}

/**
 * The lead offices as written: the bracket's names when they mean exactly these offices (各社保处
 * rather than nine names), else each office's own name.
 */
function leadText(ind: StateIndicator, lead: number[], ix: ReturnType<typeof officeIndex>): string {
  if (ind.officeText) {
    const parts = officeParts(ind.officeText);
    const ids = new Set(parts.flatMap((p) => ix.resolve(p) ?? []));
    if (parts.every((p) => ix.resolve(p)) && ids.size === lead.length && lead.every((id) => ids.has(id))) return parts.join("、");
  }
  return lead.map(ix.label).join("、");
}

function helpSheet(wb: ExcelJS.Workbook, state: WorkbookInput): ExcelJS.Worksheet {
  const { year } = state;
  const ws = wb.addWorksheet("填写说明");
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 12;
  ws.getColumn(3).width = 70;
  ws.getColumn(4).width = 24;
  ws.getColumn(5).width = 60;
  const line = (text: string, opts: { bold?: boolean; size?: number } = {}) => {
    const r = ws.addRow([text]);
    ws.mergeCells(r.number, 1, r.number, 5);
    r.getCell(1).font = { ...FONT, bold: opts.bold, size: opts.size ?? 10 };
    r.getCell(1).alignment = { wrapText: true, vertical: "top" };
    r.height = Math.max(16, 16 * Math.ceil(text.length / 90));
  };
  line(`填写说明（${year}年度绩效目标表 · 年度指标） / How to fill in`, { bold: true, size: 14 });
  line(`1. 每个工作表是一张表：“表11”为部门整体，“表12-1”…为各项目。左侧各列与印发的表相同；右侧蓝色表头的列供导入识别使用。请勿修改工作表名称和表头。`);
  line("2. 导入：系统管理 → Excel 导入导出，选择年度和文件后先预览：每一行将新增、修改（原值 → 新值）还是不变，以及每个问题所在的工作表、行和列。确认后才写入，全部写入或全部不写入；有“错误”时不能确认。");
  line("3. 文件中没有的指标行不会被删除，预览中列为“文件中没有”。停用指标请到“指标表维护”。");
  line("4. 可以增加行（系统编号留空）；一级、二级指标可以合并单元格。也可以导入 CSV：一张表的各列，另加一列“表号”（如 11、12-1）。");
  line("1. Each sheet is one table: 表11 (the department) and 表12-1 … (the projects). The left columns are the printed table's; the blue-headed columns on the right are for the importer. Keep sheet names and headers as they are.");
  line("2. Import under Admin → Excel import and export: choose the year and the file and look at the preview (each row created, changed (before → after) or unchanged; each problem with its sheet, row and column). Nothing is written until you confirm, and then all or nothing; errors block confirming.");
  line("3. Rows missing from the file are never deleted; the preview lists them as “not in file”. Retire rows under Indicator tables.");
  line("4. You may add rows (leave the system id empty) and merge 一级 / 二级 cells. A CSV file is one table's columns plus a 表号 (table) column, such as 11 or 12-1.");
  ws.addRow([]);
  const head = ws.addRow(["列 / Column", "必填 / Required", "说明", "示例 / Example", "Notes"]);
  head.eachCell((c) => {
    c.font = { ...FONT, bold: true };
    c.fill = PRINTED_FILL;
    c.border = border;
  });
  const rows: [string, string, string, string, string][] = [
    ["一级指标", "必填", "产出指标、效益指标、满意度指标（或成本指标）", "产出指标", "Level 1 category"],
    ["二级指标", "必填", "数量指标、质量指标、时效指标、成本指标、社会效益指标、服务对象满意度指标等", "数量指标", "Level 2 category"],
    ["三级指标", "必填", "指标名称，按原表填写；可在末尾括号中写责任单位", "开展新闻报道（政研处）", "The indicator's name as printed, with the office in brackets if printed so"],
    [`前年（${year - 2}年）、上年（${year - 1}年）`, "选填", "按原表填写；空白表示没有，“/”照填", "100次", "Earlier years' values as printed"],
    [`预计当年实现（${year}年）`, "必填", "指标值，如 ≥22万人、95%、≤5个工作日、2024年12月、有效推进；没有指标值填“/”", "100次", `The ${year} target as printed; “/” for none`],
    ["指标值确定依据", "选填", "如 计划标准、历史标准", "计划标准", "Basis of the target"],
    ["牵头单位", "选填", "单位全称、简称或别名（见“单位名称”表），多个用“、”分隔。留空：已有的行不变；新增的行取三级指标括号中的单位，没有括号则取项目执行单位（表11为部门）", "政研处", "Lead offices (name, short name or alias; several separated by 、). Empty: unchanged; a new row takes the bracket's office or the project's executing unit"],
    ["配合单位", "选填", "与牵头单位同样填写；留空而牵头单位有内容时，表示没有配合单位", "", "Supporting offices, written the same way"],
    ["累计方式", "选填", "累计：全年累加（人数、次数等）；水平：某一时点的值（比率、满意度等）；自动：按指标值判断。留空不变", "累计", "Accumulation: 累计 cumulative, 水平 level, 自动 auto; empty: unchanged"],
    ["汇总方式", "选填", "多个单位共同负责时如何合计各单位的填报值：自动（数量求和，比率取平均）、求和、平均。留空不变", "自动", "How several offices' figures combine: 自动 auto, 求和 sum, 平均 mean; empty: unchanged"],
    ["目标序号", "表11必填", "表11的年度目标序号（如 1–4）；项目表留空", "1", "表11's annual goal number; empty in project tables"],
    ["年度目标（不导入）", "—", "仅供查看；修改目标内容请到“指标表维护”", "", "For reference; not imported"],
    ["项目编码", "选填", "项目表可留空；填写时须与工作表的项目一致", "420100225030030000101", "Project code; optional, must match the sheet's project"],
    ["系统编号", "请勿修改", "导出时填写，用于识别已有的行；新增的行留空", "", "System id of an existing row; empty for a new row"],
  ];
  for (const r of rows) {
    const row = ws.addRow(r);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.font = FONT;
      c.alignment = { wrapText: true, vertical: "top" };
      c.border = border;
      c.numFmt = "@";
    });
  }
  return ws;
}

function officesSheet(wb: ExcelJS.Workbook, state: ImportState) {
  const ws = wb.addWorksheet("单位名称");
  ws.columns = [
    { header: "单位全称 / Name", width: 44 },
    { header: "简称 / Short name", width: 18 },
    { header: "其他可用名称（别名） / Aliases", width: 50 },
  ];
  ws.getRow(1).eachCell((c) => {
    c.font = { ...FONT, bold: true };
    c.fill = PRINTED_FILL;
  });
  for (const o of state.orgs) {
    const aliases = state.aliases.filter((a) => a.orgId === o.id && a.alias !== o.name && a.alias !== o.shortName).map((a) => a.alias);
    ws.addRow([o.name, o.shortName ?? "", aliases.join("、")]).eachCell((c) => (c.font = FONT));
  }
  ws.views = [{ state: "frozen", ySplit: 1 }];
}
