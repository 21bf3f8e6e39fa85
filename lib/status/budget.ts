// The budget light (预算执行进度): execution rate against the share of the year elapsed.
import { LIGHT_WORDS, enNumber, monthEn, pct, pctJudged, spanEn, spanZh, yuanZh } from "./format";
import { checkMonth, ge, resolveThresholds } from "./lights";
import type { Light, Status, Thresholds } from "./types";

const enMoney = (yuan: number) => `${enNumber(Math.round(yuan * 100) / 100, null)} yuan (${yuanZh(yuan)})`;

export function budgetStatus(input: {
  budgetYuan: number;
  spentYuan: number;
  asOfMonth: number;
  thresholds?: Partial<Thresholds>;
}): Status {
  const { budgetYuan: budget, spentYuan: spent, asOfMonth: n } = input;
  checkMonth(n);
  for (const [k, v] of [["budgetYuan", budget], ["spentYuan", spent]] as const) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${k} must be a finite amount ≥ 0, got ${v}`);
  }
  const th = resolveThresholds(input.thresholds);
  if (budget === 0) {
    return {
      light: "none", ratio: null, expected: null, actual: spent,
      explanation: {
        zh: `无年初预算，不计算执行进度（${spanZh(n)}执行 ${yuanZh(spent)}）`,
        en: `No budget for the year: no execution light (spent ${enMoney(spent)} to ${monthEn(n)})`,
      },
    };
  }
  const rate = spent / budget;
  const time = n / 12;
  const v = (spent * 12) / (budget * n);
  const light: Light = !ge(v, th.budgetRed) ? "red" : !ge(v, th.budgetYellow) ? "yellow" : "green";
  const w = LIGHT_WORDS[light];
  return {
    light,
    ratio: v,
    expected: (budget * n) / 12,
    actual: spent,
    explanation: {
      zh: `${n}月执行率 ${pct(rate)}，时间进度 ${pct(time)}，比值 ${pctJudged(v)}，${w.zh}（${spanZh(n)}执行 ${yuanZh(spent)}，年初预算 ${yuanZh(budget)}）`,
      en: `${monthEn(n)}: execution rate ${pct(rate)}, time progress ${pct(time)}, ratio ${pctJudged(v)}: ${w.en} (${spanEn(n)} spent ${enMoney(spent)} of a budget of ${enMoney(budget)})`,
    },
  };
}
