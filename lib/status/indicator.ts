// The light of one indicator at an as-of month (rules and reasons: see index.ts).
import type { Message, ParsedTarget, Tier } from "@/lib/targets";
import {
  LIGHT_WORDS, dateEn, dateZh, enFigure, enNumber, enQuantity, monthEn, pctJudged, show, showApprox, spanEn, spanZh,
} from "./format";
import { checkMonth, ge, le, progressLight, resolveThresholds } from "./lights";
import type { Light, MonthlyValue, Status, StatusInput, Thresholds } from "./types";

const TIER_LIGHT: Record<Tier, Light> = { met: "green", partial: "yellow", failed: "red" };
const TIER_WORDS: Record<Tier, Message> = {
  met: { zh: "达成年度指标", en: "annual target met" },
  partial: { zh: "部分达成年度指标并具有一定效果", en: "partly met, with some effect" },
  failed: { zh: "未达成年度指标且效果较差", en: "not met, with poor effect" },
};

interface Ctx {
  target: ParsedTarget;
  n: number;
  year: number;
  periodClosed: boolean;
  th: Thresholds;
  /** Reports for months 1..n, one per month (the last entry given for a month wins). */
  byMonth: Map<number, MonthlyValue>;
}

function status(light: Light, ratio: number | null, expected: number | null, actual: number | null, zh: string, en: string): Status {
  return { light, ratio, expected, actual, explanation: { zh, en } };
}

const word = (l: Light) => LIGHT_WORDS[l];

export function indicatorStatus(input: StatusInput): Status {
  const { target, asOfMonth: n, year, periodClosed } = input;
  checkMonth(n);
  const byMonth = new Map<number, MonthlyValue>();
  for (const r of input.reports) if (Number.isInteger(r.month) && r.month >= 1 && r.month <= n) byMonth.set(r.month, r);
  const ctx: Ctx = { target, n, year, periodClosed, th: resolveThresholds(input.thresholds), byMonth };

  switch (target.kind) {
    case "none":
      return status("none", null, null, null, "本年度无指标值，不亮灯", "No target this year: no light");
    case "unparsed":
      return status(
        "none", null, null, null,
        `指标值「${target.text}」尚待管理员确认，暂不亮灯`,
        `The target "${target.text}" has not been confirmed by an admin yet: no light`,
      );
    case "deadline": {
      // A completion is a fact: once reported it stands, whatever later months say or omit.
      const done = [...byMonth.values()].sort((a, b) => a.month - b.month).find((r) => r.date);
      if (done) return deadlineDone(ctx, done.date as string);
      break;
    }
    default:
      break;
  }

  const current = byMonth.get(n);
  if (!current || !hasReport(current, target)) return missing(ctx);

  switch (target.kind) {
    case "qualitative":
      return qualitative(ctx, current.tier as Tier);
    case "deadline":
      return deadlineOpen(ctx);
    case "frequency":
      return frequency(ctx);
    default:
      return quantitative(ctx, current.value as number);
  }
}

function hasReport(r: MonthlyValue, target: ParsedTarget): boolean {
  switch (target.kind) {
    case "qualitative":
      return r.tier != null;
    case "deadline":
      return true; // an entry without a date reports "not completed yet"
    default:
      return typeof r.value === "number" && Number.isFinite(r.value);
  }
}

function missing(ctx: Ctx): Status {
  const { n, target } = ctx;
  const earlier = [...ctx.byMonth.values()]
    .filter((r) => r.month < n && hasReport(r, target))
    .reduce<number | null>((m, r) => (m === null || r.month > m ? r.month : m), null);
  const lastZh = earlier === null ? "" : `（最近一次填报：${earlier}月）`;
  const lastEn = earlier === null ? "" : ` (last report: ${monthEn(earlier)})`;
  if (ctx.periodClosed) {
    return status(
      "overdue", null, null, null,
      `${n}月填报期已截止，尚未填报，逾期未报${lastZh}`,
      `The ${monthEn(n)} reporting period has closed with no report: overdue${lastEn}`,
    );
  }
  return status("nodata", null, null, null, `${n}月尚未填报，暂无数据${lastZh}`, `No report for ${monthEn(n)} yet: no data${lastEn}`);
}

// ---- qualitative and deadline -------------------------------------------------------------

function qualitative(ctx: Ctx, tier: Tier): Status {
  const l = TIER_LIGHT[tier];
  return status(l, null, null, null, `${ctx.n}月：${TIER_WORDS[tier].zh}，${word(l).zh}`, `${monthEn(ctx.n)}: ${TIER_WORDS[tier].en}: ${word(l).en}`);
}

/** "2024-12" as a deadline means by the end of that month; compare at the coarser precision. */
function onOrBefore(date: string, deadline: string): boolean {
  const len = Math.min(date.length, deadline.length);
  return date.slice(0, len) <= deadline.slice(0, len);
}

const pad = (x: number) => String(x).padStart(2, "0");
function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function endOf(iso: string): string {
  if (iso.length >= 10) return iso.slice(0, 10);
  const [y, m] = iso.split("-").map(Number);
  return `${y}-${pad(m)}-${pad(daysIn(y, m))}`;
}

function deadlineDone(ctx: Ctx, date: string): Status {
  const dl = ctx.target.deadline as string;
  const onTime = onOrBefore(date, dl);
  const l: Light = onTime ? "green" : "red";
  return status(
    l, null, null, null,
    `已于${dateZh(date)}完成，期限 ${dateZh(dl)}，${onTime ? "按期完成" : "逾期完成"}，${word(l).zh}`,
    `Completed ${dateEn(date)}; deadline ${dateEn(dl)}; ${onTime ? "on time" : "late"}: ${word(l).en}`,
  );
}

function deadlineOpen(ctx: Ctx): Status {
  const { n, year } = ctx;
  const dl = ctx.target.deadline as string;
  const due = endOf(dl);
  const monthStart = `${year}-${pad(n)}-01`;
  const monthEnd = `${year}-${pad(n)}-${pad(daysIn(year, n))}`;
  // Without a clock, a deadline inside the as-of month has passed only once that month is closed.
  const passed = due < monthStart || (due <= monthEnd && ctx.periodClosed);
  if (passed) {
    return status(
      "red", null, null, null,
      `期限 ${dateZh(dl)} 已过，截至${n}月仍未完成，红灯`,
      `Deadline ${dateEn(dl)} has passed and it is not completed as of ${monthEn(n)}: red`,
    );
  }
  return status(
    "pending", null, null, null,
    `期限 ${dateZh(dl)}，截至${n}月尚未完成，尚未到期，暂不预警`,
    `Deadline ${dateEn(dl)}; not completed as of ${monthEn(n)}; not due yet: pending`,
  );
}

// ---- frequency ----------------------------------------------------------------------------

/** Occurrences due by the end of month m: whole periods elapsed × count, a year prorated down. */
function dueBy(target: ParsedTarget, m: number): number {
  const count = target.value as number;
  switch (target.period) {
    case "month":
      return count * m;
    case "quarter":
      return count * Math.floor(m / 3);
    default:
      return Math.floor((count * m) / 12 + 1e-9);
  }
}

function frequency(ctx: Ctx): Status {
  const { target, n, th } = ctx;
  const u = target.unit;
  const count = target.value as number;
  let total = 0;
  const gaps: number[] = [];
  const perMonth: number[] = [];
  for (let m = 1; m <= n; m++) {
    const r = ctx.byMonth.get(m);
    const v = r && hasReport(r, target) ? (r.value as number) : 0;
    if (!r || !hasReport(r, target)) gaps.push(m);
    perMonth.push(v);
    total += v;
  }
  const gapZh = gaps.length ? `（${gaps.join("、")}月未填报，按0计）` : "";
  const gapEn = gaps.length ? ` (no report for ${gaps.map(monthEn).join(", ")}; counted as 0)` : "";

  if (target.direction === "lower") {
    // A ceiling per period: each period's own occurrences against it.
    const size = target.period === "month" ? 1 : target.period === "quarter" ? 3 : 12;
    const over: number[] = [];
    for (let start = 1; start <= n; start += size) {
      const sum = perMonth.slice(start - 1, Math.min(n, start + size - 1)).reduce((a, b) => a + b, 0);
      if (!le(sum, count)) over.push(start);
    }
    const l: Light = over.length ? "red" : "green";
    const overZh = target.period === "month" ? `${over.join("、")}月超出` : "已超出";
    const overEn = target.period === "month" ? `exceeded in ${over.map(monthEn).join(", ")}` : "exceeded";
    return status(
      l, null, count, total,
      `${spanZh(n)}共 ${show(total, u)}，上限 ${target.text.trim()}，${over.length ? overZh : "未超出"}，${word(l).zh}${gapZh}`,
      `${spanEn(n)}: ${enQuantity(total, u)}; ceiling ${target.text.trim()}; ${over.length ? overEn : "within it"}: ${word(l).en}${gapEn}`,
    );
  }

  const expected = dueBy(target, n);
  if (expected <= 0) {
    let next = n + 1;
    while (next <= 12 && dueBy(target, next) < 1) next++;
    const nextZh = next <= 12 ? `，${next}月底前应完成第1次` : "";
    const nextEn = next <= 12 ? ` (the first is due by the end of ${monthEn(next)})` : "";
    return status(
      "green", null, 0, total,
      `${spanZh(n)}共 ${show(total, u)}，指标 ${target.text.trim()}，目前尚无到期次数${nextZh}，进度正常，${word("green").zh}${gapZh}`,
      `${spanEn(n)}: ${enQuantity(total, u)}; target ${target.text.trim()}; none due yet${nextEn}; on track: ${word("green").en}${gapEn}`,
    );
  }
  const v = total / expected;
  const l: Light = ge(v, 1) ? "green" : ge(v, th.red) ? "yellow" : "red";
  const c = show(count, u);
  const ce = enNumber(count, null);
  const [descZh, descEn] =
    target.period === "month"
      ? [`每月${c}×${n}个月`, `${ce} a month × ${n} months`]
      : target.period === "quarter"
        ? [`每季度${c}×${Math.floor(n / 3)}个季度`, `${ce} a quarter × ${Math.floor(n / 3)} quarters`]
        : [`每年${c}×${n}/12，取整`, `${ce} a year × ${n}/12, rounded down`];
  return status(
    l, v, expected, total,
    `${spanZh(n)}共 ${show(total, u)}，应达 ${show(expected, u)}（${descZh}），完成 ${pctJudged(v)}，${word(l).zh}${gapZh}`,
    `${spanEn(n)}: ${enQuantity(total, u)}; expected ${enFigure(expected, u)} (${descEn}); ${pctJudged(v)} of plan: ${word(l).en}${gapEn}`,
  );
}

// ---- quantitative -------------------------------------------------------------------------

/** Over-achievement makes sense only where the scale is open: not rates capped at 100%, not scores. */
const openScale = (unit: string | null) => unit !== "%" && unit !== "‰" && unit !== "分";

function quantitative(ctx: Ctx, a: number): Status {
  const { target } = ctx;
  if (target.value === null) {
    return status("none", null, null, a, `指标值「${target.text}」无数值，暂不亮灯`, `The target "${target.text}" has no number: no light`);
  }
  // Units the parser cannot classify (平方米, 吨 …) are amounts delivered over the year.
  const cumulative = target.accumulation !== "level";
  switch (target.direction) {
    case "lower":
      return lower(ctx, a, cumulative);
    case "range":
      return range(ctx, a, cumulative);
    case "equal":
      return cumulative ? cumulativeHigher(ctx, a) : level(ctx, a, true);
    default:
      return cumulative ? cumulativeHigher(ctx, a) : level(ctx, a, false);
  }
}

/** The annual figure in "22万×6/12": bare like the document, except money keeps 万元. */
const annual = (t: number, unit: string | null) => show(t, unit !== null && /元$/u.test(unit) ? unit : null);

function cumulativeHigher(ctx: Ctx, a: number): Status {
  const { target, n, th } = ctx;
  const t = target.value as number;
  const u = target.unit;
  const m = `${n}月累计 ${show(a, u)}`;
  const mEn = `Cumulative to ${monthEn(n)}: ${enQuantity(a, u)}`;
  if (t <= 0) {
    const l: Light = ge(a, t) ? "green" : "red";
    return status(l, null, t, a, `${m}，目标 ${target.text.trim()}，${l === "green" ? "已达标" : "未达标"}，${word(l).zh}`,
      `${mEn}; target ${target.text.trim()}; ${l === "green" ? "met" : "not met"}: ${word(l).en}`);
  }
  const expected = (t * n) / 12;
  const v = (a * 12) / (t * n);
  const l = progressLight(v, th);
  return status(
    l, v, expected, a,
    `${m}，按进度应达 ${showApprox(expected, u)}（${annual(t, u)}×${n}/12），完成 ${pctJudged(v)}，${word(l).zh}`,
    `${mEn}; expected by now ${enFigure(expected, u, true)} (${annual(t, u)} × ${n}/12); ${pctJudged(v)} of plan: ${word(l).en}`,
  );
}

function level(ctx: Ctx, a: number, exact: boolean): Status {
  const { target, n, th } = ctx;
  const t = target.value as number;
  const u = target.unit;
  const ratio = t > 0 ? a / t : null;
  const met = exact ? ge(a, t) && le(a, t) : ge(a, t);
  let l: Light;
  if (met) l = ratio !== null && openScale(u) && !exact && ge(ratio, th.blue) ? "blue" : "green";
  else {
    // How close to the mark: for "=" a miss either way counts.
    const close = ratio === null ? null : exact && ratio > 1 ? 1 / ratio : ratio;
    l = close !== null && ge(close, th.levelYellow) ? "yellow" : "red";
  }
  const of = ratio === null ? "" : pctJudged(ratio);
  const verdictZh = met ? (l === "blue" ? `已达标，为目标的 ${of}` : "已达标") : `未达标${of ? `（为目标的 ${of}）` : ""}`;
  const verdictEn = met ? (l === "blue" ? `met, ${of} of target` : "met") : `not met${of ? ` (${of} of target)` : ""}`;
  return status(
    l, ratio, t, a,
    `${n}月 ${show(a, u)}，目标 ${target.text.trim()}，${verdictZh}，${word(l).zh}`,
    `${monthEn(n)}: ${enQuantity(a, u)}; target ${target.text.trim()}; ${verdictEn}: ${word(l).en}`,
  );
}

function lower(ctx: Ctx, a: number, cumulative: boolean): Status {
  const { target, n } = ctx;
  const t = target.value as number;
  const u = target.unit;
  const ok = le(a, t);
  const l: Light = ok ? "green" : "red";
  return status(
    l, null, t, a,
    `${n}月${cumulative ? "累计" : ""} ${show(a, u)}，上限 ${show(t, u)}，${ok ? "未超出" : "已超出"}，${word(l).zh}`,
    `${cumulative ? `Cumulative to ${monthEn(n)}` : monthEn(n)}: ${enQuantity(a, u)}; ceiling ${enQuantity(t, u)}; ${ok ? "within it" : "above it"}: ${word(l).en}`,
  );
}

function range(ctx: Ctx, a: number, cumulative: boolean): Status {
  const { target, n, th } = ctx;
  const lo = target.value as number;
  const hi = target.valueHigh ?? lo;
  const u = target.unit;
  const band = `${show(lo, u)}-${show(hi, u)}`;
  if (!cumulative || lo <= 0) {
    const inside = ge(a, lo) && le(a, hi);
    const l: Light = inside ? "green" : "red";
    return status(
      l, null, null, a,
      `${n}月${cumulative ? "累计" : ""} ${show(a, u)}，目标区间 ${band}，${inside ? "在区间内" : "不在区间内"}，${word(l).zh}`,
      `${cumulative ? `Cumulative to ${monthEn(n)}` : monthEn(n)}: ${enQuantity(a, u)}; target band ${band}; ${inside ? "inside" : "outside"}: ${word(l).en}`,
    );
  }
  // A running total cannot be judged against the whole-year band mid-year: the floor is prorated
  // like any cumulative target; only passing the annual ceiling is a definite miss.
  if (!le(a, hi)) {
    return status(
      "red", null, hi, a,
      `${n}月累计 ${show(a, u)}，已超出全年区间 ${band} 的上限，${word("red").zh}`,
      `Cumulative to ${monthEn(n)}: ${enQuantity(a, u)}; above the annual band ${band}: ${word("red").en}`,
    );
  }
  const expected = (lo * n) / 12;
  const v = (a * 12) / (lo * n);
  const p = progressLight(v, th);
  const l: Light = p === "blue" ? "green" : p;
  return status(
    l, v, expected, a,
    `${n}月累计 ${show(a, u)}，按进度应达 ${showApprox(expected, u)}（${annual(lo, u)}×${n}/12，全年区间 ${band}），完成 ${pctJudged(v)}，${word(l).zh}`,
    `Cumulative to ${monthEn(n)}: ${enQuantity(a, u)}; expected by now ${enFigure(expected, u, true)} (${annual(lo, u)} × ${n}/12, annual band ${band}); ${pctJudged(v)} of plan: ${word(l).en}`,
  );
}
