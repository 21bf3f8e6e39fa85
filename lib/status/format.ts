// Words and numbers for the explanations, printed the document's way (never a raw float).
import { formatNumber, type Message } from "@/lib/targets";
import type { Light } from "./types";

export const MONTHS_EN = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

export const monthEn = (n: number): string => MONTHS_EN[n - 1] ?? `month ${n}`;

/** "1-6月" (or "1月" in January): the months a running total covers. */
export const spanZh = (n: number): string => (n === 1 ? "1月" : `1-${n}月`);
export const spanEn = (n: number): string => (n === 1 ? "January" : `January–${monthEn(n)}`);

export const LIGHT_WORDS: Record<Light, Message> = {
  green: { zh: "绿灯", en: "green" },
  yellow: { zh: "黄灯", en: "yellow" },
  red: { zh: "红灯", en: "red" },
  blue: { zh: "蓝灯（可能超额完成，目标或偏低）", en: "blue (possible over-achievement: the target may be too low)" },
  overdue: { zh: "逾期未报", en: "overdue" },
  nodata: { zh: "暂无数据", en: "no data" },
  none: { zh: "不亮灯", en: "no light" },
  pending: { zh: "未到期", en: "pending" },
};

const isRate = (unit: string | null) => unit === "%" || unit === "‰";

/** A value as the document prints it: 77000 人 → "7.7万人", 0.965 % → "96.5%". */
export function show(value: number, unit: string | null): string {
  return formatNumber(value, unit);
}

/**
 * A computed value (an expected share of the year): not a figure anyone typed, so it is rounded
 * to what the document would print: to the hundred above 1万 (prints as "12.83万人"), else to one
 * decimal. Rates keep formatNumber's own precision.
 */
export function showApprox(value: number, unit: string | null): string {
  return formatNumber(roundForDisplay(value, unit), unit);
}

function roundForDisplay(value: number, unit: string | null): number {
  if (isRate(unit)) return value;
  return Math.abs(value) >= 1e4 ? Math.round(value / 100) * 100 : Math.round(value * 10) / 10;
}

/** A ratio as a percentage with at most one decimal: 0.7 → "70%", 7/12 → "58.3%". */
export function pct(ratio: number): string {
  return `${Number((ratio * 100).toFixed(1))}%`;
}

/**
 * A ratio a light was read from, cut (not rounded) to one decimal, so the printed figure never
 * crosses the boundary the light did not: 0.7996 prints "79.9%" beside a yellow light, not "80%".
 */
export function pctJudged(ratio: number): string {
  return `${Math.floor(ratio * 1000 + 1e-6) / 10}%`;
}

const EN_UNITS: Record<string, string> = {
  人: "people", 名: "people", 位: "people", 人次: "person-times", 户: "households", 家: "organisations",
  所: "institutions", 个: "units", 场: "events", 场次: "events", 次: "times", 期: "issues", 批: "batches",
  份: "copies", 件: "items", "件/套": "items", 套: "sets", 项: "items", 篇: "reports", 幅: "pages",
  笔: "transactions", 条: "items", 学时: "class hours", 课时: "class hours", 分: "points",
  个工作日: "working days", 工作日: "working days", 天: "days", 日: "days", 小时: "hours",
  起: "cases", 例: "cases", 宗: "cases", 轮: "rounds", 回: "times",
};

const MONEY_SCALE: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };

/**
 * English digits with thousands separators: 77000 → "77,000". `approx` rounds a computed value the
 * way showApprox does (128333.33 → "128,300"); a typed value keeps its digits.
 */
export function enNumber(value: number, unit: string | null, approx = false): string {
  if (isRate(unit)) return formatNumber(value, unit);
  const r = approx ? roundForDisplay(value, unit) : Number(value.toPrecision(12));
  const [int, frac] = String(Math.abs(r)).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${r < 0 ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}

/** "77,000 people (7.7万人)": English first, the document's own spelling in brackets. */
export function enQuantity(value: number, unit: string | null, approx = false): string {
  if (isRate(unit)) return formatNumber(value, unit);
  const zh = approx ? showApprox(value, unit) : show(value, unit);
  const money = unit === null ? undefined : MONEY_SCALE[unit];
  const en =
    money !== undefined
      ? `${enNumber(value * money, null, approx)} yuan`
      : `${enNumber(value, unit, approx)}${unit === null ? "" : ` ${EN_UNITS[unit] ?? unit}`}`.trimEnd();
  return en === zh ? en : `${en} (${zh})`;
}

/** The English figure alone, as in "expected by now 110,000"; money is spelled out in yuan. */
export function enFigure(value: number, unit: string | null, approx = false): string {
  const money = unit === null ? undefined : MONEY_SCALE[unit];
  return money !== undefined ? `${enNumber(value * money, null, approx)} yuan` : enNumber(value, unit, approx);
}

/** Yuan as the budget tables print them: in 万元, two decimals at most (400000 → "40万元"). */
export function yuanZh(yuan: number): string {
  return formatNumber(Math.round(yuan / 100) / 100, "万元");
}

/** "2024-12" → "2024年12月", "2024-11-30" → "2024年11月30日". */
export function dateZh(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return d ? `${y}年${m}月${d}日` : `${y}年${m}月`;
}

/** "2024-12" → "December 2024", "2024-11-30" → "30 November 2024". */
export function dateEn(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return d ? `${d} ${monthEn(m)} ${y}` : `${monthEn(m)} ${y}`;
}
