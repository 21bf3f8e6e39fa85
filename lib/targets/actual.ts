// Reading what a reporter types as an actual value, against the target it is judged by.
import { normalise, round } from "./parse";
import type { Actual, Message, ParsedTarget, Tier } from "./types";

type Result = { ok: true; actual: Actual } | { ok: false; error: Message };
const fail = (zh: string, en: string): Result => ({ ok: false, error: { zh, en } });

export const TIERS: Record<string, Tier> = {
  达成年度指标: "met",
  部分达成年度指标并具有一定效果: "partial",
  未达成年度指标且效果较差: "failed",
};
const TIER_WORDS: [RegExp, Tier][] = [
  [/^(未达成|未完成|未达到)/, "failed"],
  [/^(部分达成|部分完成|基本达成|基本完成)/, "partial"],
  [/^(达成|完成|已完成|达到|达标|确保|及时|有效)/, "met"],
];

const NUMBER = /^([+-]?\d+(?:\.\d+)?)(万|亿)?(.*)$/;
const PERCENT_UNITS = new Set(["%", "‰"]);

export function parseActual(text: string, target: ParsedTarget): Result {
  const raw = normalise(text ?? "");
  if (raw === "") return fail("请填写实际完成值", "Enter the actual value");
  if (raw.length > 100) return fail("实际完成值过长（最多100字）", "The actual value is too long (100 characters at most)");

  switch (target.kind) {
    case "none":
      return fail("该指标本年度无指标值，无需填报", "This indicator has no target this year; nothing to report");
    case "unparsed":
      return fail("指标值尚未确认，请管理员先确认指标解析", "The target has not been confirmed yet; an admin must confirm its parse first");
    case "qualitative": {
      const tier = TIERS[raw] ?? TIER_WORDS.find(([re]) => re.test(raw))?.[1];
      if (!tier)
        return fail(
          "定性指标请选择完成档次：达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差",
          "For a qualitative target choose a tier: met / partly met with some effect / not met",
        );
      return { ok: true, actual: { value: null, unit: null, tier } };
    }
    case "deadline": {
      const d = /^(\d{4})(?:-|年|\/)(\d{1,2})(?:(?:-|月|\/)(\d{1,2})日?)?月?$/.exec(raw);
      if (!d) return fail("请填写完成日期，如 2024-11-30 或 2024年11月", "Enter the completion date, e.g. 2024-11-30 or 2024年11月");
      const [y, m, day] = [Number(d[1]), Number(d[2]), d[3] ? Number(d[3]) : null];
      if (m < 1 || m > 12 || (day != null && (day < 1 || day > 31))) return fail("日期无效", "Invalid date");
      const date = `${y}-${String(m).padStart(2, "0")}${day != null ? `-${String(day).padStart(2, "0")}` : ""}`;
      return { ok: true, actual: { value: null, unit: null, date } };
    }
    default:
      return parseNumber(raw, target);
  }
}

function parseNumber(raw: string, target: ParsedTarget): Result {
  if (/^(nan|[+-]?infinity)$/i.test(raw)) return fail("请填写数字", "Enter a number");
  const m = NUMBER.exec(raw.replace(/,/g, ""));
  if (!m) return fail("请填写数字，如 21.5万、215000、96.5%", "Enter a number, e.g. 21.5万, 215000, 96.5%");
  const [, num, scaleWord, rest] = m;
  let n = Number(num);
  if (!Number.isFinite(n)) return fail("请填写数字", "Enter a number");
  if (scaleWord === "万") n *= 1e4;
  if (scaleWord === "亿") n *= 1e8;
  const typedUnit = rest === "" ? null : rest;
  const want = target.unit;
  const isRateTarget = want != null && PERCENT_UNITS.has(want);

  if (typedUnit === "%" || typedUnit === "‰") {
    if (!isRateTarget)
      return fail(
        `该指标以${want ?? "数量"}计，不能填写百分比`,
        `This target is counted in ${want ?? "units"}; a percentage does not fit`,
      );
    n = typedUnit === "%" ? n / 100 : n / 1000;
  } else if (isRateTarget) {
    // A bare number for a rate is read in the target's own unit: "96.5" for ≥95% means 96.5%.
    if (typedUnit !== null) return fail(`该指标是比率（${want}），请填写如 96.5${want}`, `This target is a rate (${want}); enter e.g. 96.5${want}`);
    n = want === "%" ? n / 100 : n / 1000;
  } else if (typedUnit !== null && want !== null && !sameUnit(typedUnit, want)) {
    return fail(`单位不符：该指标以「${want}」计，填写的是「${typedUnit}」`, `Unit mismatch: the target is in "${want}", not "${typedUnit}"`);
  } else if (typedUnit !== null && want === null && !/^(人|人次|个|家|场|次|期|名|项|份|户|件|幅|篇|笔|元)$/.test(typedUnit)) {
    return fail(`无法识别的单位「${typedUnit}」`, `Unknown unit "${typedUnit}"`);
  }

  const value = round(n);
  if (value < 0) return fail("实际完成值不能为负数", "The actual value cannot be negative");
  if (isRateTarget && value > 1 && !/超|增长/.test(target.text)) return fail("比率不能超过100%", "A rate cannot exceed 100%");
  return { ok: true, actual: { value, unit: want } };
}

function sameUnit(typed: string, want: string): boolean {
  if (typed === want) return true;
  const alias: Record<string, string> = { 工作日: "个工作日", 人数: "人" };
  return alias[typed] === want;
}
