import { describe, expect, it } from "vitest";
import { parseTarget } from "@/lib/targets";
import {
  DEFAULT_THRESHOLDS,
  LIGHT_ORDER,
  budgetStatus,
  indicatorStatus,
  worstLight,
  type Light,
  type MonthlyValue,
  type Status,
  type Thresholds,
} from "./index";

// Targets as printed in the 2024 document, with the indicator they belong to.
const EMPLOYMENT = ["≥22万人", "全年城镇新增就业人数"] as const;
const PRAISE = ["≥95%", "人社政务服务好评率"] as const;
const COMPLAINTS = ["≤1‰", "办案人员被投诉率"] as const;
const CRIME = ["0", "学生违法犯罪率"] as const;
const ACCIDENTS = ["无", "市直机关幼儿园无安全事故发生"] as const;
const REPLY_DAYS = ["≤5个工作日", "投诉、疑难问题处置回告时间（投诉咨询中心）"] as const;
const MASTERS = ["0", "“武汉市技能大师”评选人数"] as const;
const INSURED = ["1100余万人", "服务全市参保对象（信息中心）"] as const;
const CASEWORK = ["18.23万笔", "月社会保险业务经办量"] as const;
const INDEX_SCORE = ["80-90分以上", "就业综合指数得分"] as const;
const PROGRESS = ["有效推进", "强化就业服务和劳动者权益保护"] as const;
const DUE_DEC = ["2024年12月", "完成时间"] as const;
const DUE_JUN = ["2024年6月", "完成时间"] as const;
const MONITORING = ["每月1次", "失业动态监测频率（失业办）"] as const;
const AUDIT = ["1次/年", "聘请第三方开展经责审计（基金监督处）"] as const;
const SELECTION = ["每年最少1次", "武汉市优秀技能人才评选频次（职建处）"] as const;
const NO_TARGET = ["/", "聘请第三方开展经责审计（基金监督处）"] as const;
// Not printed in 2024 but readable: a true band, a band on a running total, a ceiling on a frequency.
const BAND = ["80-90分", "考核得分"] as const;
const BAND_COUNT = ["80-100人", "培训人数"] as const;
const AT_MOST = ["每月不超过2次", "检查频次"] as const;

const v = (month: number, value: number | null, extra: Partial<MonthlyValue> = {}): MonthlyValue => ({ month, value, ...extra });
/** One report per month 1..values.length. */
const months = (...values: number[]) => values.map((x, i) => v(i + 1, x));

type Case = {
  name: string;
  target: readonly [string, string];
  n?: number;
  closed?: boolean;
  reports: MonthlyValue[];
  thresholds?: Partial<Thresholds>;
  light: Light;
  ratio?: number | null;
  expected?: number | null;
  actual?: number | null;
  zh?: string[];
  en?: string[];
};

const cases: Case[] = [
  // ---- cumulative, higher is better: v = actual ÷ (target × N/12) ----
  { name: "cumulative 70% → yellow", target: EMPLOYMENT, reports: [v(6, 77000)], light: "yellow", ratio: 0.7, expected: 110000, actual: 77000, zh: ["7.7万人", "11万人", "22万×6/12", "70%", "黄灯"] },
  { name: "cumulative just below 60% → red", target: EMPLOYMENT, reports: [v(6, 65999)], light: "red", zh: ["59.9%", "红灯"] },
  { name: "cumulative exactly 60% → yellow", target: EMPLOYMENT, reports: [v(6, 66000)], light: "yellow", ratio: 0.6, zh: ["6.6万人", "60%"] },
  { name: "cumulative just below 80% → yellow", target: EMPLOYMENT, reports: [v(6, 87999)], light: "yellow", zh: ["79.9%"] },
  { name: "cumulative exactly 80% → green", target: EMPLOYMENT, reports: [v(6, 88000)], light: "green", ratio: 0.8, zh: ["8.8万人", "80%", "绿灯"] },
  { name: "cumulative just below 120% → green", target: EMPLOYMENT, reports: [v(6, 131999)], light: "green", zh: ["119.9%"] },
  { name: "cumulative exactly 120% → blue", target: EMPLOYMENT, reports: [v(6, 132000)], light: "blue", ratio: 1.2, zh: ["13.2万人", "120%", "蓝灯"], en: ["blue", "over-achievement"] },
  { name: "cumulative at July: 60% exactly on an inexact plan", target: EMPLOYMENT, n: 7, reports: [v(7, 77000)], light: "yellow", zh: ["12.83万人", "22万×7/12", "60%"], en: ["128,300"] },
  { name: "cumulative in December against the whole target", target: EMPLOYMENT, n: 12, reports: [v(12, 220000)], light: "green", ratio: 1, expected: 220000, zh: ["22万人（22万×12/12）", "100%"] },
  { name: "cumulative 0 in January → red", target: EMPLOYMENT, n: 1, reports: [v(1, 0)], light: "red", ratio: 0, zh: ["1月累计 0人"] },
  { name: "configured thresholds move the boundaries", target: EMPLOYMENT, reports: [v(6, 60500)], thresholds: { red: 0.5 }, light: "yellow", zh: ["55%"] },
  { name: "approximate (余) behaves like ≥", target: INSURED, reports: [v(6, 5_500_000)], light: "green", ratio: 1, expected: 5_500_000, zh: ["550万人"] },
  { name: "approximate (余) shortfall → red", target: INSURED, reports: [v(6, 3_000_000)], light: "red" },
  { name: "money keeps 万元 in the plan", target: ["62万元", "面向社会和企业开展技能培训和社会化考试收入"], reports: [v(6, 20)], light: "yellow", expected: 31, zh: ["20万元", "31万元（62万元×6/12）", "64.5%"], en: ["200,000 yuan", "310,000 yuan"] },
  { name: "a floor of 0 is met by any count", target: MASTERS, reports: [v(6, 12)], light: "green", ratio: null },

  // ---- levels: latest value against the target itself ----
  { name: "rate met → green", target: PRAISE, reports: [v(6, 0.965)], light: "green", expected: 0.95, actual: 0.965, zh: ["6月 96.5%，目标 ≥95%，已达标，绿灯"] },
  { name: "rate exactly on target → green", target: PRAISE, reports: [v(6, 0.95)], light: "green", ratio: 1 },
  { name: "rate at 100% is green, never blue", target: PRAISE, reports: [v(6, 1)], light: "green" },
  { name: "rate near miss (≥80% of target) → yellow", target: PRAISE, reports: [v(6, 0.9)], light: "yellow", zh: ["未达标", "94.7%", "黄灯"] },
  { name: "rate exactly 80% of target → yellow", target: PRAISE, reports: [v(6, 0.76)], light: "yellow", zh: ["76%", "80%"] },
  { name: "rate below 80% of target → red", target: PRAISE, reports: [v(6, 0.75)], light: "red", zh: ["78.9%", "红灯"] },
  { name: "only the as-of month's level counts", target: PRAISE, reports: [v(5, 0.5), v(6, 0.97)], light: "green" },
  { name: "level count exactly 120% → blue", target: CASEWORK, reports: [v(6, 218760)], light: "blue", ratio: 1.2, zh: ["218760笔", "120%", "蓝灯"] },
  { name: "level count just met → green", target: CASEWORK, reports: [v(6, 200000)], light: "green", zh: ["20万笔", "18.23万笔"] },
  { name: "level count exactly 80% → yellow", target: CASEWORK, reports: [v(6, 145840)], light: "yellow" },
  { name: "level count below 80% → red", target: CASEWORK, reports: [v(6, 145000)], light: "red" },
  { name: "80-90分以上 is a floor: 85 → green", target: INDEX_SCORE, reports: [v(6, 85)], light: "green", zh: ["85分", "80-90分以上"] },
  { name: "80-90分以上: 96 is green, never blue (fixed scale)", target: INDEX_SCORE, reports: [v(6, 96)], light: "green" },
  { name: "80-90分以上: 79 → yellow", target: INDEX_SCORE, reports: [v(6, 79)], light: "yellow" },
  { name: "80-90分以上: exactly 64 (80%) → yellow", target: INDEX_SCORE, reports: [v(6, 64)], light: "yellow" },
  { name: "80-90分以上: 63 → red", target: INDEX_SCORE, reports: [v(6, 63)], light: "red" },

  // ---- lower is better: ceilings ----
  { name: "ceiling respected → green", target: COMPLAINTS, reports: [v(6, 0.0008)], light: "green", expected: 0.001, zh: ["6月 0.8‰，上限 1‰，未超出，绿灯"], en: ["ceiling 1‰", "within"] },
  { name: "ceiling exactly reached → green", target: COMPLAINTS, reports: [v(6, 0.001)], light: "green" },
  { name: "ceiling exceeded → red", target: COMPLAINTS, reports: [v(6, 0.0012)], light: "red", zh: ["1.2‰", "已超出", "红灯"] },
  { name: "zero crime rate kept → green", target: CRIME, reports: [v(6, 0)], light: "green", zh: ["上限 0"] },
  { name: "zero crime rate broken → red", target: CRIME, reports: [v(6, 1)], light: "red" },
  { name: "no accidents to date → green", target: ACCIDENTS, reports: [v(6, 0)], light: "green", zh: ["6月累计 0"] },
  { name: "one accident to date → red, whatever the month", target: ACCIDENTS, n: 2, reports: [v(2, 1)], light: "red", zh: ["2月累计 1", "已超出"] },
  { name: "5 working days on a ≤5 ceiling → green", target: REPLY_DAYS, reports: [v(6, 5)], light: "green", zh: ["5个工作日"] },
  { name: "6 working days on a ≤5 ceiling → red", target: REPLY_DAYS, reports: [v(6, 6)], light: "red" },

  // ---- ranges ----
  { name: "inside a band → green", target: BAND, reports: [v(6, 85)], light: "green", zh: ["80分-90分", "在区间内"] },
  { name: "above a band → red", target: BAND, reports: [v(6, 91)], light: "red", zh: ["不在区间内"] },
  { name: "below a band → red", target: BAND, reports: [v(6, 79)], light: "red" },
  { name: "band on a running total: prorated floor met → green", target: BAND_COUNT, reports: [v(6, 40)], light: "green", ratio: 1, expected: 40 },
  { name: "band on a running total: ahead of plan is still green", target: BAND_COUNT, reports: [v(6, 70)], light: "green" },
  { name: "band on a running total: behind plan → red", target: BAND_COUNT, reports: [v(6, 20)], light: "red" },
  { name: "band on a running total: past the annual ceiling → red", target: BAND_COUNT, reports: [v(6, 101)], light: "red", zh: ["上限"] },

  // ---- qualitative tiers ----
  { name: "达成年度指标 → green", target: PROGRESS, reports: [v(6, null, { tier: "met" })], light: "green", zh: ["达成年度指标", "绿灯"] },
  { name: "部分达成 → yellow", target: PROGRESS, reports: [v(6, null, { tier: "partial" })], light: "yellow", zh: ["部分达成年度指标并具有一定效果"] },
  { name: "未达成 → red", target: PROGRESS, reports: [v(6, null, { tier: "failed" })], light: "red", zh: ["未达成年度指标且效果较差"] },
  { name: "a qualitative entry without a tier is no report", target: PROGRESS, reports: [v(6, null)], light: "overdue" },

  // ---- deadlines ----
  { name: "completed before the deadline → green", target: DUE_DEC, reports: [v(5, null, { date: "2024-05-20" })], light: "green", zh: ["已于2024年5月20日完成", "期限 2024年12月", "按期完成"] },
  { name: "a completion stands even if later months are not reported", target: DUE_DEC, n: 9, reports: [v(5, null, { date: "2024-05" })], light: "green" },
  { name: "completed in the deadline month → green", target: DUE_JUN, n: 7, reports: [v(7, null, { date: "2024-06-30" })], light: "green" },
  { name: "completed after the deadline → red", target: DUE_JUN, n: 7, reports: [v(7, null, { date: "2024-07-15" })], light: "red", zh: ["逾期完成"] },
  { name: "not completed, deadline ahead → pending", target: DUE_DEC, reports: [v(6, null)], light: "pending", zh: ["尚未到期"], en: ["not due yet"] },
  { name: "not completed, deadline month still open → pending", target: DUE_JUN, closed: false, reports: [v(6, null)], light: "pending" },
  { name: "not completed, deadline month closed → red", target: DUE_JUN, reports: [v(6, null)], light: "red", zh: ["已过"] },
  { name: "not completed, deadline before the as-of month → red", target: DUE_JUN, n: 7, closed: false, reports: [v(7, null)], light: "red" },
  { name: "not completed in December, closed → red", target: DUE_DEC, n: 12, reports: [v(12, null)], light: "red" },

  // ---- frequencies: occurrences reported per month ----
  { name: "每月1次 every month → green", target: MONITORING, reports: months(1, 1, 1, 1, 1, 1), light: "green", ratio: 1, expected: 6, actual: 6, zh: ["1-6月共 6次", "应达 6次", "每月1次×6个月", "100%"] },
  { name: "每月1次 4 of 6 → yellow", target: MONITORING, reports: months(1, 1, 1, 1, 0, 0), light: "yellow", zh: ["66.6%"] },
  { name: "每月1次 exactly 60% → yellow", target: MONITORING, n: 5, reports: months(1, 1, 0, 1, 0), light: "yellow", ratio: 0.6 },
  { name: "每月1次 3 of 6 → red", target: MONITORING, reports: months(1, 0, 1, 0, 1, 0), light: "red" },
  { name: "每月1次 a missing earlier month counts 0 and is named", target: MONITORING, reports: [v(1, 1), v(2, 1), v(4, 1), v(5, 1), v(6, 1)], light: "yellow", zh: ["3月未填报"], en: ["March"] },
  { name: "1次/年 not due before December → green", target: AUDIT, reports: [v(6, 0)], light: "green", ratio: null, expected: 0, zh: ["12月底前应完成第1次", "进度正常"] },
  { name: "1次/年 done by December → green", target: AUDIT, n: 12, reports: [v(9, 1), v(12, 0)], light: "green", ratio: 1 },
  { name: "1次/年 not done by December → red", target: AUDIT, n: 12, reports: [v(12, 0)], light: "red" },
  { name: "每年最少1次 already held in March → green", target: SELECTION, n: 6, reports: [v(3, 1), v(6, 0)], light: "green" },
  { name: "每月不超过2次 kept → green", target: AT_MOST, n: 3, reports: months(2, 1, 2), light: "green" },
  { name: "每月不超过2次 broken in March → red", target: AT_MOST, n: 3, reports: months(2, 1, 3), light: "red", zh: ["3月超出"] },

  // ---- none, overdue, nodata ----
  { name: "/ → none, even with a closed period and no report", target: NO_TARGET, reports: [], light: "none", zh: ["无指标值"] },
  { name: "unconfirmed target → none", target: ["TBD", "x"], reports: [v(6, 3)], light: "none", zh: ["尚待管理员确认"] },
  { name: "closed period, no report → overdue (never green)", target: EMPLOYMENT, reports: [v(5, 200000)], light: "overdue", actual: null, zh: ["逾期", "最近一次填报：5月"], en: ["overdue", "May"] },
  { name: "open period, no report → nodata", target: EMPLOYMENT, closed: false, reports: [v(5, 200000)], light: "nodata", zh: ["6月尚未填报"] },
  { name: "closed period, blank value → overdue", target: PRAISE, reports: [v(6, null)], light: "overdue" },
  { name: "a later month's report does not stand for the as-of month", target: PRAISE, closed: false, reports: [v(7, 0.99)], light: "nodata" },
  { name: "deadline not reported, closed → overdue", target: DUE_DEC, reports: [], light: "overdue" },
  { name: "frequency: the as-of month must be reported", target: MONITORING, reports: months(1, 1, 1, 1, 1), light: "overdue" },
];

const results: Status[] = [];

describe("indicatorStatus", () => {
  it.each(cases)("$name", (c) => {
    const s = indicatorStatus({
      target: parseTarget(c.target[0], c.target[1]),
      asOfMonth: c.n ?? 6,
      year: 2024,
      reports: c.reports,
      periodClosed: c.closed ?? true,
      thresholds: c.thresholds,
    });
    results.push(s);
    expect(s.light).toBe(c.light);
    if (c.ratio === null) expect(s.ratio).toBeNull();
    else if (c.ratio !== undefined) expect(s.ratio).toBeCloseTo(c.ratio, 10);
    if (c.expected === null) expect(s.expected).toBeNull();
    else if (c.expected !== undefined) expect(s.expected).toBeCloseTo(c.expected, 10);
    if (c.actual !== undefined) expect(s.actual).toBe(c.actual);
    for (const w of c.zh ?? []) expect(s.explanation.zh).toContain(w);
    for (const w of c.en ?? []) expect(s.explanation.en).toContain(w);
    expect(s.explanation.zh.length).toBeGreaterThan(4);
    expect(s.explanation.en.length).toBeGreaterThan(4);
  });

  it("prints the document's examples word for word", () => {
    const at = (t: readonly [string, string], r: MonthlyValue[]) =>
      indicatorStatus({ target: parseTarget(t[0], t[1]), asOfMonth: 6, year: 2024, reports: r, periodClosed: true }).explanation;
    expect(at(EMPLOYMENT, [v(6, 77000)])).toEqual({
      zh: "6月累计 7.7万人，按进度应达 11万人（22万×6/12），完成 70%，黄灯",
      en: "Cumulative to June: 77,000 people (7.7万人); expected by now 110,000 (22万 × 6/12); 70% of plan: yellow",
    });
    expect(at(PRAISE, [v(6, 0.965)]).zh).toBe("6月 96.5%，目标 ≥95%，已达标，绿灯");
    expect(at(COMPLAINTS, [v(6, 0.0008)]).zh).toBe("6月 0.8‰，上限 1‰，未超出，绿灯");
  });

  it("never prints a raw float", () => {
    expect(results.length).toBe(cases.length);
    for (const s of results) {
      expect(s.explanation.zh).not.toMatch(/\d\.\d{5,}/);
      expect(s.explanation.en).not.toMatch(/\d\.\d{5,}/);
    }
  });

  it("refuses an as-of month outside 1–12", () => {
    const target = parseTarget(...EMPLOYMENT);
    for (const asOfMonth of [0, 13, 6.5])
      expect(() => indicatorStatus({ target, asOfMonth, year: 2024, reports: [], periodClosed: true })).toThrow(RangeError);
  });
});

describe("budgetStatus: 执行率 ÷ 时间进度", () => {
  const budgetCases: [name: string, budget: number, spent: number, n: number, light: Light, ratio: number | null, words: string[]][] = [
    ["40% spent by June (80%) → green", 1_000_000, 400_000, 6, "green", 0.8, ["6月执行率 40%，时间进度 50%，比值 80%，绿灯", "40万元", "100万元"]],
    ["just below 80% → yellow", 1_000_000, 399_999, 6, "yellow", null, ["79.9%", "黄灯"]],
    ["exactly 60% → yellow", 1_000_000, 300_000, 6, "yellow", 0.6, ["比值 60%"]],
    ["just below 60% → red", 1_000_000, 299_999, 6, "red", null, ["59.9%", "红灯"]],
    ["all spent by December → green", 2_722_430, 2_722_430, 12, "green", 1, ["272.24万元", "100%"]],
    ["July: time progress 58.3%", 1_200_000, 700_000, 7, "green", 1, ["时间进度 58.3%"]],
    ["nothing spent → red", 1_000_000, 0, 3, "red", 0, ["执行率 0%"]],
    ["no budget → none", 0, 0, 6, "none", null, ["无年初预算"]],
  ];
  it.each(budgetCases)("%s", (_name, budgetYuan, spentYuan, asOfMonth, light, ratio, words) => {
    const s = budgetStatus({ budgetYuan, spentYuan, asOfMonth });
    expect(s.light).toBe(light);
    if (ratio !== null) expect(s.ratio).toBeCloseTo(ratio, 10);
    for (const w of words) expect(s.explanation.zh).toContain(w);
    expect(s.explanation.en).toMatch(/time progress|No budget/);
    expect(s.explanation.zh).not.toMatch(/\d\.\d{5,}/);
  });

  it("explains in English with the amounts", () => {
    expect(budgetStatus({ budgetYuan: 1_000_000, spentYuan: 400_000, asOfMonth: 6 }).explanation.en).toBe(
      "June: execution rate 40%, time progress 50%, ratio 80%: green (January–June spent 400,000 yuan (40万元) of a budget of 1,000,000 yuan (100万元))",
    );
  });

  it("takes configured thresholds and refuses nonsense", () => {
    expect(budgetStatus({ budgetYuan: 100, spentYuan: 25, asOfMonth: 6, thresholds: { budgetRed: 0.4, budgetYellow: 0.5 } }).light).toBe("green");
    expect(() => budgetStatus({ budgetYuan: -1, spentYuan: 0, asOfMonth: 6 })).toThrow(RangeError);
    expect(() => budgetStatus({ budgetYuan: 1, spentYuan: Number.NaN, asOfMonth: 6 })).toThrow(RangeError);
    expect(() => budgetStatus({ budgetYuan: 1, spentYuan: 0, asOfMonth: 0 })).toThrow(RangeError);
  });
});

describe("worstLight: overdue > red > yellow > blue > nodata > pending > green > none", () => {
  it.each<[Light[], Light]>([
    [[], "none"],
    [["none"], "none"],
    [["green", "none"], "green"],
    [["green", "pending"], "pending"],
    [["pending", "nodata"], "nodata"],
    [["nodata", "blue", "green"], "blue"],
    [["blue", "yellow"], "yellow"],
    [["yellow", "red", "green"], "red"],
    [["red", "overdue"], "overdue"],
    [[...LIGHT_ORDER].reverse(), "overdue"],
  ])("%j → %s", (lights, worst) => expect(worstLight(lights)).toBe(worst));

  it("orders every light exactly once", () => {
    expect(LIGHT_ORDER).toEqual(["overdue", "red", "yellow", "blue", "nodata", "pending", "green", "none"]);
  });

  it("has the documented default thresholds", () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ red: 0.6, yellow: 0.8, blue: 1.2, levelYellow: 0.8, budgetRed: 0.6, budgetYellow: 0.8 });
  });
});
