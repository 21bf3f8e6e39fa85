import { describe, expect, it } from "vitest";
import { evaluate, parseActual, parseTarget, type Actual, type ActualErrorCode } from "./index";

// [target text, indicator name, typed actual, expected actual]
const accepted: [string, string | undefined, string, Actual][] = [
  ["≥22万人", "全年城镇新增就业人数", "21.5万", { value: 215000, unit: "人" }],
  ["≥22万人", "全年城镇新增就业人数", "215000", { value: 215000, unit: "人" }],
  ["≥22万人", "全年城镇新增就业人数", "21.5万人", { value: 215000, unit: "人" }],
  ["≥22万人", "全年城镇新增就业人数", "２１．５万", { value: 215000, unit: "人" }],
  ["≥22万人", "全年城镇新增就业人数", "215,000", { value: 215000, unit: "人" }],
  ["≥22万人", "全年城镇新增就业人数", "实际完成22.3万人", { value: 223000, unit: "人" }],
  ["45人", "博士后津贴发放人次", "46人次", { value: 46, unit: "人次" }],
  ["≥98%", "社保综合覆盖率", "96.5%", { value: 0.965, unit: "%" }],
  ["≥98%", "社保综合覆盖率", "96.5", { value: 0.965, unit: "%" }], // bare number is in the printed unit
  ["≥98%", "社保综合覆盖率", "100%", { value: 1, unit: "%" }],
  ["≤1‰", "事业单位公开招聘投诉率", "0.8‰", { value: 0.0008, unit: "‰" }],
  ["≤1‰", "事业单位公开招聘投诉率", "0.8", { value: 0.0008, unit: "‰" }],
  ["≤1‰", "事业单位公开招聘投诉率", "0.08%", { value: 0.0008, unit: "‰" }],
  ["0", "学生违法犯罪率", "0", { value: 0, unit: null }],
  ["0", "学生违法犯罪率", "0.5‰", { value: 0.0005, unit: "‰" }],
  ["60万元", "面向社会和企业开展技能培训和社会化考试收入", "62", { value: 62, unit: "万元" }],
  ["60万元", "面向社会和企业开展技能培训和社会化考试收入", "62万", { value: 62, unit: "万元" }],
  ["60万元", "面向社会和企业开展技能培训和社会化考试收入", "620000元", { value: 62, unit: "万元" }],
  ["≤5个工作日", "投诉、疑难问题处置回告时间（投诉咨询中心）", "4", { value: 4, unit: "个工作日" }],
  ["≤5个工作日", "投诉、疑难问题处置回告时间（投诉咨询中心）", "4工作日", { value: 4, unit: "工作日" }],
  ["无", "市直机关幼儿园无安全事故发生", "无", { value: 0, unit: null }],
  ["无", "市直机关幼儿园无安全事故发生", "1", { value: 1, unit: null }],
  ["有效推进", undefined, "达成年度指标", { value: null, unit: null, tier: "met" }],
  ["有效推进", undefined, "部分达成年度指标并具有一定效果", { value: null, unit: null, tier: "partial" }],
  ["有效推进", undefined, "未达成年度指标且效果较差", { value: null, unit: null, tier: "failed" }],
  ["确保", undefined, "已完成", { value: null, unit: null, tier: "met" }],
  ["不超预算", "严格预算标准", "未超预算", { value: null, unit: null, tier: "met" }],
  ["不超预算", "严格预算标准", "98%", { value: 0.98, unit: "%" }],
  ["2024年12月", "完成时间", "2024-11-30", { value: null, unit: null, date: "2024-11-30" }],
  ["2024年12月", "完成时间", "2024年11月", { value: null, unit: null, date: "2024-11" }],
  ["2024年12月", "完成时间", "2024/12/31", { value: null, unit: null, date: "2024-12-31" }],
  ["每月1次", "大数据核查比对次数（失业办）", "1", { value: 1, unit: "次" }],
  ["每月1次", "大数据核查比对次数（失业办）", "2次", { value: 2, unit: "次" }],
  ["每月1次", "大数据核查比对次数（失业办）", "12次/年", { value: 1, unit: "次" }],
  ["1次/年", "聘请第三方开展经责审计（基金监督处）", "每季度1次", { value: 4, unit: "次" }],
  ["/", undefined, "123", { value: 123, unit: null }],
  ["/", undefined, "", { value: null, unit: null }],
  // Units of other departments' tables: like for like, with scale words applied.
  ["3500公斤", "年增粮食", "3600公斤", { value: 3600, unit: "公斤" }],
  ["3500公斤", "年增粮食", "0.36万公斤", { value: 3600, unit: "公斤" }],
  ["3500公斤", "年增粮食", "3600", { value: 3600, unit: "公斤" }],
  ["1600元/亩", "财政资金补助", "1650元/亩", { value: 1650, unit: "元/亩" }],
  ["≥500亩", "新增和改善灌溉达标面积", "1.2万亩", { value: 12000, unit: "亩" }],
  ["≥80M", "雾炮车风炮射程", "８５Ｍ", { value: 85, unit: "M" }],
  ["10萬元", undefined, "12萬元", { value: 12, unit: "万元" }],
  ["提高2个百分点", "城市生活污水集中收集率", "2.5个百分点", { value: 2.5, unit: "个百分点" }],
  ["提高2个百分点", "城市生活污水集中收集率", "2.5百分点", { value: 2.5, unit: "百分点" }],
  ["≥20年", "工程设计使用年限", "25年", { value: 25, unit: "年" }],
  ["年底前", "完成时间", "已完成", { value: null, unit: null, tier: "met" }],
  ["2023.07-2024.01", "服务周期", "2024-01-15", { value: null, unit: null, date: "2024-01-15" }],
];

const refused: [string, string | undefined, string, ActualErrorCode][] = [
  ["≥22万人", "全年城镇新增就业人数", "", "empty"],
  ["≥22万人", "全年城镇新增就业人数", "   ", "empty"],
  ["≥22万人", "全年城镇新增就业人数", "96.5%", "percent_for_count"],
  ["≥22万人", "全年城镇新增就业人数", "很多", "not_a_number"],
  ["≥22万人", "全年城镇新增就业人数", "达成年度指标", "not_a_number"],
  ["≥22万人", "全年城镇新增就业人数", "-5", "negative"],
  ["≥22万人", "全年城镇新增就业人数", "NaN", "not_finite"],
  ["≥22万人", "全年城镇新增就业人数", "Infinity", "not_finite"],
  ["≥22万人", "全年城镇新增就业人数", "≥22万", "comparator_in_actual"],
  ["≥22万人", "全年城镇新增就业人数", "22万以上", "comparator_in_actual"],
  ["≥22万人", "全年城镇新增就业人数", "21.5万家", "unit_mismatch"],
  ["≥60家", "建设大学生就业见习基地数量", "60.5", "not_integer"],
  ["≥98%", "社保综合覆盖率", "96人", "count_for_rate"],
  ["≥98%", "社保综合覆盖率", "101%", "over_100_percent"],
  ["≥98%", "社保综合覆盖率", "101", "over_100_percent"],
  ["≥98%", "社保综合覆盖率", "-1%", "negative"],
  ["≤1‰", "事业单位公开招聘投诉率", "1200‰", "over_100_percent"],
  ["0", "学生违法犯罪率", "2", "rate_unit_needed"],
  ["≤5个工作日", "投诉、疑难问题处置回告时间（投诉咨询中心）", "3天", "unit_mismatch"],
  ["60万元", "面向社会和企业开展技能培训和社会化考试收入", "62人", "unit_mismatch"],
  ["有效推进", undefined, "95%", "tier_needed"],
  ["有效推进", undefined, "还行", "tier_needed"],
  ["2024年12月", "完成时间", "年底", "date_needed"],
  ["2024年12月", "完成时间", "2024-02-30", "invalid_date"],
  ["2024年12月", "完成时间", "2024-13", "invalid_date"],
  ["每月1次", "大数据核查比对次数（失业办）", "0.5", "not_integer"],
  ["每月1次", "大数据核查比对次数（失业办）", "-1", "negative"],
  ["每月1次", "大数据核查比对次数（失业办）", "50%", "percent_for_count"],
  ["每月1次", "大数据核查比对次数（失业办）", "每周1次", "period_unknown"],
  ["每月1次", "大数据核查比对次数（失业办）", "经常", "not_a_number"],
  ["见附件", undefined, "1", "target_unparsed"],
  ["3500公斤", "年增粮食", "3.5吨", "unit_mismatch"],
  ["1600元/亩", "财政资金补助", "1650元", "unit_mismatch"],
  ["提高2个百分点", "城市生活污水集中收集率", "2.5%", "unit_mismatch"],
  ["≥80M", "雾炮车风炮射程", "80%", "unit_mismatch"],
];

describe("parseActual", () => {
  it("refuses a number too large to be finite", () => {
    expect(parseActual("1" + "0".repeat(400), parseTarget("≥22万人"))).toMatchObject({ ok: false, code: "not_finite" });
    expect(parseActual("9".repeat(400), parseTarget("每月1次"))).toMatchObject({ ok: false, code: "not_finite" });
  });

  it.each(accepted)("%j (%s) accepts %j", (target, name, typed, actual) => {
    expect(parseActual(typed, parseTarget(target, name))).toEqual({ ok: true, actual });
  });

  it.each(refused)("%j (%s) refuses %j", (target, name, typed, code) => {
    const r = parseActual(typed, parseTarget(target, name));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.error.zh).toMatch(/[\u4e00-\u9fff]/u);
    expect(r.error.en).toMatch(/^[\x20-\x7e\u4e00-\u9fff“”‰≥％%…]+$/u);
    expect(r.error.en).not.toBe(r.error.zh);
  });
});

// [target, indicator name, typed actual, met, ratio]
const evaluations: [string, string | undefined, string, boolean | null, number | null][] = [
  // higher is better: actual / target
  ["≥22万人", "全年城镇新增就业人数", "22万", true, 1],
  ["≥22万人", "全年城镇新增就业人数", "23.1万", true, 1.05],
  ["≥22万人", "全年城镇新增就业人数", "11万", false, 0.5],
  ["≥98.5%", "社保综合覆盖率", "98.5%", true, 1],
  ["≥98%", "社保综合覆盖率", "49%", false, 0.5],
  ["60%以上", "“双师型”教师占教师总数比例", "60", true, 1],
  ["1100余万人", "服务全市参保对象（信息中心）", "1100万", true, 1],
  ["1100余万人", "服务全市参保对象（信息中心）", "1045万", false, 0.95],
  ["预计10人", "人力资源服务业专业人才评选（流动处）", "9人", false, 0.9],
  ["0", "评选“武汉工匠”人数", "3", true, null], // nothing was planned: met, no proportion
  // lower is better: target / actual
  ["≤1‰", "事业单位公开招聘投诉率", "0.5‰", true, 2],
  ["≤1‰", "事业单位公开招聘投诉率", "2‰", false, 0.5],
  ["≤1‰", "事业单位公开招聘投诉率", "1‰", true, 1],
  ["1‰", "办案人员被投诉率", "1.25‰", false, 0.8],
  ["0", "学生违法犯罪率", "0", true, 1],
  ["0", "学生违法犯罪率", "0.1‰", false, 0],
  ["无", "市直机关幼儿园无安全事故发生", "0", true, 1],
  ["无", "市直机关幼儿园无安全事故发生", "1", false, 0],
  ["≤5个工作日", "投诉、疑难问题处置回告时间（投诉咨询中心）", "4", true, 1.25],
  ["≤5个工作日", "投诉、疑难问题处置回告时间（投诉咨询中心）", "10", false, 0.5],
  ["≤5个工作日", "投诉、疑难问题处置回告时间（投诉咨询中心）", "0", true, null],
  // bands
  ["80-90分以上", "就业综合指数得分", "95", true, 1.1875], // 以上: above the band is not a failure
  ["80-90分以上", "就业综合指数得分", "72分", false, 0.9],
  ["80-90分", undefined, "85", true, 1],
  ["80-90分", undefined, "72", false, 0.9],
  ["80-90分", undefined, "100", false, 0.9],
  ["=100%", undefined, "100%", true, 1],
  ["=100%", undefined, "95%", false, 0.95],
  // qualitative tiers
  ["有效推进", undefined, "达成年度指标", true, null],
  ["有效推进", undefined, "部分达成年度指标并具有一定效果", false, null],
  ["有效推进", undefined, "未达成年度指标且效果较差", false, null],
  ["不超预算", "严格预算标准", "超预算", false, null],
  ["不超预算", "严格预算标准", "80%", true, 1.25],
  ["不超预算", "严格预算标准", "125%", false, 0.8],
  // deadlines
  ["2024年12月", "完成时间", "2024-11-30", true, null],
  ["2024年12月", "完成时间", "2024-12-31", true, null],
  ["2024年12月", "完成时间", "2024年12月", true, null],
  ["2024年12月", "完成时间", "2025-01-02", false, null],
  ["2024年12月15日", "完成时间", "2024-12-15", true, null],
  ["2024年12月15日", "完成时间", "2024-12-16", false, null],
  ["2024年12月15日", "完成时间", "2024年12月", null, null], // cannot tell
  // frequencies
  ["每月1次", "大数据核查比对次数（失业办）", "1", true, 1],
  ["每月1次", "大数据核查比对次数（失业办）", "0", false, 0],
  ["每月1次", "大数据核查比对次数（失业办）", "6次/年", false, 0.5],
  ["每年最少1次", "武汉市优秀技能人才评选频次（职建处）", "2", true, 2],
  // no target that year
  ["/", undefined, "6万人", null, null],
  // other departments' units and directions
  ["3500公斤", "年增粮食", "3150公斤", false, 0.9],
  ["≥500亩", "新增和改善灌溉达标面积", "0.06万亩", true, 1.2],
  ["0起", "安全生产事故", "0", true, 1],
  ["0起", "安全生产事故", "1起", false, 0],
  ["98%", "成本核算率", "99%", true, 99 / 98],
  ["320人/天", "培训费", "400人/天", false, 0.8],
  ["提高2个百分点", "城市生活污水集中收集率", "1个百分点", false, 0.5],
  ["2023.07-2024.01", "服务周期", "2024-01-31", true, null],
  ["2023.07-2024.01", "服务周期", "2024-02-01", false, null],
];

describe("evaluate", () => {
  it.each(evaluations)("%j (%s) with %j → met %s, ratio %s", (target, name, typed, met, ratio) => {
    const r = evaluate(parseTarget(target, name), typed);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.met).toBe(met);
    if (ratio === null) expect(r.ratio).toBeNull();
    else expect(r.ratio).toBeCloseTo(ratio, 10);
  });

  it("returns the parsed actual with the verdict", () => {
    expect(evaluate(parseTarget("≥22万人"), "21.5万人")).toEqual({
      ok: true,
      met: false,
      ratio: 0.977272727273,
      actual: { value: 215000, unit: "人" },
    });
  });

  it("passes refusals through", () => {
    const r = evaluate(parseTarget("≥98%"), "96人");
    expect(r).toMatchObject({ ok: false, code: "count_for_rate" });
  });

  it("refuses to evaluate a target nobody has confirmed", () => {
    const r = evaluate(parseTarget("见附件"), "达成年度指标");
    expect(r).toMatchObject({ ok: false, code: "target_unparsed" });
    if (!r.ok) expect(r.error.zh).toContain("见附件");
  });

  it("never reports float noise in ratios", () => {
    const r = evaluate(parseTarget("≥98%"), "98.49999999%");
    expect(r.ok && String(r.ratio).length).toBeLessThanOrEqual(14);
  });
});
