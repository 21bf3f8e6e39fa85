// The 项目支出绩效自评表 / 部门整体支出绩效自评表 built into a Sheet from a FormDefinition: title,
// header pairs, funds block, 年度总体目标, the indicator grid and the 总分 row. Every renderer
// (XLSX, PDF through HTML, CSV) prints this one Sheet, so the form looks the same in each format.
import type { FormDefinition, GridColumn } from "./layouts";
import { sheetName } from "./monitoring-layout";
import type { SelfEvalRow, SelfEvaluation } from "./self-eval";
import { mergeRuns, SheetBuilder, type Cell, type Sheet } from "./sheet";
import { textWidth } from "./render/text";

const NOT_APPLICABLE = "不适用";
const TITLE_HEIGHT = 28;

/** 0.9653 → "96.53%" (the form prints rates with two decimals). */
const percent = (ratio: number | null | undefined) => (ratio == null ? "" : `${(ratio * 100).toFixed(2)}%`);

const NATURE: Partial<Record<SelfEvalRow["kind"], string>> = { quantitative: "定量", frequency: "定量", deadline: "定量", qualitative: "定性" };

type CellOpts = Omit<Cell, "r" | "c" | "value">;
const money = (v: number | null | undefined): [string | number, CellOpts] => (v == null ? ["", { style: "num", align: "right" }] : [v, { style: "num", align: "right", decimals: 2 }]);
const points = (v: number): [number, CellOpts] => [v, { style: "num", align: "center", decimals: 2 }];

/** One grid cell of an indicator row. */
function gridCell(col: GridColumn, row: SelfEvalRow): [string | number, CellOpts] {
  switch (col.key) {
    case "weight":
      return row.applicable ? points(row.weight) : [NOT_APPLICABLE, { style: "text", align: "center" }];
    case "score":
      return row.applicable ? points(row.adjustment ? row.adjustment.score : row.score) : [NOT_APPLICABLE, { style: "text", align: "center" }];
    case "deviation": {
      // An adjusted score carries its written reason onto the form, beside the shortfall's own.
      const adj = row.adjustment ? `评分调整：${row.adjustment.reason}` : "";
      return [[row.deviation, adj].filter(Boolean).join("\n"), { style: "text", align: "left" }];
    }
    case "nature":
      return [NATURE[row.kind] ?? "", { style: "text", align: "center" }];
    case "unit":
      // SelfEvalRow carries no unit of measure (see the report): the column prints blank.
      return ["", { style: "text", align: "center" }];
    case "target":
    case "originalTarget":
    case "actual":
      return [row[col.key], { style: "text", align: "center" }];
    default:
      return [row[col.key], { style: "text", align: "left" }];
  }
}

/**
 * Splits columns from..to into k consecutive ranges as even in width as the columns allow (least
 * sum of squared widths), so six figures over seven columns merge the two narrowest neighbours.
 */
function spread(widths: number[], from: number, to: number, k: number): [number, number][] {
  const cols = widths.slice(from - 1, to);
  const n = cols.length;
  if (n <= k) return Array.from({ length: k }, (_, i) => [Math.min(from + i, to), Math.min(from + i, to)]);
  const width = (a: number, b: number) => cols.slice(a, b).reduce((s, w) => s + w, 0);
  // best[i][j]: the cost of the first i columns in j ranges; cut[i][j]: where the last range starts.
  const best = Array.from({ length: n + 1 }, () => Array<number>(k + 1).fill(Infinity));
  const cut = Array.from({ length: n + 1 }, () => Array<number>(k + 1).fill(0));
  best[0][0] = 0;
  for (let j = 1; j <= k; j++)
    for (let i = j; i <= n; i++)
      for (let a = j - 1; a < i; a++) {
        const cost = best[a][j - 1] + width(a, i) ** 2;
        if (cost < best[i][j]) [best[i][j], cut[i][j]] = [cost, a];
      }
  const out: [number, number][] = [];
  for (let i = n, j = k; j > 0; i = cut[i][j], j--) out.unshift([from + cut[i][j], from + i - 1]);
  return out;
}

/**
 * Labels indented with full-width spaces (the layout's "　　　　　　财政专户管理资金" under
 * "按收入性质分：财政拨款") lose as much indentation as the widest needs to fit on one line of
 * `width` characters — the same for all, so they stay aligned with each other — rather than wrap.
 */
function fitIndents(labels: string[], width: number): string[] {
  const room = width - 1;
  const indent = (l: string) => /^\u3000*/.exec(l)![0].length;
  let drop = 0;
  for (const l of labels) if (indent(l) > 0 && textWidth(l) > room) drop = Math.max(drop, Math.min(indent(l), Math.ceil((textWidth(l) - room) / 2)));
  return labels.map((l) => l.slice(Math.min(drop, indent(l))));
}

const span = (from: number, to: number): CellOpts => (to > from ? { colSpan: to - from + 1 } : {});

/**
 * A filled self-evaluation form as a Sheet. The grid's columns are the definition's; the blocks
 * above it (header pairs, funds, goal) are laid over the same columns, as the printed form does.
 */
export function selfEvalSheet(def: FormDefinition, d: SelfEvaluation): Sheet {
  // The funds block needs eight columns (two for the label, six figures); a narrower grid is padded.
  const widths = def.grid.map((c) => c.width);
  while (widths.length < 8) widths.push(10);
  const n = widths.length;
  const half = Math.floor(n / 2);
  const b = new SheetBuilder();

  b.put(1, def.title, { colSpan: n, style: "title", align: "center" }).next(TITLE_HEIGHT);
  b.put(1, `（${d.year}年度）`, { colSpan: n, style: "subtitle", align: "center" }).next();

  // Header: label | value | label | value, two pairs a row.
  const values: Record<FormDefinition["header"][number]["field"], string> = {
    projectName: d.projectName,
    department: d.department,
    unit: d.unit,
    year: `${d.year}年`,
  };
  for (let i = 0; i < def.header.length; i += 2) {
    const [a, c] = [def.header[i], def.header[i + 1]];
    const aTo = c ? half : n;
    b.put(1, a.label, { style: "label", align: "center" }).put(2, values[a.field], { ...span(2, aTo), style: "text" });
    if (c) b.put(half + 1, c.label, { style: "label", align: "center" }).put(half + 2, values[c.field], { ...span(half + 2, n), style: "text" });
    b.next();
  }

  // Funds, as docs/domain.md §5 prints them: the block's label in the corner above the lines' labels,
  // then six figures (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分) spread over the
  // remaining columns. 分值 / 执行率 / 得分 belong to the first (total) line only.
  const figures = spread(widths, 3, n, 6);
  const lines = def.funds.rows;
  const labels = fitIndents(
    lines.map((f) => f.label),
    widths[0] + widths[1],
  );
  b.put(1, def.funds.label, { colSpan: 2, style: "head", align: "center" });
  ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => b.put(figures[i][0], h, { ...span(...figures[i]), style: "head", align: "center" }));
  b.next();
  lines.forEach((f, i) => {
    const line = d.funds[f.field];
    const first = i === 0;
    const cells: [string | number, CellOpts][] = [
      money(line?.initial),
      money(line?.full),
      money(line?.spent),
      first && d.budget ? points(d.budget.weight) : ["", { style: "text", align: "center" }],
      [first && d.budget ? percent(d.budget.rate ?? d.rate) : "", { style: "text", align: "center" }],
      first && d.budget ? points(d.budget.score) : ["", { style: "text", align: "center" }],
    ];
    b.put(1, labels[i], { colSpan: 2, style: "text" });
    cells.forEach(([value, opts], j) => b.put(figures[j][0], value, { ...span(...figures[j]), ...opts }));
    b.next();
  });

  // 年度总体目标: what was planned beside what was achieved.
  b.put(1, "年度总体目标", { rowSpan: 2, style: "label", align: "center" });
  b.put(2, "预期目标", { ...span(2, half), style: "head", align: "center" });
  b.put(half + 1, "实际完成情况", { ...span(half + 1, n), style: "head", align: "center" });
  b.next();
  b.put(2, d.goal.expected, { ...span(2, half), style: "text" });
  b.put(half + 1, d.goal.actual, { ...span(half + 1, n), style: "text" });
  b.next();

  // The indicator grid: its header repeats on every printed page.
  const gridHead = b.row;
  def.grid.forEach((c, i) => b.put(i + 1, c.title, { style: "head", align: "center" }));
  if (def.grid.length < n) b.put(def.grid.length + 1, "", { ...span(def.grid.length + 1, n), style: "head" });
  b.next();
  // 一级 and 二级 merged down their runs, as printed (a 二级 run never crosses a 一级 boundary).
  const runs = {
    level1: mergeRuns(d.rows, (r) => r.level1),
    level2: mergeRuns(d.rows, (r) => `${r.level1}\u0000${r.level2}`),
  };
  d.rows.forEach((row, i) => {
    def.grid.forEach((col, j) => {
      if (col.key === "level1" || col.key === "level2") {
        const s = runs[col.key][i];
        if (s > 0) b.put(j + 1, row[col.key], { ...(s > 1 ? { rowSpan: s } : {}), style: "text", align: "center" });
        return;
      }
      const [value, opts] = gridCell(col, row);
      b.put(j + 1, value, opts);
    });
    if (def.grid.length < n) b.put(def.grid.length + 1, "", { ...span(def.grid.length + 1, n), style: "text" });
    b.next();
  });
  const lastGridRow = b.row - 1;

  // 总分: the points (100 once 不适用 rows are rescaled away) and the total under their columns,
  // the grade after them.
  const weightCol = def.grid.findIndex((c) => c.key === "weight") + 1;
  const scoreCol = def.grid.findIndex((c) => c.key === "score") + 1;
  const totalCol = scoreCol || n - 1;
  const firstFigure = weightCol ? Math.min(weightCol, totalCol) : totalCol;
  const totalOpts: CellOpts = { style: "total", align: "center" };
  b.put(1, "总分", { ...span(1, firstFigure - 1), ...totalOpts });
  const pointsTotal = d.rows.reduce((s, r) => s + (r.applicable ? r.weight : 0), 0) + (d.budget?.weight ?? 0);
  for (let c = firstFigure; c <= totalCol; c++) {
    if (c === weightCol) b.put(c, pointsTotal, { ...totalOpts, decimals: 2 });
    else if (c === totalCol) b.put(c, d.total, { ...totalOpts, decimals: 2 });
    else b.put(c, "", totalOpts);
  }
  if (totalCol < n) b.put(totalCol + 1, d.grade, { ...span(totalCol + 1, n), ...totalOpts });
  b.next();

  return {
    name: sheetName(d.projectName),
    columns: widths,
    cells: b.cells,
    rowHeights: b.rowHeights,
    repeatRows: [gridHead, gridHead],
    orientation: "landscape",
    keepTogether: [[lastGridRow, lastGridRow + 1]],
  };
}
