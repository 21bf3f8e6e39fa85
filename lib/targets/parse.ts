/**
 * Reading printed target values (指标值) — why the rules are what they are.
 *
 * The printed text is the approved commitment, so it is kept verbatim and everything here is an
 * interpretation that an admin can overrule; anything we cannot read with confidence becomes
 * "unparsed" (shown for confirmation) rather than a guess that silently scores rows.
 *
 * - A bare number is a floor ("reach at least"), because that is how evaluators read 数量/质量
 *   targets; the indicator name turns it into a ceiling only for 反向 rows (complaints, accidents,
 *   crime, error rates, elapsed time, cost). A printed comparator always beats the name: the name is
 *   only a hint for what the printer left out.
 * - "80-90分以上": 以上 applies to the whole band, so scoring 95 is not a failure. Evaluators score
 *   it against the floor, so it reads ">=" 80; 90 is kept in valueHigh (the expected band, useful to
 *   the over-achievement review). A band without 以上 ("80-90分") is a true range.
 * - 余 ("1100余万人") and 预计 ("预计10人", a forecast printed in the 2023 column) are "approx": the
 *   printed number is not exact, but it is the figure the row is judged by, so evaluation treats it
 *   as a floor (or a ceiling on 反向 rows). 余 literally means "and some more", which agrees.
 * - 无 on 无安全事故发生 is a count of bad events that must be zero: quantitative "<=" 0, 反向. That
 *   lets a reporter type "0", "无" or "2" and be scored, instead of picking a tier for a fact.
 * - 不超预算 has no number (the budget lives elsewhere), so it is qualitative with a "<=" / lower
 *   reading: it is judged by the three tiers, by "未超预算"/"超预算", or by a share of budget spent.
 * - 省厅下达任务 (the number is assigned later by the province) is qualitative: there is nothing to
 *   compare until someone records the assignment as an adjustment (调整).
 * - 90%满意 is 90% satisfaction: quantitative; 满意 names the measure, not a judgement.
 * - Frequencies keep their own period ("每月1次": 1 per month) because converting to a year would
 *   lose the promise of regularity; deadlines keep month precision when that is what was printed.
 * - Scales go through decimal literals (18.23e4), never float multiplication, so displayed values
 *   round-trip. Money keeps 万元, the unit of account of every budget table, instead of 元.
 * - Accumulation follows the unit: counts (people, events, documents, money) add up over the year;
 *   rates, scores and processing times are levels. A per-month name (月…量, 月均, 人均) is a level.
 *   Frequencies are cumulative occurrences; the period tells how many are due by a given month.
 * - An empty cell or "/" is "none": no target that year, never an implicit zero.
 * - Other departments' vocabulary (any unit word, spellings, percentage points, periods, tiers,
 *   direction from more names) is ruled on in docs/decisions/003-target-parsing.md and tested
 *   against their published targets in corpus.data.ts.
 */
import {
  accumulationFor,
  decimal,
  hanNumber,
  isoDate,
  lowerIsBetter,
  normalize,
  periodOf,
  rateExp,
  unitCategory,
  unitsCompatible,
} from "./lexicon";
import { readQuantity, scaleExp, type Quantity } from "./quantity";
import type { Comparator, Direction, ParsedTarget } from "./types";

function blank(text: string, kind: ParsedTarget["kind"]): ParsedTarget {
  return {
    text,
    kind,
    comparator: null,
    value: null,
    valueHigh: null,
    unit: null,
    direction: null,
    accumulation: null,
    period: null,
    deadline: null,
  };
}

const NONE = /^(\/|-|—+|--|无数据|不适用)?$/u;

// Longest first so 不超过 is not read as 不 + … (normalize has already spelt ≧ ⩾ >= => as ≥, ≦ ⩽ <= as ≤).
const CMP_PREFIXES: [string, ">=" | "<=" | "="][] = (
  [
    ["≥", ">="], ["大于等于", ">="], ["大于或等于", ">="],
    ["不低于", ">="], ["不少于", ">="], ["不小于", ">="], ["最少", ">="], ["至少", ">="], ["最低", ">="],
    ["高于", ">="], ["大于", ">="], ["超过", ">="], [">", ">="],
    ["≤", "<="], ["小于等于", "<="], ["小于或等于", "<="],
    ["不超过", "<="], ["不高于", "<="], ["不多于", "<="], ["不大于", "<="], ["最多", "<="], ["至多", "<="],
    ["最高", "<="], ["低于", "<="], ["小于", "<="], ["少于", "<="], ["控制在", "<="], ["<", "<="], ["±", "<="],
    ["=", "="], ["等于", "="],
  ] as [string, ">=" | "<=" | "="][]
).sort((a, b) => b[0].length - a[0].length);

/**
 * Words before the number: some do not change the comparison (力争, 确保 …), some mark an estimate
 * (预计, 约), some say the number is a change against last year (提高2个百分点, 较上年下降10%):
 * the reporter reports the change, and at least the printed change is due.
 */
type PrefixRole = "plain" | "approx" | "change";
const PREFIX_WORDS: [string, PrefixRole][] = (
  [
    ["预计", "approx"], ["约为", "approx"], ["大约", "approx"], ["约", "approx"],
    ["力争", "plain"], ["争取", "plain"], ["确保", "plain"], ["达到", "plain"], ["完成", "plain"],
    ["实现", "plain"], ["累计", "plain"], ["全年", "plain"], ["年均", "plain"],
    ["比上年", "plain"], ["较上年", "plain"], ["同比", "plain"],
    ["提高", "change"], ["提升", "change"], ["增长", "change"], ["增加", "change"],
    ["下降", "change"], ["降低", "change"], ["减少", "change"],
  ] as [string, PrefixRole][]
).sort((a, b) => b[0].length - a[0].length);

const SUFFIX_WORDS: [string, ">=" | "<=" | "approx" | null][] = (
  [
    ["以上", ">="], ["及以上", ">="], ["或以上", ">="],
    ["以下", "<="], ["及以下", "<="], ["或以下", "<="], ["以内", "<="], ["之内", "<="], ["内", "<="],
    ["左右", "approx"], ["上下", "approx"], ["余", "approx"], ["多", "approx"],
    ["满意", null], ["完成", null], ["办结", null],
  ] as [string, ">=" | "<=" | "approx" | null][]
).sort((a, b) => b[0].length - a[0].length);

const ZERO_CEILING_UNIT = /^(起|例|宗|次|件|%|‰)$/u;

const RANGE_DASH = /[-~—–至到]/uy;

function quantityValue(q: Quantity, unit: string | null): number {
  const exp = scaleExp(q) + (unit !== null && unitCategory(unit) === "rate" ? rateExp(unit) : 0);
  return decimal(q.digits, exp, q.negative);
}

function parseQuantitative(text: string, s: string, name: string | undefined): ParsedTarget | null {
  let i = 0;
  let approx = false;
  let change = false;
  for (let again = true; again; ) {
    again = false;
    for (const [w, role] of PREFIX_WORDS) {
      if (s.startsWith(w, i)) {
        i += w.length;
        approx ||= role === "approx";
        change ||= role === "change";
        again = true;
        break;
      }
    }
  }
  let prefixCmp: ">=" | "<=" | "=" | null = null;
  for (const [w, c] of CMP_PREFIXES) {
    if (s.startsWith(w, i)) {
      prefixCmp = c;
      i += w.length;
      break;
    }
  }
  const first = readQuantity(s, i);
  if (!first) return null;
  i = first.end;
  let low = first.q;
  let high: Quantity | null = null;
  RANGE_DASH.lastIndex = i;
  if (RANGE_DASH.test(s)) {
    const second = readQuantity(s, RANGE_DASH.lastIndex);
    if (!second || second.q.negative) return null;
    high = second.q;
    i = second.end;
  }
  let suffixCmp: ">=" | "<=" | null = null;
  while (i < s.length) {
    const hit = SUFFIX_WORDS.find(([w]) => s.startsWith(w, i));
    if (!hit) return null;
    i += hit[0].length;
    if (hit[1] === "approx") approx = true;
    else if (hit[1] !== null) {
      if (suffixCmp !== null && suffixCmp !== hit[1]) return null;
      suffixCmp = hit[1];
    }
  }
  if (prefixCmp !== null && suffixCmp !== null && prefixCmp !== suffixCmp) return null;
  const printedCmp = prefixCmp ?? suffixCmp;
  approx ||= low.approx || (high?.approx ?? false);

  let unit: string | null;
  if (high) {
    if (low.unit !== null && high.unit !== null && !unitsCompatible(low.unit, high.unit)) return null;
    unit = high.unit ?? low.unit;
    // "1-2万人": the scale printed once applies to both ends.
    if (low.scale === null && low.unit === null) low = { ...low, scale: high.scale };
  } else {
    unit = low.unit;
  }
  if (unit !== null && unitCategory(unit) === "rate" && (low.scale || high?.scale)) return null;

  const value = quantityValue(low, unit);
  const base = { ...blank(text, "quantitative"), unit, accumulation: accumulationFor(unit, name) };
  // A printed change is a floor whatever the row measures; a bare zero of events or of a rate
  // ("0起", "0次", "0%") can only be a ceiling: "at least none" is no target.
  const lowerRow =
    !change &&
    (lowerIsBetter(name) || (unit !== null && /工作日$/u.test(unit)) || (value === 0 && !high && ZERO_CEILING_UNIT.test(unit ?? "")));

  if (high) {
    const valueHigh = quantityValue(high, unit);
    if (!(valueHigh > value)) return null;
    if (printedCmp === ">=") return { ...base, comparator: ">=", value, valueHigh, direction: "higher" };
    if (printedCmp === null && !approx) return { ...base, comparator: "range", value, valueHigh, direction: "range" };
    return null; // "80-90以下", "80-90左右": no reading we would defend.
  }

  let comparator: Comparator;
  let direction: Direction;
  if (printedCmp !== null) {
    comparator = printedCmp;
    direction = printedCmp === ">=" ? "higher" : printedCmp === "<=" ? "lower" : "equal";
  } else if (approx) {
    comparator = "approx";
    direction = lowerRow ? "lower" : "higher";
  } else {
    comparator = lowerRow ? "<=" : ">=";
    direction = lowerRow ? "lower" : "higher";
  }
  return { ...base, comparator, value, direction };
}

const DEADLINE_CN =
  /^(?:于|在)?(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?(底|末)?(前|以前|之前|内|之内)?(?:完成|完工|竣工)?$/u;
const DEADLINE_ISO = /^(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?(?:前|以前|之前)?$/u;

function parseDeadline(s: string): string | null {
  const cn = DEADLINE_CN.exec(s);
  if (cn) {
    const [, y, m, d, end, before] = cn;
    if (m === undefined) {
      // "2024年", "2024年底", "2024年内": by the end of that year. "2024年前" could mean "before 2024".
      if (before && !end && before !== "内" && before !== "之内") return null;
      return isoDate(y, "12");
    }
    return isoDate(y, m, d);
  }
  const iso = DEADLINE_ISO.exec(s);
  return iso ? isoDate(iso[1], iso[3], iso[4]) : null;
}

/**
 * Periods: "2020年1月--2020年11月", "2023.07-2024.01", "2022年3月-2023年11月", "2024年1-6月". The work
 * is due by the end of the period, so it reads as that deadline; the start must not come after it.
 */
const PERIOD = /^(.+?)(?:-{1,2}|—{1,2}|~|至|到)(.+)$/u;

function parsePeriod(s: string): string | null {
  const m = PERIOD.exec(s);
  if (!m) return null;
  const start = parseDeadline(m[1]) ?? parseDeadline(`${m[1]}月`);
  if (!start) return null;
  const year = start.slice(0, 4);
  const end = parseDeadline(m[2]) ?? parseDeadline(`${year}年${m[2]}`) ?? parseDeadline(`${year}.${m[2]}`);
  return end && start.slice(0, 7) <= end.slice(0, 7) ? end : null;
}

const DATED_RANGE = /^\d{4}[年.\-/].*(?:-{1,2}|—{1,2}|~|至|到)\d{4}[年.\-/]/u;

/**
 * A period or deadline printed without a year ("1-12月", "年底前", "6月底前", "年内完成") belongs to
 * the table's year, which the text does not carry. It is judged by the three tiers (qualitative)
 * rather than guessed into a date; an admin override can give it one.
 */
const YEARLESS =
  /^(?:(?:\d{1,2}月?(?:-{1,2}|—{1,2}|~|至|到))?\d{1,2}月份?(?:底|末)?|(?:当|本)?年度?(?:底|末|内))(?:前|以前|之前|内|之内)?(?:完成|完工)?$/u;

const FREQ_UNIT = "(次|场|期|篇|回|轮)";
const FREQ_NUM = "(\\d+|[一二两三四五六七八九十]+)";
const FREQ_CMP = "(最少|至少|不少于|不低于|不超过|最多|至多|≥|≤)";
const FREQ_SUFFIX = "(以上|及以上|以下|以内)";
const FREQ_PERIOD = "(年度?|月度?|季度?|半年)";
const FREQ_LEAD = new RegExp(
  `^(?:每个?${FREQ_PERIOD}|一${FREQ_PERIOD}|(年|月|季)均)${FREQ_CMP}?${FREQ_NUM}${FREQ_UNIT}${FREQ_SUFFIX}?$`,
  "u",
);
const FREQ_TAIL = new RegExp(
  `^${FREQ_CMP}?${FREQ_NUM}${FREQ_UNIT}${FREQ_SUFFIX}?/(?:每)?${FREQ_PERIOD}${FREQ_SUFFIX}?$`,
  "u",
);

function parseFrequency(text: string, s: string, name: string | undefined): ParsedTarget | null {
  let periodWord: string, num: string, unit: string, words: string;
  const lead = FREQ_LEAD.exec(s);
  const tail = lead ? null : FREQ_TAIL.exec(s);
  if (lead) {
    periodWord = lead[1] ?? lead[2] ?? lead[3];
    words = (lead[4] ?? "") + (lead[7] ?? "");
    num = lead[5];
    unit = lead[6];
  } else if (tail) {
    words = (tail[1] ?? "") + (tail[4] ?? "") + (tail[6] ?? "");
    num = tail[2];
    unit = tail[3];
    periodWord = tail[5];
  } else return null;
  const p = periodOf(periodWord);
  const n = hanNumber(num);
  if (!p || n === null) return null;
  const saysLower = /不超过|最多|至多|以下|以内|≤/u.test(words);
  const saysHigher = /最少|至少|不少于|不低于|以上|≥/u.test(words);
  if (saysLower && saysHigher) return null;
  const lower = saysLower || (!saysHigher && lowerIsBetter(name));
  return {
    ...blank(text, "frequency"),
    comparator: lower ? "<=" : ">=",
    value: n * p.factor,
    unit,
    direction: lower ? "lower" : "higher",
    accumulation: "cumulative",
    period: p.period,
  };
}

/** Judgement words used as targets: 有效推进, 顺利推进, 及时, 确保, 达标, 显著提升, 合规, 长远 … */
const QUALITATIVE =
  /有效|积极|顺利|及时|确保|达标|持续|显著|明显|稳步|逐步|进一步|不断|全面|提升|提高|改善|加强|推进|推动|保障|完成|合格|良好|优良|优秀|满意|落实|规范|健全|完善|稳定|增强|降低|减少|下降|按时|按期|按月|按季|到位|符合|达到|下达|任务|保持|实现|合规|长远|拓宽|拓展|扩大|增加|参照|控制|专款专用|应保尽保|^是$|^否$/u;

/** Tiers printed as the target itself: a grade to be given (高中低, 优良中低差) or the one expected (高, 较高). */
const TIERS = /^(?:高|较高|很高|中|低|较低|优|良|中等|差|好|较好|很好|一般|高中低|优良中差|优良中低差|优良中低)$/u;

const WITHIN_BUDGET = /^(不超预算|不超过预算|未超预算|控制在预算(以内|内|范围内)|不超支)$/u;
const ZERO_EVENTS = /^(无|零|杜绝|未发生|不发生)/u;

export function parseTarget(text: string, indicatorName?: string): ParsedTarget {
  const s = normalize(text);
  if (NONE.test(s)) return blank(text, "none");

  const deadline = parseDeadline(s) ?? parsePeriod(s);
  if (deadline) return { ...blank(text, "deadline"), comparator: "<=", deadline };
  if (DATED_RANGE.test(s)) return blank(text, "unparsed"); // "2023.13-2024.01": a period with no such date
  if (YEARLESS.test(s)) return blank(text, "qualitative");

  const freq = parseFrequency(text, s, indicatorName);
  if (freq) return freq;

  const hasDigit = /\d/.test(s);
  if (!hasDigit && WITHIN_BUDGET.test(s)) {
    return { ...blank(text, "qualitative"), comparator: "<=", direction: "lower" };
  }
  if (!hasDigit && ZERO_EVENTS.test(s)) {
    return {
      ...blank(text, "quantitative"),
      comparator: "<=",
      value: 0,
      direction: "lower",
      accumulation: accumulationFor(null, indicatorName),
    };
  }

  const q = parseQuantitative(text, s, indicatorName);
  if (q) return q;

  if (!hasDigit && (QUALITATIVE.test(s) || TIERS.test(s))) return blank(text, "qualitative");
  return blank(text, "unparsed");
}
