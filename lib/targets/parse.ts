// Reading a printed 指标值 (domain.md §3). Why these rules:
// - The printed text is the authority and is always kept; the parse is a reading of it that an
//   admin can confirm or correct per row, so an odd row never needs a code change.
// - A bare number means "reach at least this" (the budget's default reading for counts and
//   rates), except when the indicator's *name* says lower is better (complaint / accident /
//   crime rates, processing times, costs): then it is a ceiling. That is why the name is an input.
// - "a-b分以上" (就业综合指数得分 80-90分以上) is read as a floor of a with b kept as the upper
//   end of the expected band: an evaluator scores 92 as met, not as out of range.
// - "余" (1100余万人) and "预计" (a printed 2023 value "预计10人") are approximate: compared like
//   a floor when judged, flagged approx so a report can say so.
// - Quantities that name a per-period volume (月社会保险业务经办量) are levels, not year totals.
// - A short phrase of Chinese words without digits is a judgement (有效推进, 及时, 确保, 达标, 省厅下达任务): qualitative,
//   scored by tier. "无" for an event that must not happen (无安全事故发生) is a ceiling of 0.
// - 万/亿 scale the value and leave the base unit (22万人 → 220000 人; 62万元 → 620000 元), so
//   sums and ratios work; formatNumber prints it back the document's way.
import type { Accumulation, Comparator, Direction, ParsedTarget, Period } from "./types";

/** Names whose quantity is better when lower. */
const LOWER_IS_BETTER = /投诉率|被投诉|事故|违法|犯罪|差错|失误|错误率|发生率|超支|成本|时限|时长|用时|回告时间|办结时间|逾期|隐患|伤亡|不超预算/;
/** Names that describe a level (a rate or per-period volume), not a count accumulated over the year. */
const LEVEL_NAME = /率|满意|好评|指数|得分|比例|占比|覆盖|水平|在园|在校|在册|保管|^月|每月|月均|日均|年均|平均/;
const LEVEL_UNITS = new Set(["%", "‰", "分", "个工作日", "工作日", "天", "小时", "分钟"]);

const UNITS = [
  "万人次", "人次", "个工作日", "工作日", "件/套", "学时", "课时", "人", "个", "家", "场", "次", "期", "名", "项", "份",
  "户", "件", "幅", "篇", "笔", "元", "分", "天", "小时", "分钟", "所", "批", "套", "本", "台", "起", "条", "座", "%", "‰",
];
const UNIT_RE = UNITS.map((u) => u.replace(/[/%‰]/g, (c) => `\\${c}`)).join("|");

const NUM = String.raw`\d+(?:\.\d+)?`;
const QUANT = new RegExp(
  String.raw`^(预计|约|≥|≤|>|<|=|不低于|不少于|至少|最少|不超过|不高于|不多于|高于|低于)?` +
    String.raw`(${NUM})(?:\s*[-~～–—至]\s*(${NUM}))?` + // value, optional range end
    String.raw`(余)?(万|亿)?(${UNIT_RE})?` + // approx, scale, unit
    String.raw`(以上|以下|以内|左右)?(满意)?$`,
);

const FREQ_EVERY = /^每(年|月|季度|季)(?:最少|至少|不少于)?(\d+)次(?:以上)?$/;
const FREQ_PER = /^(\d+)次\/(年|月|季度|季)$/;
const DEADLINE = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?(?:前|底|以前|之前)?$/;

const empty = (text: string): ParsedTarget => ({
  text,
  kind: "unparsed",
  comparator: null,
  value: null,
  valueHigh: null,
  unit: null,
  direction: null,
  accumulation: null,
  period: null,
  deadline: null,
});

const periodOf = (p: string): Period => (p === "月" ? "month" : p.startsWith("季") ? "quarter" : "year");
const pad = (n: string) => n.padStart(2, "0");

/** Normalises the printed variants that mean the same: ≧/≦, full-width digits and signs, spaces. */
export function normalise(text: string): string {
  return text
    .replace(/[０-９．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/≧/g, "≥")
    .replace(/≦/g, "≤")
    .replace(/>=/g, "≥")
    .replace(/<=/g, "≤")
    .replace(/\s+/g, "");
}

export function parseTarget(text: string, indicatorName = ""): ParsedTarget {
  const t = normalise(text);
  const out = empty(text);
  const lowerByName = LOWER_IS_BETTER.test(indicatorName) || LOWER_IS_BETTER.test(t);

  if (t === "" || t === "/" || t === "—" || t === "-") return { ...out, kind: "none" };

  const d = DEADLINE.exec(t);
  if (d) {
    const deadline = d[3] ? `${d[1]}-${pad(d[2])}-${pad(d[3])}` : `${d[1]}-${pad(d[2])}`;
    return { ...out, kind: "deadline", comparator: "<=", deadline };
  }

  const every = FREQ_EVERY.exec(t);
  const per = FREQ_PER.exec(t);
  if (every || per) {
    const count = Number(every ? every[2] : per![1]);
    const period = periodOf(every ? every[1] : per![2]);
    return { ...out, kind: "frequency", comparator: ">=", value: count, unit: "次", direction: "higher", accumulation: "cumulative", period };
  }

  if (!/\d/.test(t)) {
    // A judgement is a short phrase of words (有效推进, 省厅下达任务); symbols or long text are not a target.
    if (!/^[\u4e00-\u9fff“”、，]{1,20}$/.test(t)) return out;
    // "无" for an event that must not happen is a ceiling of zero occurrences.
    if (t === "无" && lowerByName)
      return { ...out, kind: "quantitative", comparator: "<=", value: 0, unit: null, direction: "lower", accumulation: "cumulative" };
    return { ...out, kind: "qualitative", direction: lowerByName ? "lower" : "higher" };
  }

  const m = QUANT.exec(t);
  if (!m) return out;
  const [, prefix, a, b, approx, scaleWord, unitWord, suffix, satisfied] = m;
  let unit: string | null = unitWord ?? null;
  let scale = scaleWord === "万" ? 1e4 : scaleWord === "亿" ? 1e8 : 1;
  if (unit === "万人次") {
    unit = "人次";
    scale *= 1e4;
  }
  if (unit === "%") scale /= 100;
  if (unit === "‰") scale /= 1000;
  const value = round(Number(a) * scale);
  const high = b != null ? round(Number(b) * scale) : null;

  let comparator: Comparator;
  if (prefix === "≥" || prefix === ">" || prefix === "高于" || /^(不低于|不少于|至少|最少)$/.test(prefix ?? "") || suffix === "以上") comparator = ">=";
  else if (prefix === "≤" || prefix === "<" || prefix === "低于" || /^(不超过|不高于|不多于)$/.test(prefix ?? "") || suffix === "以下" || suffix === "以内") comparator = "<=";
  else if (approx || prefix === "预计" || prefix === "约" || suffix === "左右") comparator = "approx";
  else if (prefix === "=") comparator = "=";
  else if (high != null) comparator = "range";
  else comparator = lowerByName ? "<=" : ">=";

  const direction: Direction =
    comparator === "<=" ? "lower" : comparator === "range" ? "range" : comparator === "=" ? "equal" : "higher";
  const accumulation: Accumulation =
    (unit && LEVEL_UNITS.has(unit)) || satisfied || LEVEL_NAME.test(indicatorName) ? "level" : "cumulative";

  return { ...out, kind: "quantitative", comparator, value, valueHigh: high, unit, direction, accumulation };
}

/** Removes binary floating-point noise (0.985 * 1 stays 0.985, 98.5 / 100 → 0.985). */
export function round(n: number): number {
  return Number(n.toPrecision(12));
}
