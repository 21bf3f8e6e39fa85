// The document's own inconsistencies (docs/domain.md §2), found over the loaded rows. Pure: the
// admin's data-quality page and the tests call it with plain records. Rows are never merged:
// each finding points at the rows so an admin can decide.
import { trailingBracket } from "../offices/client";

export type QualityRow = {
  id: number;
  tableNo: string;
  term: string; // "annual" | "long_term"
  level1: string;
  level2: string;
  level3: string;
  namePrinted: string;
  officeText: string | null;
  targetText: string;
  targetKind: string;
  targetValue: number | null;
  orgIds: number[];
};

export type QualityCode =
  | "unparsed_target"
  | "no_office"
  | "bracket_not_office"
  | "office_two_names"
  | "value_differs_across_tables"
  | "long_term_vs_annual"
  | "named_differently"
  | "category_spelling";

export type QualityIssue = {
  code: QualityCode;
  severity: "warning" | "info";
  rowIds: number[];
  zh: string;
  en: string;
};

const where = (r: QualityRow) => `表${r.tableNo}${r.term === "annual" ? "年度" : "长期"}「${r.namePrinted}」`;
const whereEn = (r: QualityRow) => `Table ${r.tableNo} ${r.term === "annual" ? "annual" : "long-term"} "${r.namePrinted}"`;

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** Name without quotes, spaces and punctuation, for matching the same indicator across tables. */
export function normaliseName(name: string): string {
  return name.replace(/[“”"「」‘’'\s、，,。:：]/g, "");
}

/** Dice coefficient over character bigrams: 1 for equal names, 0 for nothing shared. */
export function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(a.length - 1, 0) + Math.max(b.length - 1, 0);
  return total === 0 ? (a === b ? 1 : 0) : (2 * shared) / total;
}

const sameSet = (a: number[], b: number[]) => a.length === b.length && a.every((x) => b.includes(x));

export function findQualityIssues(rows: QualityRow[]): QualityIssue[] {
  const issues: QualityIssue[] = [];

  for (const r of rows) {
    if (r.targetKind === "unparsed")
      issues.push({ code: "unparsed_target", severity: "warning", rowIds: [r.id], zh: `${where(r)}的指标值「${r.targetText}」未能解析，请确认`, en: `${whereEn(r)}: target "${r.targetText}" did not parse; confirm it` });
    if (r.orgIds.length === 0)
      issues.push({ code: "no_office", severity: "warning", rowIds: [r.id], zh: `${where(r)}没有责任单位`, en: `${whereEn(r)} has no responsible office` });
    if (!r.officeText && trailingBracket(r.namePrinted))
      issues.push({ code: "bracket_not_office", severity: "info", rowIds: [r.id], zh: `${where(r)}末尾括号不是单位名称，保留在指标名称中`, en: `${whereEn(r)}: the trailing bracket is not an office and stays in the name` });
  }

  // The same indicator with the office printed two ways (农工处 / 监察关系处).
  for (const group of groupBy(rows, (r) => normaliseName(r.level3)).values()) {
    const named = group.filter((r) => r.officeText);
    const texts = [...new Set(named.map((r) => r.officeText as string))];
    if (texts.length > 1 && named.every((r) => sameSet(r.orgIds, named[0].orgIds)))
      issues.push({ code: "office_two_names", severity: "warning", rowIds: named.map((r) => r.id), zh: `「${group[0].level3}」的责任单位有两种写法：${texts.join(" / ")}`, en: `"${group[0].level3}": the office is printed two ways: ${texts.join(" / ")}` });
  }

  // The same annual indicator valued differently in two tables (表11 vs 表12-N).
  const annual = rows.filter((r) => r.term === "annual");
  for (const group of groupBy(annual, (r) => normaliseName(r.level3)).values()) {
    const tables = new Set(group.map((r) => r.tableNo));
    const values = [...new Set(group.map((r) => r.targetText))];
    if (tables.size > 1 && values.length > 1)
    {
      const pairs = [...new Set(group.map((r) => `${r.tableNo}\u0000${r.targetText}`))].map((k) => k.split("\u0000"));
      issues.push({ code: "value_differs_across_tables", severity: "warning", rowIds: group.map((r) => r.id), zh: `「${group[0].level3}」在不同表中2024年值不同：${pairs.map(([t, v]) => `表${t} ${v}`).join("；")}`, en: `"${group[0].level3}" has different 2024 values: ${pairs.map(([t, v]) => `Table ${t} ${v}`).join("; ")}` });
    }
  }

  // Long-term vs annual within one table: exact matches with another value, and near-matches.
  for (const tableRows of groupBy(rows, (r) => r.tableNo).values()) {
    const longs = tableRows.filter((r) => r.term === "long_term");
    const annuals = tableRows.filter((r) => r.term === "annual");
    for (const l of longs) {
      const exact = annuals.find((a) => normaliseName(a.level3) === normaliseName(l.level3));
      if (exact) {
        if (exact.targetText !== l.targetText) {
          const ratio = l.targetValue && exact.targetValue ? l.targetValue / exact.targetValue : null;
          const hint = ratio && Math.abs(ratio - Math.round(ratio)) < 1e-9 && ratio > 1 ? `（长期值为年度值的${Math.round(ratio)}倍，可能是多年合计）` : "";
          const hintEn = hint ? ` (long-term is ${Math.round(ratio as number)}× annual: possibly a multi-year total)` : "";
          issues.push({ code: "long_term_vs_annual", severity: "info", rowIds: [l.id, exact.id], zh: `表${l.tableNo}「${l.level3}」长期值 ${l.targetText}，年度值 ${exact.targetText}${hint}`, en: `Table ${l.tableNo} "${l.level3}": long-term ${l.targetText}, annual ${exact.targetText}${hintEn}` });
        }
        continue;
      }
      const near = annuals
        .filter((a) => a.officeText === l.officeText && !longs.some((x) => normaliseName(x.level3) === normaliseName(a.level3)))
        .map((a) => ({ a, s: similarity(normaliseName(a.level3), normaliseName(l.level3)) }))
        .sort((x, y) => y.s - x.s)[0];
      if (near && near.s >= 0.5)
        issues.push({ code: "named_differently", severity: "info", rowIds: [l.id, near.a.id], zh: `表${l.tableNo}长期「${l.namePrinted}」与年度「${near.a.namePrinted}」可能是同一指标，名称不同`, en: `Table ${l.tableNo}: long-term "${l.namePrinted}" and annual "${near.a.namePrinted}" may be the same indicator, named differently` });
    }
  }

  // Categories spelled two ways (社会效益 / 社会效益指标): treated as one, printed text kept.
  for (const group of groupBy(rows, (r) => r.level2.replace(/指标$/, "")).values()) {
    const spellings = [...new Set(group.map((r) => r.level2))];
    if (spellings.length > 1)
      issues.push({ code: "category_spelling", severity: "info", rowIds: group.map((r) => r.id), zh: `二级指标有多种写法：${spellings.join(" / ")}（按同一类别处理，保留原文）`, en: `Level-2 category spelled ${spellings.length} ways: ${spellings.join(" / ")} (treated as one; printed text kept)` });
  }
  // Warnings (to check) before notes, otherwise in document order.
  return issues.map((issue, i) => ({ issue, i })).sort((a, b) => rank(a.issue) - rank(b.issue) || a.i - b.i).map((x) => x.issue);
}

const rank = (i: QualityIssue) => (i.severity === "warning" ? 0 : 1);
