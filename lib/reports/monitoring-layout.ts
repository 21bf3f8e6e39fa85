// The 项目支出绩效目标执行监控表 as data (docs/domain.md §4): a province's variant (another budget
// column, no light column, a different set of deviation categories) is a new definition here, not
// new code. `monitoringSheet` builds any definition filled with one project's Monitoring into a
// Sheet that every renderer (XLSX, PDF, CSV) prints.
import { messages } from "../i18n/client";
import { pct, spanZh } from "../status";
import { DEVIATION_CATEGORIES, LIKELIHOODS } from "../validations";
import { mergeRuns, SheetBuilder, type Cell, type Sheet } from "./sheet";
import type { Monitoring, MonitoringRow } from "./monitoring";

/** Text columns of the grid, read from a MonitoringRow. */
export type MonitoringTextKey =
  | "level1"
  | "level2"
  | "level3"
  | "target"
  | "originalTarget"
  | "valueToDate"
  | "forecast"
  | "deviationReason"
  | "correctiveMeasure"
  | "remarks"
  | "light"
  | "explanation";

/**
 * One printed column of the grid: a text of the row, or a ✓ column that is marked when the row's
 * `tick` field holds `value` (a deviation category ticked, the likelihood chosen).
 */
export type MonitoringColumn =
  | { key: MonitoringTextKey; title: string; width: number }
  | { tick: "deviationCategories" | "likelihood"; value: string; title: string; width: number };

/** A column, or a group of columns under one merged title (the form's two-level header). */
export type MonitoringGridItem = MonitoringColumn | { group: string; columns: MonitoringColumn[] };

export type MonitoringHeaderField = "projectName" | "projectCode" | "department" | "unit" | "year" | "span";
export type MonitoringBudgetKey = "initialWan" | "spentWan" | "rate" | "timeProgress" | "forecastWan" | "light";

/** Titles may say {span} ("1-7月"), {year} and {month}; they are filled from the form. */
export type MonitoringDefinition = {
  id: string;
  title: string;
  subtitle: string;
  /** Label / value pairs above the grid, two per printed row. */
  header: { label: string; field: MonitoringHeaderField }[];
  /** The project's funds: one row of figures under these titles (万元 where an amount). */
  budget: { label: string; columns: { key: MonitoringBudgetKey; title: string }[] };
  /** The annual goal's row; null leaves it out. */
  goal: { label: string } | null;
  grid: MonitoringGridItem[];
  /** Rows under the grid gathering the rows' texts: reasons for the shortfalls, corrective measures. */
  footer: { label: string; field: "reasons" | "measures" }[];
  orientation: "portrait" | "landscape";
};

const TICK = "✓";

/** 项目支出绩效目标执行监控表, the national layout (财政部 绩效运行监控), with the monitoring light added. */
export const PROJECT_MONITORING: MonitoringDefinition = {
  id: "project-monitoring",
  title: "项目支出绩效目标执行监控表",
  subtitle: "（{year}年{span}）",
  header: [
    { label: "项目名称", field: "projectName" },
    { label: "项目编码", field: "projectCode" },
    { label: "主管部门", field: "department" },
    { label: "实施单位", field: "unit" },
  ],
  budget: {
    label: "项目资金（万元）",
    columns: [
      { key: "initialWan", title: "年初预算数" },
      { key: "spentWan", title: "{span}执行数" },
      { key: "rate", title: "{span}执行率" },
      { key: "timeProgress", title: "时间进度" },
      { key: "forecastWan", title: "全年预计执行数" },
      { key: "light", title: "预算执行预警" },
    ],
  },
  goal: { label: "年度总体目标" },
  grid: [
    { key: "level1", title: "一级指标", width: 9 },
    { key: "level2", title: "二级指标", width: 11 },
    { key: "level3", title: "三级指标", width: 26 },
    { key: "target", title: "年度指标值", width: 11 },
    { key: "valueToDate", title: "{span}执行情况", width: 11 },
    { key: "forecast", title: "全年预计完成情况", width: 12 },
    {
      group: "偏差原因分析",
      columns: [
        ...DEVIATION_CATEGORIES.map((c) => ({ tick: "deviationCategories" as const, value: c, title: c, width: c.length > 4 ? 7 : 5 })),
        { key: "deviationReason", title: "原因说明", width: 22 },
      ],
    },
    { group: "完成目标可能性", columns: LIKELIHOODS.map((l) => ({ tick: "likelihood" as const, value: l, title: l, width: l.length > 3 ? 7 : 6 })) },
    { key: "remarks", title: "备注", width: 14 },
    { key: "light", title: "预警", width: 7 },
  ],
  footer: [
    { label: "偏差大或目标完成可能性小的原因分析", field: "reasons" },
    { label: "改进措施及结果", field: "measures" },
  ],
  orientation: "landscape",
};

export const MONITORING_LAYOUTS: Record<string, MonitoringDefinition> = { [PROJECT_MONITORING.id]: PROJECT_MONITORING };

/** The grid's printed columns, left to right. */
export function leafColumns(def: MonitoringDefinition): MonitoringColumn[] {
  return def.grid.flatMap((g) => ("group" in g ? g.columns : [g]));
}

const lightWord = (l: MonitoringRow["light"]) => messages.zh.light[l] ?? l;

/** "{span}执行数" → "1-7月执行数". */
export function fillTitle(title: string, m: Pick<Monitoring, "year" | "month">): string {
  return title.replaceAll("{span}", spanZh(m.month)).replaceAll("{year}", String(m.year)).replaceAll("{month}", String(m.month));
}

function cellText(col: MonitoringColumn, r: MonitoringRow): string {
  if ("tick" in col) {
    const v = col.tick === "likelihood" ? r.likelihood : (r.deviationCategories as string[]);
    return (Array.isArray(v) ? v.includes(col.value) : v === col.value) ? TICK : "";
  }
  return col.key === "light" ? lightWord(r.light) : r[col.key];
}

/** Printed lines a text needs in a width of `width` characters (a CJK character is two). */
function lines(text: string, width: number): number {
  return text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(([...l].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0) * 1.05) / Math.max(1, width))), 0);
}
const LINE_PT = 14;
const height = (n: number) => (n > 1 ? n * LINE_PT + 4 : undefined);

/** Splits columns from..to into k consecutive ranges as evenly as their count allows. */
function spread(from: number, to: number, k: number): [number, number][] {
  const n = to - from + 1;
  const out: [number, number][] = [];
  let c = from;
  for (let i = 0; i < k; i++) {
    const size = Math.floor(n / k) + (i < n % k ? 1 : 0);
    out.push([c, c + Math.max(1, size) - 1]);
    c += Math.max(1, size);
  }
  return out;
}

const widthOf = (widths: number[], from: number, to: number) => widths.slice(from - 1, to).reduce((s, w) => s + w, 0);

/** A project's monitoring form as a Sheet: title, header, funds, goal, the two-level grid, footer. */
export function monitoringSheet(def: MonitoringDefinition, m: Monitoring): Sheet {
  const cols = leafColumns(def);
  const widths = cols.map((c) => c.width);
  const n = cols.length;
  const t = (s: string) => fillTitle(s, m);
  const b = new SheetBuilder();
  const span = (from: number, to: number) => (to > from ? { colSpan: to - from + 1 } : {});

  b.put(1, t(def.title), { colSpan: n, style: "title", align: "center" }).next(28);
  b.put(1, t(def.subtitle), { colSpan: n, style: "subtitle", align: "center" }).next();

  // Header: label | value | label | value.
  const values: Record<MonitoringHeaderField, string> = {
    projectName: m.projectName,
    projectCode: m.projectCode,
    department: m.department,
    unit: m.unit,
    year: `${m.year}年`,
    span: spanZh(m.month),
  };
  const half = Math.floor(n / 2);
  for (let i = 0; i < def.header.length; i += 2) {
    const [a, c] = [def.header[i], def.header[i + 1]];
    const aTo = c ? half : n;
    b.put(1, a.label, { style: "label", align: "center" }).put(2, values[a.field], { ...span(2, aTo), style: "text" });
    let need = lines(values[a.field], widthOf(widths, 2, aTo));
    if (c) {
      b.put(half + 1, c.label, { style: "label", align: "center" }).put(half + 2, values[c.field], { ...span(half + 2, n), style: "text" });
      need = Math.max(need, lines(values[c.field], widthOf(widths, half + 2, n)));
    }
    b.next(height(need));
  }

  // Funds: the label over two rows, then one title and one figure per budget column.
  const ranges = spread(2, n, def.budget.columns.length);
  b.put(1, def.budget.label, { rowSpan: 2, style: "label", align: "center" });
  def.budget.columns.forEach((c, i) => b.put(ranges[i][0], t(c.title), { ...span(...ranges[i]), style: "head", align: "center" }));
  b.next();
  const money = (v: number | null): Omit<Cell, "r" | "c"> => ({ value: v ?? "", style: "num", align: "right", decimals: 2 });
  const figure = (key: MonitoringBudgetKey): Omit<Cell, "r" | "c"> => {
    const x = m.budget;
    switch (key) {
      case "initialWan":
        return money(x.initialWan);
      case "spentWan":
        return money(x.spentWan);
      case "forecastWan":
        return money(x.forecastWan);
      case "rate":
        return { value: x.rate == null ? "" : pct(x.rate), style: "text", align: "center" };
      case "timeProgress":
        return { value: pct(x.timeProgress), style: "text", align: "center" };
      case "light":
        return { value: lightWord(x.light), style: "text", align: "center" };
    }
  };
  def.budget.columns.forEach((c, i) => {
    const { value, ...opts } = figure(c.key);
    b.put(ranges[i][0], value, { ...span(...ranges[i]), ...opts });
  });
  b.next();

  if (def.goal) {
    b.put(1, def.goal.label, { style: "label", align: "center" }).put(2, m.goal, { ...span(2, n), style: "text" });
    b.next(height(lines(m.goal, widthOf(widths, 2, n))));
  }

  // Grid header: a column alone spans both rows; a group's title spans its columns.
  const grouped = def.grid.some((g) => "group" in g);
  const gridTop = b.row;
  let c = 1;
  for (const g of def.grid) {
    if ("group" in g) {
      b.put(c, t(g.group), { ...span(c, c + g.columns.length - 1), style: "head", align: "center" });
      c += g.columns.length;
    } else {
      b.put(c, t(g.title), { ...(grouped ? { rowSpan: 2 } : {}), style: "head", align: "center" });
      c++;
    }
  }
  let headNeed = 1;
  if (grouped) {
    b.next();
    c = 1;
    for (const g of def.grid) {
      if ("group" in g)
        for (const col of g.columns) {
          b.put(c, t(col.title), { style: "head", align: "center" });
          headNeed = Math.max(headNeed, lines(t(col.title), col.width));
          c++;
        }
      else c++;
    }
  }
  b.next(height(headNeed));
  const gridBottomHead = b.row - 1;

  // Grid body: 一级 and 二级 merged down their runs, as printed.
  const level1Spans = mergeRuns(m.rows, (r) => r.level1);
  const level2Spans = mergeRuns(m.rows, (r) => `${r.level1}\u0000${r.level2}`);
  m.rows.forEach((r, i) => {
    let need = 1;
    cols.forEach((col, j) => {
      const text = cellText(col, r);
      if ("key" in col && (col.key === "level1" || col.key === "level2")) {
        const s = (col.key === "level1" ? level1Spans : level2Spans)[i];
        if (s === 0) return;
        b.put(j + 1, text, { ...(s > 1 ? { rowSpan: s } : {}), style: "text", align: "center" });
        return;
      }
      b.put(j + 1, text, { style: "text", align: "tick" in col || col.key === "light" ? "center" : "left" });
      need = Math.max(need, lines(text, col.width));
    });
    b.next(height(need));
  });

  // Footer: what the rows say about shortfalls and measures, one line per indicator.
  const gather = (pick: (r: MonitoringRow) => string) =>
    m.rows
      .map((r) => [r.level3, pick(r)] as const)
      .filter(([, s]) => s)
      .map(([name, s]) => `${name}：${s}`)
      .join("\n");
  const labelTo = Math.min(3, n - 1);
  for (const f of def.footer) {
    const text = gather(f.field === "reasons" ? (r) => r.deviationReason : (r) => r.correctiveMeasure) || "无";
    b.put(1, f.label, { ...span(1, labelTo), style: "label", align: "center" }).put(labelTo + 1, text, { ...span(labelTo + 1, n), style: "text" });
    b.next(height(Math.max(lines(text, widthOf(widths, labelTo + 1, n)), lines(f.label, widthOf(widths, 1, labelTo)))));
  }

  return {
    name: sheetName(`${m.tableNo} ${m.projectName}`),
    columns: widths,
    cells: b.cells,
    rowHeights: b.rowHeights,
    repeatRows: [gridTop, gridBottomHead],
    orientation: def.orientation,
  };
}

/** A worksheet name Excel accepts: ≤ 31 characters, none of []:*?/\. */
export function sheetName(s: string): string {
  return [...s.replace(/[[\]:*?/\\]/g, " ")].slice(0, 31).join("").trim() || "Sheet";
}
