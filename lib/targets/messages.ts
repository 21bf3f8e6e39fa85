// Bilingual messages for actual values that cannot be accepted.
import type { ActualErrorCode, Message, ParsedTarget } from "./types";

const unitText = (t: ParsedTarget) => t.unit ?? "";

export const TIER_LABELS = {
  met: { zh: "达成年度指标", en: "Annual target met" },
  partial: { zh: "部分达成年度指标并具有一定效果", en: "Partly met, with some effect" },
  failed: { zh: "未达成年度指标且效果较差", en: "Not met, with poor effect" },
} as const satisfies Record<string, Message>;

export function message(code: ActualErrorCode, target: ParsedTarget, detail = ""): Message {
  switch (code) {
    case "empty":
      return { zh: "请填写实际完成值。", en: "Enter the actual value." };
    case "not_a_number":
      return {
        zh: `“${detail}”不是数值，请填写数字，例如 21.5万、215000 或 96.5%。`,
        en: `"${detail}" is not a number. Enter a number such as 21.5万, 215000 or 96.5%.`,
      };
    case "not_finite":
      return { zh: "数值无效（超出范围或不是有限数）。", en: "The number is not a valid finite value." };
    case "negative":
      return { zh: "实际完成值不能为负数。", en: "The actual value cannot be negative." };
    case "not_integer":
      return {
        zh: `计数（${unitText(target) || "次"}）必须是整数。`,
        en: `A count (${unitText(target) || "次"}) must be a whole number.`,
      };
    case "comparator_in_actual":
      return {
        zh: "请填写实际完成的数值，不要带“≥”“以上”等比较词。",
        en: 'Enter the value actually reached, without "≥", "以上" or other comparison words.',
      };
    case "percent_for_count":
      return {
        zh: `该指标按“${unitText(target) || "数量"}”计数，不能填写百分比或千分比。`,
        en: `This target is a count (${unitText(target) || "number"}); a percentage or per-mille value cannot be used.`,
      };
    case "count_for_rate":
      return {
        zh: `该指标是比率（${unitText(target) || "%"}），请填写百分比或千分比，不能填写“${detail}”计数。`,
        en: `This target is a rate (${unitText(target) || "%"}); enter a percentage or per-mille value, not a count in ${detail}.`,
      };
    case "rate_unit_needed":
      return {
        zh: "该指标是比率，请带单位填写，例如 0.5‰ 或 0.2%（为零时填 0）。",
        en: "This target is a rate: include the unit, e.g. 0.5‰ or 0.2% (enter 0 for none).",
      };
    case "over_100_percent":
      return { zh: "比率不能超过100%。", en: "A rate cannot exceed 100%." };
    case "unit_mismatch":
      return {
        zh: `单位“${detail}”与指标单位“${unitText(target)}”不一致。`,
        en: `The unit ${detail} does not match the target's unit ${unitText(target)}.`,
      };
    case "tier_needed":
      return {
        zh: `定性指标请填写：${TIER_LABELS.met.zh} / ${TIER_LABELS.partial.zh} / ${TIER_LABELS.failed.zh}。`,
        en: `For a qualitative target choose one of: ${TIER_LABELS.met.zh} (met) / ${TIER_LABELS.partial.zh} (partly met) / ${TIER_LABELS.failed.zh} (not met).`,
      };
    case "date_needed":
      return {
        zh: "请填写完成日期，例如 2024-11-30 或 2024年11月。",
        en: "Enter the completion date, e.g. 2024-11-30 or 2024年11月.",
      };
    case "invalid_date":
      return { zh: `日期“${detail}”不存在。`, en: `The date ${detail} does not exist.` };
    case "period_unknown":
      return {
        zh: `无法识别频次的周期“${detail}”，请填写次数，或“每月N次”“N次/年”。`,
        en: `Unknown period "${detail}". Enter a count, or a form such as 每月N次 or N次/年.`,
      };
    case "target_unparsed":
      return {
        zh: `指标值“${target.text}”尚未识别，请管理员确认后再评价。`,
        en: `The target "${target.text}" has not been understood yet; an admin must confirm it before evaluation.`,
      };
    case "target_incomplete":
      return {
        zh: `指标值“${target.text}”缺少可比较的数值。`,
        en: `The target "${target.text}" has no value to compare with.`,
      };
  }
}
