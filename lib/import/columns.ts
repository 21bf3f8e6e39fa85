// The columns of an exported table and how the importer recognises them. Pure.
import type { Bilingual, ColumnKey, FieldKey } from "./types";

export type ColumnDef = {
  key: ColumnKey;
  /** Header as written on export ({y} is filled with a year). */
  zh: string;
  en: string;
  width: number;
  /** Printed in the document's table (the rest are the importer's). */
  printed: boolean;
};

/** The columns of one exported table, in order: the document's, then the importer's. */
export const TABLE_COLUMNS: ColumnDef[] = [
  { key: "level1", zh: "一级指标", en: "Level 1", width: 10, printed: true },
  { key: "level2", zh: "二级指标", en: "Level 2", width: 12, printed: true },
  { key: "level3", zh: "三级指标", en: "Level 3 (indicator)", width: 40, printed: true },
  { key: "y2", zh: "前年（{y}年）", en: "Two years before ({y})", width: 12, printed: true },
  { key: "y1", zh: "上年（{y}年）", en: "Previous year ({y})", width: 12, printed: true },
  { key: "target", zh: "预计当年实现（{y}年）", en: "Target ({y})", width: 14, printed: true },
  { key: "basis", zh: "指标值确定依据", en: "Basis", width: 14, printed: true },
  { key: "lead", zh: "牵头单位", en: "Lead offices", width: 16, printed: false },
  { key: "support", zh: "配合单位", en: "Supporting offices", width: 14, printed: false },
  { key: "accumulation", zh: "累计方式", en: "Accumulation", width: 9, printed: false },
  { key: "aggregation", zh: "汇总方式", en: "Aggregation", width: 9, printed: false },
  { key: "goalNo", zh: "目标序号", en: "Goal no.", width: 8, printed: false },
  { key: "goalText", zh: "年度目标（不导入）", en: "Annual goal (not imported)", width: 28, printed: false },
  { key: "projectCode", zh: "项目编码", en: "Project code", width: 24, printed: false },
  { key: "id", zh: "系统编号", en: "System id", width: 9, printed: false },
];

/** The CSV form: one table's columns plus 表号. */
export const TABLE_NO_COLUMN: ColumnDef = { key: "table", zh: "表号", en: "Table", width: 8, printed: false };

/** Year offset of the year columns from the import year. */
export const YEAR_OFFSET: Partial<Record<ColumnKey, number>> = { y2: -2, y1: -1, target: 0 };

export const headerText = (c: ColumnDef, year: number) => c.zh.replace("{y}", String(year + (YEAR_OFFSET[c.key] ?? 0)));

/** What an admin may write in a header cell for each non-year column (compared without spaces and brackets' width). */
const HEADER_ALIASES: [ColumnKey, string[]][] = [
  ["level1", ["一级指标", "一级", "level1", "level 1"]],
  ["level2", ["二级指标", "二级", "level2", "level 2"]],
  ["level3", ["三级指标", "三级", "三级指标名称", "指标名称", "level3", "level 3", "level 3 (indicator)", "indicator"]],
  ["basis", ["指标值确定依据", "确定依据", "依据", "basis"]],
  ["lead", ["牵头单位", "责任单位", "责任单位（牵头）", "lead", "lead offices", "offices"]],
  ["support", ["配合单位", "责任单位（配合）", "support", "supporting offices"]],
  ["accumulation", ["累计方式", "accumulation"]],
  ["aggregation", ["汇总方式", "多单位汇总", "aggregation"]],
  ["goalNo", ["目标序号", "目标编号", "目标", "goal no.", "goal no", "goal_no", "goal"]],
  ["goalText", ["年度目标（不导入）", "年度目标", "目标名称", "目标内容", "annual goal (not imported)", "annual goal"]],
  ["projectCode", ["项目编码", "项目代码", "project code", "project_code"]],
  ["id", ["系统编号", "编号", "id", "system id"]],
  ["table", ["表号", "表", "table"]],
];

/** Folds full-width forms, spaces and case so "（ 2024年 ）" and "(2024年)" compare equal. */
export function fold(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

const aliasIndex = new Map<string, ColumnKey>();
for (const [key, names] of HEADER_ALIASES) for (const n of names) aliasIndex.set(fold(n), key);

/**
 * Which column a header cell is: a known name, or a year column (any header holding a year, such
 * as "预计当年实现（2024年）", "2023年" or "2022"). Returns null for a header the importer does not use.
 */
export function recogniseHeader(text: string): { key: ColumnKey } | { year: number } | null {
  const f = fold(text);
  if (!f) return null;
  const known = aliasIndex.get(f);
  if (known) return { key: known };
  const y = /(?:^|[^\d])((?:19|20)\d{2})(?:年|$|[^\d])/.exec(f);
  if (y) return { year: Number(y[1]) };
  return null;
}

/** "表12-1", "12-1", "表１２－１" → "12-1"; "表11" → "11"; anything else → null. */
export function tableNoOf(text: string): string | null {
  const f = fold(text).replace(/[‐-―−﹣－]/g, "-");
  const m = /^(?:表)?(11|12-\d{1,2})(?:[^\d].*)?$/.exec(f);
  return m ? m[1] : null;
}

export const sheetNameOf = (tableNo: string) => `表${tableNo}`;

/** Column number (1-based) → Excel letters. */
export function letterOf(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Names of the preview's fields, for the change list. */
export const FIELD_LABELS: Record<FieldKey, Bilingual> = {
  level1: { zh: "一级指标", en: "Level 1" },
  level2: { zh: "二级指标", en: "Level 2" },
  namePrinted: { zh: "三级指标", en: "Level 3" },
  y2: { zh: "前年指标值", en: "Value two years before" },
  y1: { zh: "上年指标值", en: "Previous year's value" },
  target: { zh: "指标值", en: "Target" },
  basis: { zh: "指标值确定依据", en: "Basis" },
  lead: { zh: "牵头单位", en: "Lead offices" },
  support: { zh: "配合单位", en: "Supporting offices" },
  accumulation: { zh: "累计方式", en: "Accumulation" },
  aggregation: { zh: "汇总方式", en: "Aggregation" },
};

// ——— the choice columns ———

export const ACCUMULATION_TEXT: Record<string, Bilingual> = {
  cumulative: { zh: "累计", en: "cumulative" },
  level: { zh: "水平", en: "level" },
  auto: { zh: "自动", en: "auto" },
};
export const AGGREGATION_TEXT: Record<string, Bilingual> = {
  auto: { zh: "自动", en: "auto" },
  sum: { zh: "求和", en: "sum" },
  mean: { zh: "平均", en: "mean" },
};

/** "累计" / "累计：全年累加" / "cumulative" → cumulative; "水平" / "时点" / "level" → level; "自动" / "auto" → auto. */
export function readAccumulation(text: string): "cumulative" | "level" | "auto" | null | undefined {
  const f = fold(text);
  if (f === "") return null;
  if (/^(累计|累加|cumulative)/.test(f)) return "cumulative";
  if (/^(水平|时点|level)/.test(f)) return "level";
  if (/^(自动|auto)/.test(f)) return "auto";
  return undefined;
}

export function readAggregation(text: string): "auto" | "sum" | "mean" | null | undefined {
  const f = fold(text);
  if (f === "") return null;
  if (/^(求和|合计|加总|sum)/.test(f)) return "sum";
  if (/^(平均|均值|mean|average)/.test(f)) return "mean";
  if (/^(自动|auto)/.test(f)) return "auto";
  return undefined;
}
