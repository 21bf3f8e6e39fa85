// The annual summary (年度绩效自评汇总) as data: which columns each of its two sheets prints. A
// variant (another column, other titles) is a new definition, not new code.
import { messages } from "../i18n/client";
import { LIGHT_ORDER, type Light, pct } from "../status";
import { SheetBuilder, type Cell, type Sheet } from "./sheet";
import type { Summary, SummaryForm, SummaryShortfall } from "./summary";

export type SummaryFormKey = "no" | "table" | "name" | "rate" | "budgetScore" | "total" | "grade" | "light" | "budgetLight" | "indicators" | "shortfalls" | "finalised";
export type SummaryShortfallKey = "no" | "table" | "form" | "level3" | "target" | "actual" | "lost" | "deviationReason" | "correctiveMeasure";

export type SummaryDefinition = {
  id: string;
  /** {year} is filled from the summary. */
  title: string;
  scores: { sheet: string; title: string; columns: { key: SummaryFormKey; title: string; width: number }[]; gradeLabel: string; lightLabel: string };
  shortfalls: { sheet: string; title: string; columns: { key: SummaryShortfallKey; title: string; width: number }[]; empty: string };
  orientation: "portrait" | "landscape";
};

export const ANNUAL_SUMMARY: SummaryDefinition = {
  id: "annual-summary",
  title: "{year}年度绩效自评汇总表",
  scores: {
    sheet: "自评得分汇总",
    title: "{year}年度绩效自评汇总表",
    columns: [
      { key: "no", title: "序号", width: 6 },
      { key: "table", title: "表号", width: 8 },
      { key: "name", title: "项目名称", width: 26 },
      { key: "rate", title: "预算执行率", width: 11 },
      { key: "budgetScore", title: "预算执行得分", width: 11 },
      { key: "total", title: "自评总分", width: 10 },
      { key: "grade", title: "等级", width: 7 },
      { key: "light", title: "年末绩效目标预警", width: 12 },
      { key: "budgetLight", title: "年末预算执行预警", width: 12 },
      { key: "indicators", title: "指标数", width: 8 },
      { key: "shortfalls", title: "未达标指标数", width: 10 },
      { key: "finalised", title: "定稿情况", width: 10 },
    ],
    gradeLabel: "等级分布",
    lightLabel: "年末预警分布（指标）",
  },
  shortfalls: {
    sheet: "偏差原因及改进措施",
    title: "{year}年度绩效自评偏差原因及改进措施汇总表",
    columns: [
      { key: "no", title: "序号", width: 6 },
      { key: "table", title: "表号", width: 8 },
      { key: "form", title: "项目名称", width: 18 },
      { key: "level3", title: "三级指标", width: 28 },
      { key: "target", title: "年度指标值", width: 12 },
      { key: "actual", title: "实际完成值", width: 12 },
      { key: "lost", title: "扣分", width: 8 },
      { key: "deviationReason", title: "偏差原因分析", width: 30 },
      { key: "correctiveMeasure", title: "改进措施", width: 30 },
    ],
    empty: "无未达标指标",
  },
  orientation: "landscape",
};

type Value = Omit<Cell, "r" | "c">;
const text = (value: string, align: Cell["align"] = "left"): Value => ({ value, style: "text", align });
const num = (value: number | null, decimals = 2): Value => (value == null ? text("") : { value, style: "num", align: "right", decimals });
const lightWord = (l: Light | null) => (l == null ? "" : (messages.zh.light[l] ?? l));
const tableLabel = (tableNo: string) => `表${tableNo}`;

function formCell(key: SummaryFormKey, f: SummaryForm, i: number): Value {
  switch (key) {
    case "no":
      return num(i + 1, 0);
    case "table":
      return text(tableLabel(f.tableNo), "center");
    case "name":
      return text(f.name);
    case "rate":
      return text(f.rate == null ? "" : pct(f.rate), "center");
    case "budgetScore":
      return num(f.budgetScore);
    case "total":
      return num(f.total);
    case "grade":
      return text(f.grade, "center");
    case "light":
      return text(lightWord(f.light), "center");
    case "budgetLight":
      return text(lightWord(f.budgetLight), "center");
    case "indicators":
      return num(f.indicators, 0);
    case "shortfalls":
      return num(f.shortfalls, 0);
    case "finalised":
      return text(f.finalisedVersion == null ? "未定稿" : `第${f.finalisedVersion}版`, "center");
  }
}

function shortfallCell(key: SummaryShortfallKey, s: SummaryShortfall, i: number): Value {
  switch (key) {
    case "no":
      return num(i + 1, 0);
    case "table":
      return text(tableLabel(s.tableNo), "center");
    case "form":
      return text(s.form);
    case "level3":
      return text(s.level3);
    case "target":
      return text(s.target, "center");
    case "actual":
      return text(s.actual, "center");
    case "lost":
      return num(s.lost);
    case "deviationReason":
      return text(s.deviationReason ?? "");
    case "correctiveMeasure":
      return text(s.correctiveMeasure ?? "");
  }
}

/** Printed lines of a text in `width` characters (a CJK character is two). */
const lines = (s: string, width: number) => Math.max(1, Math.ceil(([...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0) * 1.05) / Math.max(1, width)));
const rowHeight = (n: number) => (n > 1 ? n * 14 + 4 : undefined);

/** The summary's two sheets: the scores of every form, then every shortfall with its reason and measure. */
export function summarySheets(s: Summary, def: SummaryDefinition = ANNUAL_SUMMARY): Sheet[] {
  const fill = (t: string) => t.replaceAll("{year}", String(s.year));

  // Scores, then the distributions the charts show.
  const sc = def.scores;
  const n = sc.columns.length;
  const a = new SheetBuilder();
  a.put(1, fill(sc.title), { colSpan: n, style: "title", align: "center" }).next(28);
  a.put(1, `（${s.department}）`, { colSpan: n, style: "subtitle", align: "center" }).next();
  const head = a.row;
  sc.columns.forEach((c, j) => a.put(j + 1, c.title, { style: "head", align: "center" }));
  a.next(rowHeight(Math.max(...sc.columns.map((c) => lines(c.title, c.width)))));
  s.forms.forEach((f, i) => {
    let need = 1;
    sc.columns.forEach((c, j) => {
      const { value, ...opts } = formCell(c.key, f, i);
      a.put(j + 1, value, opts);
      need = Math.max(need, lines(String(value), c.width));
    });
    a.next(rowHeight(need));
  });
  const labelTo = Math.min(3, n - 1);
  const distribution = (label: string, body: string) => {
    a.put(1, label, { colSpan: labelTo, style: "label", align: "center" }).put(labelTo + 1, body, { colSpan: n - labelTo, style: "text" });
    a.next();
  };
  distribution(sc.gradeLabel, s.byGrade.map((g) => `${g.grade} ${g.count}个`).join("，"));
  const lights = LIGHT_ORDER.filter((l) => s.indicatorsByLight[l] > 0).map((l) => `${lightWord(l)} ${s.indicatorsByLight[l]}个`);
  distribution(sc.lightLabel, lights.join("，") || "无");

  // Shortfalls: one row each, or a line saying there are none.
  const sf = def.shortfalls;
  const m = sf.columns.length;
  const b = new SheetBuilder();
  b.put(1, fill(sf.title), { colSpan: m, style: "title", align: "center" }).next(28);
  b.put(1, `（${s.department}）`, { colSpan: m, style: "subtitle", align: "center" }).next();
  const head2 = b.row;
  sf.columns.forEach((c, j) => b.put(j + 1, c.title, { style: "head", align: "center" }));
  b.next();
  if (s.shortfalls.length === 0) b.put(1, sf.empty, { colSpan: m, style: "text", align: "center" }).next();
  s.shortfalls.forEach((x, i) => {
    let need = 1;
    sf.columns.forEach((c, j) => {
      const { value, ...opts } = shortfallCell(c.key, x, i);
      b.put(j + 1, value, opts);
      need = Math.max(need, lines(String(value), c.width));
    });
    b.next(rowHeight(need));
  });

  return [
    { name: sc.sheet, columns: sc.columns.map((c) => c.width), cells: a.cells, rowHeights: a.rowHeights, repeatRows: [head, head], orientation: def.orientation },
    { name: sf.sheet, columns: sf.columns.map((c) => c.width), cells: b.cells, rowHeights: b.rowHeights, repeatRows: [head2, head2], orientation: def.orientation },
  ];
}
