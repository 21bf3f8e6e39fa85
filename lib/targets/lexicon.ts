// Words, units and indicator-name cues shared by the target and actual parsers.
import type { Accumulation, Period } from "./types";
import { withoutBracket } from "../offices/client";

// Traditional characters that other departments' tables (and copies of them) print, one to one
// with their simplified forms. Only characters that never occur in simplified text are listed, so
// mapping a simplified table is a no-op.
const TRADITIONAL =
  "萬万億亿個个項项條条張张臺台輛辆場场畝亩噸吨戶户處处筆笔門门節节冊册間间時时鐘钟週周內内達达於于與与無无發发準准預预費费資资務务質质標标績绩滿满優优顯显長长遠远規规範范實实現现進进穩稳續续強强確确應应盡尽運运轉转設设備备積积極极較较減减蓋盖數数點点過过產产業业額额單单價价總总對对環环經经濟济會会組组隊队訓训練练級级證证檢检驗验測测監监護护醫医療疗衛卫藥药學学師师車车線线網网區区鄉乡縣县廳厅開开關关訴诉錯错誤误災灾傷伤險险違违變变損损計计劃划調调結结辦办響响補补貼贴農农糧粮釐厘廠厂餘余後后復复歲岁個个頃顷樹树質质種种銷销參参與与齊齐責责壞坏執执員员規规類类廣广積积鬥斗來来為为這这個个爭争議议糾纠紛纷殺杀決决權权構构殘残";
const TRAD_MAP = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) TRAD_MAP.set(TRADITIONAL[i], TRADITIONAL[i + 1]);
const TRAD_RE = new RegExp(`[${[...TRAD_MAP.keys()].join("")}]`, "gu");

/** Simplified spelling of the traditional characters budget tables use (萬 → 万, 個 → 个 …). */
export function simplify(text: string): string {
  return text.replace(TRAD_RE, (c) => TRAD_MAP.get(c) ?? c);
}

/**
 * Turns what people and PDFs print into one spelling: full-width digits, letters and signs,
 * traditional characters, spaces (also inside numbers), a final 。, and the many ways of writing a
 * comparator (≧ ⩾ >= => ≥= → ≥; ≦ ⩽ <= =< ≤= → ≤; ═ == → =), and 百分比 written out for %.
 */
export function normalize(text: string): string {
  return simplify(text.normalize("NFKC"))
    .replace(/\s+/g, "")
    .replace(/[。;；，,]+$/u, "")
    .replace(/[≥≧⩾]=?|>=|=>/gu, "≥")
    .replace(/[≤≦⩽]=?|<=|=</gu, "≤")
    .replace(/═+|==+/gu, "=")
    .replace(/百分比/gu, "%");
}

export const NUM_SRC = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
export const SCALE_EXP = { 千: 3, 万: 4, 亿: 8 } as const;
export type Scale = keyof typeof SCALE_EXP;

/**
 * Decimal scaling through the number literal ("18.23e4"), never by multiplying floats,
 * so "18.23万" is exactly 182300 and "98.5%" is the same double as 0.985.
 */
export function decimal(digits: string, exp: number, negative = false): number {
  const v = Number(`${digits.replace(/,/g, "")}e${exp}`);
  if (v === 0) return 0;
  return negative ? -v : v;
}

/** Small Chinese numerals as used in frequencies: 一, 两, 十二, 二十四. */
export function hanNumber(s: string): number | null {
  const digit: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === "") return null;
  if (!m[2]) return m[1] && !m[3] ? digit[m[1]] : null;
  return (m[1] ? digit[m[1]] : 1) * 10 + (m[3] ? digit[m[3]] : 0);
}

export type UnitCategory = "rate" | "count" | "hours" | "score" | "duration" | "money" | "measure";

/**
 * Units whose kind is known. Any other unit word is still a unit (quantity.ts): it is kept as
 * printed and an actual is compared with it like for like.
 */
const UNIT_TABLE: Record<string, UnitCategory> = {
  "%": "rate",
  "‰": "rate",
  人: "count", 名: "count", 位: "count", 人次: "count", 户: "count", 家: "count", 所: "count",
  个: "count", 场: "count", 场次: "count", 次: "count", 期: "count", 批: "count", 批次: "count", 份: "count",
  件: "count", "件/套": "count", 套: "count", 项: "count", 篇: "count", 幅: "count", 笔: "count",
  条: "count", 本: "count", 册: "count", 台: "count", 辆: "count", 起: "count", 例: "count",
  宗: "count", 门: "count", 节: "count", 班: "count", 部: "count", 张: "count", 座: "count",
  处: "count", 岗: "count", 轮: "count", 回: "count", 株: "count", 棵: "count", 头: "count",
  只: "count", 架: "count", 艘: "count", 栋: "count", 间: "count", 组: "count", 单: "count",
  学时: "hours", 课时: "hours",
  分: "score",
  个工作日: "duration", 工作日: "duration", 天: "duration", 日: "duration", 小时: "duration",
  分钟: "duration", 个月: "duration", 周: "duration", 年: "duration",
  元: "money", 千元: "money", 万元: "money", 亿元: "money",
  平方米: "measure", 米: "measure", 公里: "measure", 吨: "measure", 亩: "measure", 公顷: "measure",
  立方米: "measure", 厘米: "measure", 公斤: "measure",
};

export function unitCategory(unit: string): UnitCategory | undefined {
  return UNIT_TABLE[unit];
}

/** Exponent that turns a printed rate into a fraction. */
export function rateExp(unit: string): number {
  return unit === "‰" ? -3 : -2;
}

/** Powers of ten of the money units relative to 元. */
export const MONEY_EXP: Record<string, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

/** Units that are reported interchangeably, so typing one for the other is not a mistake. */
const UNIT_GROUPS: string[][] = [
  ["人", "名", "位", "人次"],
  ["次", "场", "场次", "期", "回", "轮"],
  ["件", "套", "件/套"],
  ["个工作日", "工作日"],
  ["个百分点", "百分点"],
  ["学时", "课时"],
];

export function unitsCompatible(a: string, b: string): boolean {
  return a === b || UNIT_GROUPS.some((g) => g.includes(a) && g.includes(b));
}

/** Counts that cannot be fractional (a person, a fair, a document). */
export function isDiscrete(unit: string | null): boolean {
  return unit !== null && unitCategory(unit) === "count";
}

// ---- indicator names -------------------------------------------------------------------

/** The 三级指标 name without its trailing office bracket: `…发生率(考试院）` → `…发生率`. */
export function coreName(name: string): string {
  return withoutBracket(simplify(name.normalize("NFKC")).replace(/\s+/g, ""));
}

/** Rate names that are good when high even though they mention complaints, accidents, cost or time. */
const POSITIVE_RATE_END =
  /(及时|合格|结案|完成|准确|正确|满意|覆盖|成功|接通|回复|回告|处置|处理|到位|达标|参保|就业|发放|受理|办结|知晓|执行|支付|解决|化解|调解|核算|控制|查办|查处|整改|更正|纠正|下降|降低|减少)率$|满意度$/u;

/** Bad events, elapsed time, cost: the rows a reader calls 反向. */
const LOWER_IS_BETTER =
  /投诉率|投诉量|投诉件|投诉次数|投诉数|投诉起数|被投诉|有效投诉|事故|犯罪|差错|出错|错误率|误差|失误|发生率|不合格率|失业率|流失率|违规|违纪|时限|回告时间|处置时间|办理时间|办结时间|响应时间|等待时间|用时|耗时|周期|工作日|成本|预算|超支|返工率|退回率|变质|死亡|伤亡|火灾|损失|争议|纠纷|费用|(?<!经)费$/u;

export function lowerIsBetter(name: string | undefined): boolean {
  if (!name) return false;
  const n = coreName(name);
  if (POSITIVE_RATE_END.test(n)) return false;
  return LOWER_IS_BETTER.test(n);
}

/** Names whose (unit-less) value is a proportion, index or score. */
export function nameIsRate(name: string | undefined): boolean {
  return !!name && /(率|比例|占比|比重|指数|得分|满意度)$/u.test(coreName(name));
}

/**
 * Per-month, per-day or per-head figures, and running totals or stocks (累计保管…档案, 在园幼儿人数):
 * compared with the target as they stand, not prorated over the year.
 */
export function nameIsAverage(name: string | undefined): boolean {
  if (!name) return false;
  const n = coreName(name);
  // The whole name counts here: "…人数(按月平均)" prints the averaging in a bracket.
  return /^(月|每月|日|每日)/u.test(n) || /月均|日均|平均|人均|累计|在园|在校|在册|在岗|现有|保有|存量/u.test(simplify(name));
}

export function accumulationFor(unit: string | null, name: string | undefined): Accumulation | null {
  if (unit === null) return nameIsRate(name) || nameIsAverage(name) ? "level" : "cumulative";
  switch (unitCategory(unit)) {
    case "rate":
    case "score":
    case "duration":
      return "level";
    case "count":
    case "hours":
    case "money":
      return nameIsAverage(name) ? "level" : "cumulative";
    default:
      return null;
  }
}

export const PERIODS_PER_YEAR: Record<Period, number> = { year: 1, quarter: 4, month: 12 };

/** 年/年度 → year, 月/月度 → month, 季/季度 → quarter; 半年 is a year with twice the count. */
export function periodOf(word: string): { period: Period; factor: number } | null {
  if (/^年度?$/.test(word)) return { period: "year", factor: 1 };
  if (/^月度?$/.test(word)) return { period: "month", factor: 1 };
  if (/^季度?$/.test(word)) return { period: "quarter", factor: 1 };
  if (word === "半年") return { period: "year", factor: 2 };
  return null;
}

// ---- dates -----------------------------------------------------------------------------

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Validates and formats "2024-12" / "2024-12-31"; null when the calendar says no. */
export function isoDate(y: string, m: string, d?: string): string | null {
  const year = Number(y);
  const month = Number(m);
  if (year < 1900 || year > 2099 || month < 1 || month > 12) return null;
  if (d === undefined) return `${year}-${pad(month)}`;
  const day = Number(d);
  if (day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The last day a month-precision date can stand for. */
export function endOf(iso: string): string {
  if (iso.length === 10) return iso;
  const [y, m] = iso.split("-").map(Number);
  return `${iso}-${pad(daysIn(y, m))}`;
}
