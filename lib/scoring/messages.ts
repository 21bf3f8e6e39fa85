// Bilingual texts of the self-evaluation score: validation errors and per-row notes.
import { TIER_LABELS, type Message, type Tier } from "../targets";
import type { Level1Key, WeightKey } from "./types";

export const PART_LABELS: Record<WeightKey, Message> = {
  budget: { zh: "预算执行率", en: "budget execution" },
  output: { zh: "产出指标", en: "outputs" },
  outcome: { zh: "效益指标", en: "outcomes" },
  satisfaction: { zh: "满意度指标", en: "satisfaction" },
};

/** Points for display: at most two decimals, no trailing zeros ("7.14", "15", "9.7"). */
export function pts(n: number): string {
  const r = Math.round(Number((n * 100).toPrecision(12))) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** A fraction as a percentage for display ("93.33%"). */
export function pct(f: number): string {
  return `${pts(f * 100)}%`;
}

const rowName = (level3: string) => `“${level3}”`;

export const msg = {
  optionInvalid: (what: string, why: Message): Message => ({
    zh: `评分设置“${what}”无效：${why.zh}`,
    en: `Scoring option "${what}" is invalid: ${why.en}`,
  }),
  weightInvalid: (key: WeightKey, value: number): Message => ({
    zh: `${PART_LABELS[key].zh}分值 ${value} 无效，分值必须是不小于 0 的数。`,
    en: `The weight of ${PART_LABELS[key].en} (${value}) is invalid: a weight must be a number of at least 0.`,
  }),
  level1WeightsSum: (w: Record<WeightKey, number>): Message => {
    const sum = w.output + w.outcome + w.satisfaction;
    const want = 100 - w.budget;
    return {
      zh: `一级指标分值合计 ${pts(sum)}（产出指标 ${pts(w.output)} + 效益指标 ${pts(w.outcome)} + 满意度指标 ${pts(w.satisfaction)}），应为 100 − 预算执行率 ${pts(w.budget)} = ${pts(want)}，相差 ${pts(sum - want)}。`,
      en: `The 一级 weights add up to ${pts(sum)} (outputs ${pts(w.output)} + outcomes ${pts(w.outcome)} + satisfaction ${pts(w.satisfaction)}), but should be 100 − budget ${pts(w.budget)} = ${pts(want)}; off by ${pts(sum - want)}.`,
    };
  },
  rowWeightsSum: (key: Level1Key, want: number, rows: { level3: string; weight: number }[]): Message => {
    const sum = rows.reduce((s, r) => s + r.weight, 0);
    return {
      zh: `${PART_LABELS[key].zh}下各三级指标分值合计 ${pts(sum)}，应为该一级指标的分值 ${pts(want)}，相差 ${pts(sum - want)}：${rows.map((r) => `${rowName(r.level3)} ${pts(r.weight)}`).join("、")}。`,
      en: `The row weights under ${PART_LABELS[key].en} add up to ${pts(sum)}, but should be its weight ${pts(want)}; off by ${pts(sum - want)}: ${rows.map((r) => `${rowName(r.level3)} ${pts(r.weight)}`).join(", ")}.`,
    };
  },
  rowWeightsExceed: (key: Level1Key, want: number, rows: { level3: string; weight: number }[]): Message => {
    const sum = rows.reduce((s, r) => s + r.weight, 0);
    return {
      zh: `${PART_LABELS[key].zh}下已设分值的三级指标合计 ${pts(sum)}，超过该一级指标的分值 ${pts(want)}：${rows.map((r) => `${rowName(r.level3)} ${pts(r.weight)}`).join("、")}。`,
      en: `The row weights set under ${PART_LABELS[key].en} add up to ${pts(sum)}, more than its weight ${pts(want)}: ${rows.map((r) => `${rowName(r.level3)} ${pts(r.weight)}`).join(", ")}.`,
    };
  },
  rowWeightsNoneLeft: (key: Level1Key, want: number, unset: string[]): Message => ({
    zh: `${PART_LABELS[key].zh}的分值 ${pts(want)} 已全部分配给设了分值的指标，未设分值的指标（${unset.map(rowName).join("、")}）不再有分值；请为它们设分值或调整其他指标的分值。`,
    en: `All ${pts(want)} points of ${PART_LABELS[key].en} are taken by rows with their own weight, leaving nothing for the rows without one (${unset.map(rowName).join(", ")}); give them a weight or lower the others.`,
  }),
  rowWeightInvalid: (level3: string, value: number): Message => ({
    zh: `指标${rowName(level3)}的分值 ${value} 无效，分值必须是不小于 0 的数；按未设分值处理。`,
    en: `The weight of ${rowName(level3)} (${value}) is invalid: it must be a number of at least 0; treated as not set.`,
  }),
  unknownLevel1: (level1: string, level3: string): Message => ({
    zh: `指标${rowName(level3)}的一级指标“${level1}”无法识别（应为产出指标、效益指标或满意度指标），该行未计分。`,
    en: `The 一级 "${level1}" of ${rowName(level3)} is not one of 产出指标 / 效益指标 / 满意度指标 (outputs / outcomes / satisfaction); the row was not scored.`,
  }),
  duplicateId: (id: string | number): Message => ({
    zh: `指标编号 ${id} 重复出现。`,
    en: `Row id ${id} appears more than once.`,
  }),
  nothingToScore: (): Message => ({
    zh: "没有可计分的指标（全部不适用或没有指标），无法得出总分。",
    en: "There is no applicable indicator to score (all rows are not applicable, or there are none).",
  }),
  budgetInvalid: (budgetYuan: number, spentYuan: number): Message => ({
    zh: `预算执行数据无效（全年预算数 ${budgetYuan} 元，全年执行数 ${spentYuan} 元）：预算数须大于 0，执行数须不小于 0；预算执行率记 0 分。`,
    en: `The budget figures are invalid (budget ${budgetYuan} yuan, spent ${spentYuan} yuan): the budget must be above 0 and the amount spent at least 0; budget execution scores 0.`,
  }),
  targetUnparsed: (level3: string, text: string): Message => ({
    zh: `指标${rowName(level3)}的指标值“${text}”尚未识别，请管理员确认后再评分；暂记 0 分。`,
    en: `The target "${text}" of ${rowName(level3)} has not been confirmed by an admin; scored 0 until then.`,
  }),
  actualMissing: (level3: string): Message => ({
    zh: `指标${rowName(level3)}缺少实际完成值，暂记 0 分（可填写实际完成值，或由评价人说明理由后调整得分）。`,
    en: `${rowName(level3)} has no actual value; scored 0 for now (enter the actual value, or have the evaluator adjust the score with a reason).`,
  }),
  actualInvalid: (level3: string, why: Message): Message => ({
    zh: `指标${rowName(level3)}的实际完成值无法使用：${why.zh}暂记 0 分。`,
    en: `The actual value of ${rowName(level3)} cannot be used: ${why.en} Scored 0 for now.`,
  }),
  undetermined: (level3: string): Message => ({
    zh: `无法判断指标${rowName(level3)}是否达成（例如完成时间只填到月份），请评价人说明理由后调整得分；暂记 0 分。`,
    en: `Cannot tell whether ${rowName(level3)} was met (e.g. a completion date given only to the month); the evaluator must adjust the score with a reason. Scored 0 for now.`,
  }),
  tierNeeded: (level3: string): Message => ({
    zh: `定性指标${rowName(level3)}需要评价人选择：${TIER_LABELS.met.zh} / ${TIER_LABELS.partial.zh} / ${TIER_LABELS.failed.zh}；暂记 0 分。`,
    en: `Qualitative row ${rowName(level3)} needs a tier chosen by the evaluator (met / partly met / not met); scored 0 for now.`,
  }),
  tierScoreInvalid: (level3: string, value: number): Message => ({
    zh: `定性指标${rowName(level3)}的评分 ${value} 无效，应为 0 到 1 之间的比例。`,
    en: `The score ${value} of qualitative row ${rowName(level3)} is invalid: it must be a fraction between 0 and 1.`,
  }),
  tierScoreOutOfBand: (level3: string, tier: Tier, value: number, band: readonly [number, number]): Message => ({
    zh: `定性指标${rowName(level3)}评为“${TIER_LABELS[tier].zh}”，评分应在分值的 ${pct(band[0])}–${pct(band[1])} 之间，填写的是 ${pct(value)}。`,
    en: `Qualitative row ${rowName(level3)} is rated "${TIER_LABELS[tier].en}", so its score must be ${pct(band[0])}–${pct(band[1])} of the weight; ${pct(value)} was entered.`,
  }),
  tierScoreNeeded: (level3: string, tier: Tier, band: readonly [number, number]): Message => ({
    zh: `定性指标${rowName(level3)}评为“${TIER_LABELS[tier].zh}”，请在分值的 ${pct(band[0])}–${pct(band[1])} 之间打分；暂按 ${pct(band[0])} 计。`,
    en: `Qualitative row ${rowName(level3)} is rated "${TIER_LABELS[tier].en}": enter a score of ${pct(band[0])}–${pct(band[1])} of the weight; counted at ${pct(band[0])} for now.`,
  }),
  adjustmentReasonMissing: (level3: string): Message => ({
    zh: `指标${rowName(level3)}的得分调整没有填写理由，未采纳，仍按计算得分。`,
    en: `The score adjustment of ${rowName(level3)} has no reason and was not accepted; the computed score stands.`,
  }),
  adjustmentOutOfRange: (level3: string, score: number, weight: number): Message => ({
    zh: `指标${rowName(level3)}的调整得分 ${score} 不在 0 到分值 ${pts(weight)} 之间，未采纳。`,
    en: `The adjusted score ${score} of ${rowName(level3)} is not between 0 and its weight ${pts(weight)}; not accepted.`,
  }),
  adjustmentNotApplicable: (level3: string): Message => ({
    zh: `指标${rowName(level3)}不适用、不计分，其得分调整未采纳。`,
    en: `${rowName(level3)} is not applicable and carries no points; its adjustment was not accepted.`,
  }),
  explanationMissing: (level3: string, missing: ("deviationReason" | "correctiveMeasure")[]): Message => ({
    zh: `指标${rowName(level3)}未得满分，须填写${missing.map((m) => (m === "deviationReason" ? "偏差原因分析" : "改进措施")).join("和")}。`,
    en: `${rowName(level3)} scored below its weight and needs ${missing.map((m) => (m === "deviationReason" ? "a deviation reason" : "a corrective measure")).join(" and ")}.`,
  }),

  // Notes (not errors).
  satisfactionRedistributed: (s: number, out: number, outc: number): Message => ({
    zh: `本项目没有满意度指标，其 ${pts(s)} 分按产出、效益指标分值比例分配：产出指标 ${pts(out)} 分，效益指标 ${pts(outc)} 分。`,
    en: `The project has no satisfaction rows: its ${pts(s)} points go to outputs and outcomes in proportion, making outputs ${pts(out)} and outcomes ${pts(outc)}.`,
  }),
  partWithoutRows: (key: WeightKey, w: number): Message => ({
    zh: `${PART_LABELS[key].zh}没有可计分的内容，其 ${pts(w)} 分不计，总分按比例折算为 100 分。`,
    en: `Nothing to score under ${PART_LABELS[key].en}: its ${pts(w)} points are left out and the total rescaled to 100.`,
  }),
  rescaled: (excluded: number, left: number, scale: number): Message => ({
    zh: `不适用的内容共 ${pts(excluded)} 分不计；其余分值均乘以 100 ÷ ${pts(left)} = ${Number(scale.toPrecision(6))}，总分仍为 100 分。`,
    en: `${pts(excluded)} points that do not apply are left out; every remaining weight is multiplied by 100 ÷ ${pts(left)} = ${Number(scale.toPrecision(6))} so the total is still out of 100.`,
  }),
};
