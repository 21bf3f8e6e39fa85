import { describe, expect, it } from "vitest";
import { parseTarget } from "./parse";
import type { ParsedTarget } from "./types";

type Case = [text: string, indicator: string, expected: Partial<ParsedTarget>];

// Every form listed in domain.md §3, with the indicator it is printed for in the 2024 document.
const cases: Case[] = [
  ["≥22万人", "全年城镇新增就业人数", { kind: "quantitative", comparator: ">=", value: 220000, unit: "人", direction: "higher", accumulation: "cumulative" }],
  ["22万人", "全年城镇新增就业人数", { kind: "quantitative", comparator: ">=", value: 220000, unit: "人", direction: "higher" }],
  ["≥98%", "举报投诉案件法定期限内结案率", { kind: "quantitative", comparator: ">=", value: 0.98, unit: "%", accumulation: "level" }],
  ["≧95%", "失业保险待遇发放准确率", { kind: "quantitative", comparator: ">=", value: 0.95, unit: "%", direction: "higher" }],
  ["100%", "招聘活动举办及时率", { comparator: ">=", value: 1, unit: "%", accumulation: "level" }],
  ["≤1‰", "事业单位公开招聘投诉率", { comparator: "<=", value: 0.001, unit: "‰", direction: "lower", accumulation: "level" }],
  ["1‰", "办案人员被投诉率", { comparator: "<=", value: 0.001, unit: "‰", direction: "lower" }],
  ["0", "学生违法犯罪率", { kind: "quantitative", comparator: "<=", value: 0, direction: "lower" }],
  ["0", "各类考试、评审工作责任事故发生率", { comparator: "<=", value: 0, direction: "lower" }],
  ["0", "“武汉市技能大师”评选人数", { comparator: ">=", value: 0, direction: "higher" }],
  ["80-90分以上", "就业综合指数得分", { comparator: ">=", value: 80, valueHigh: 90, unit: "分", direction: "higher", accumulation: "level" }],
  ["5500人次以上", "因病、非因工、老工伤、新工伤、工伤复发鉴定人数", { comparator: ">=", value: 5500, unit: "人次", accumulation: "cumulative" }],
  ["60%以上", "“双师型”教师占教师总数比例", { comparator: ">=", value: 0.6, unit: "%" }],
  ["1100余万人", "服务全市参保对象", { comparator: "approx", value: 11_000_000, unit: "人", direction: "higher" }],
  ["18.23万笔", "月社会保险业务经办量", { comparator: ">=", value: 182300, unit: "笔", accumulation: "level" }],
  ["42学时", "继续教育培训课时", { comparator: ">=", value: 42, unit: "学时", accumulation: "cumulative" }],
  ["≤5个工作日", "投诉、疑难问题处置回告时间", { comparator: "<=", value: 5, unit: "个工作日", direction: "lower", accumulation: "level" }],
  ["每月1次", "失业动态监测频率", { kind: "frequency", comparator: ">=", value: 1, unit: "次", period: "month" }],
  ["1次/年", "聘请第三方开展经责审计", { kind: "frequency", value: 1, period: "year" }],
  ["每年最少1次", "武汉市优秀技能人才评选频次", { kind: "frequency", comparator: ">=", value: 1, period: "year" }],
  ["2024年12月", "完成时间", { kind: "deadline", comparator: "<=", deadline: "2024-12", value: null }],
  ["90%满意", "专业技术人才满意度", { kind: "quantitative", comparator: ">=", value: 0.9, unit: "%", accumulation: "level" }],
  ["有效推进", "强化就业服务和劳动者权益保护", { kind: "qualitative", direction: "higher", value: null }],
  ["有效提高", "提高大学生创业就业成功率", { kind: "qualitative" }],
  ["积极加强", "强化经办队伍建设，加强经办人员培训，提高设施设备保障水平", { kind: "qualitative" }],
  ["顺利推进", "人才项目推进情况", { kind: "qualitative" }],
  ["及时", "招聘会举办及时性", { kind: "qualitative" }],
  ["确保", "确保验收合格", { kind: "qualitative" }],
  ["无", "市直机关幼儿园无安全事故发生", { kind: "quantitative", comparator: "<=", value: 0, direction: "lower" }],
  ["达标", "环保验收达标", { kind: "qualitative", direction: "higher" }],
  ["不超预算", "严格预算标准", { kind: "qualitative", direction: "lower" }],
  ["有持续性", "保障幼教事业的稳定发展", { kind: "qualitative" }],
  ["省厅下达任务", "三支一扶人数", { kind: "qualitative" }],
  ["/", "聘请第三方开展经责审计", { kind: "none", value: null, comparator: null }],
  ["预计10人", "人力资源服务业专业人才评选", { comparator: "approx", value: 10, unit: "人" }],
  ["≥30万", "组织推荐就业岗位数量", { comparator: ">=", value: 300000, unit: null }],
  ["2600件/套", "玩具、图书等资料购买数量", { value: 2600, unit: "件/套" }],
  ["62万元", "面向社会和企业开展技能培训和社会化考试收入", { value: 620000, unit: "元" }],
  ["98.50%", "社保综合覆盖率", { value: 0.985, unit: "%" }],
  ["1.1万", "征集就业见习岗位", { value: 11000, unit: null }],
  ["3万人次", "接待群众来电咨询", { value: 30000, unit: "人次" }],
];

describe("parseTarget", () => {
  it.each(cases)("%s (%s)", (text, indicator, expected) => {
    const p = parseTarget(text, indicator);
    expect(p.text).toBe(text);
    expect(p).toMatchObject(expected);
  });

  it("keeps the printed text and reports text it cannot read as unparsed", () => {
    expect(parseTarget("约3-", "x")).toMatchObject({ kind: "unparsed", text: "约3-" });
    expect(parseTarget("12abc", "x").kind).toBe("unparsed");
    expect(parseTarget("这不是一个指标值###", "x").kind).toBe("unparsed");
    expect(parseTarget("TBD", "x").kind).toBe("unparsed");
  });

  it("uses the name: a bare count is a floor, a bare rate of complaints a ceiling", () => {
    expect(parseTarget("5次", "集体学习活动").direction).toBe("higher");
    expect(parseTarget("2%", "差错率").direction).toBe("lower");
  });
});
