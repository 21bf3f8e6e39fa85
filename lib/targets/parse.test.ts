import { describe, expect, it } from "vitest";
import { formatNumber, parseTarget, type ParsedTarget } from "./index";

type Expected = Omit<ParsedTarget, "text" | "comparator" | "value" | "valueHigh" | "unit" | "direction" | "accumulation" | "period" | "deadline"> &
  Partial<ParsedTarget>;

const empty = {
  comparator: null,
  value: null,
  valueHigh: null,
  unit: null,
  direction: null,
  accumulation: null,
  period: null,
  deadline: null,
} as const;

const count = (value: number, unit: string | null) =>
  ({ kind: "quantitative", comparator: ">=", value, unit, direction: "higher", accumulation: "cumulative" }) as const;
const rate = (value: number, unit = "%") =>
  ({ kind: "quantitative", comparator: ">=", value, unit, direction: "higher", accumulation: "level" }) as const;
const qualitative = { kind: "qualitative" } as const;

// Every form listed in docs/domain.md §3, with the 三级指标 it is printed against in the document.
const documentForms: [text: string, name: string | undefined, expected: Expected][] = [
  ["≥22万人", "全年城镇新增就业人数", count(220000, "人")],
  ["22万人", "城镇新增就业人数（就业局）", count(220000, "人")],
  ["≥98%", "劳动保障监察举报投诉案件法定期限内结案率", rate(0.98)],
  ["≧95%", "失业保险待遇发放准确率（失业办）", rate(0.95)],
  ["100%", "招聘活动举办及时率", rate(1)],
  ["≤1‰", "事业单位公开招聘投诉率", { ...rate(0.001, "‰"), comparator: "<=", direction: "lower" }],
  ["1‰", "办案人员被投诉率", { ...rate(0.001, "‰"), comparator: "<=", direction: "lower" }],
  ["0", "学生违法犯罪率", { kind: "quantitative", comparator: "<=", value: 0, direction: "lower", accumulation: "level" }],
  [
    "0",
    "各类考试、评审工作责任事故发生率(考试院）",
    { kind: "quantitative", comparator: "<=", value: 0, direction: "lower", accumulation: "level" },
  ],
  ["0", "评选“武汉工匠”人数", count(0, null)],
  ["80-90分以上", "就业综合指数得分", { ...rate(80, "分"), valueHigh: 90 }],
  ["5500人次以上", "因病、非因工、老工伤、新工伤、工伤复发鉴定人数（工伤中心）", count(5500, "人次")],
  ["60%以上", "“双师型”教师占教师总数比例", rate(0.6)],
  ["1100余万人", "服务全市参保对象（信息中心）", { ...count(11000000, "人"), comparator: "approx" }],
  ["18.23万笔", "月社会保险业务经办量（各社保处）", { ...count(182300, "笔"), accumulation: "level" }],
  ["42学时", "继续教育培训课时（幼管处）", count(42, "学时")],
  [
    "≤5个工作日",
    "投诉、疑难问题处置回告时间（投诉咨询中心）",
    { kind: "quantitative", comparator: "<=", value: 5, unit: "个工作日", direction: "lower", accumulation: "level" },
  ],
  ["每月1次", "大数据核查比对次数（失业办）", { ...count(1, "次"), kind: "frequency", period: "month" }],
  ["每月1次", "失业动态监测频率（失业办）", { ...count(1, "次"), kind: "frequency", period: "month" }],
  ["1次/年", "聘请第三方开展经责审计（基金监督处）", { ...count(1, "次"), kind: "frequency", period: "year" }],
  ["每年最少1次", "武汉市优秀技能人才评选频次（职建处）", { ...count(1, "次"), kind: "frequency", period: "year" }],
  ["2024年12月", "完成时间", { kind: "deadline", comparator: "<=", deadline: "2024-12" }],
  ["90%满意", "专业技术人才满意度", rate(0.9)],
  ["有效推进", "强化就业服务和劳动者权益保护", qualitative],
  ["有效提高", "提高大学生创业就业成功率（人才中心）", qualitative],
  ["积极加强", "强化经办队伍建设，加强经办人员培训，提高设施设备保障水平", qualitative],
  ["顺利推进", "人才项目推进情况", qualitative],
  ["及时", "招聘会举办及时性（人才中心）", qualitative],
  ["确保", "确保验收合格", qualitative],
  ["无", "市直机关幼儿园无安全事故发生", { kind: "quantitative", comparator: "<=", value: 0, direction: "lower", accumulation: "cumulative" }],
  ["达标", "环保验收达标", qualitative],
  ["不超预算", "严格预算标准", { kind: "qualitative", comparator: "<=", direction: "lower" }],
  ["有持续性", "保障幼教事业的稳定发展", qualitative],
  ["省厅下达任务", "三支一扶人数（流动处）", qualitative],
  ["/", "支持创业带动就业人数", { kind: "none" }],
];

// Other shapes printed in the document.
const moreDocumentForms: [string, string | undefined, Expected][] = [
  ["预计10人", "人力资源服务业专业人才评选（流动处）", { ...count(10, "人"), comparator: "approx" }],
  ["≥30万", "组织推荐就业岗位数量", count(300000, null)],
  ["1.1万", "征集就业见习岗位", count(11000, null)],
  ["≥20名", "评选“武汉工匠”人数", count(20, "名")],
  ["98.50%", "社保综合覆盖率", rate(0.985)],
  ["≥98.5%", "社保综合覆盖率", rate(0.985)],
  ["≥30万人次", "社会保险扩面", count(300000, "人次")],
  ["2.6万人", "帮助困难人员实现就业人数", count(26000, "人")],
  ["2605件/套", "玩具、图书等资料购买数量", count(2605, "件/套")],
  ["60万元", "面向社会和企业开展技能培训和社会化考试收入", count(60, "万元")],
  ["2026年12月", "完成时间", { kind: "deadline", comparator: "<=", deadline: "2026-12" }],
  ["80万份", "累计保管流动人员人事档案（人才中心）", { ...count(800000, "份"), accumulation: "level" }],
  ["3850人", "在园幼儿人数", { ...count(3850, "人"), accumulation: "level" }],
  ["7000", "完成特殊工种提前退休审批（养老处）", count(7000, null)],
  ["显著提升", "提升区域社会保障水平（各社保处）", qualitative],
  ["有效推动", "推动考务工作科学信息化建设，低碳环保的无纸化流程（考试院）", qualitative],
  ["有效保障", "有效保障参保人员权益（各社保处）", qualitative],
  ["95%", "各类投诉受理及时率（投诉咨询中心）", rate(0.95)],
  ["≥85%", "投诉、疑难问题处置回告率（投诉咨询中心）", rate(0.85)],
];

// The grammar beyond this document: comparators, ranges, estimates, dates, frequencies, refusals.
const grammar: [string, string | undefined, Expected][] = [
  ["不低于98%", undefined, rate(0.98)],
  ["至少3场", undefined, count(3, "场")],
  ["不少于500场", undefined, count(500, "场")],
  ["≥1‰", "办案人员被投诉率", rate(0.001, "‰")], // the printed comparator beats the name
  ["不超过3次", undefined, { ...count(3, "次"), comparator: "<=", direction: "lower" }],
  ["不高于2%", undefined, { ...rate(0.02), comparator: "<=", direction: "lower" }],
  ["5%以下", undefined, { ...rate(0.05), comparator: "<=", direction: "lower" }],
  ["控制在5.5%以内", "城镇调查失业率", { ...rate(0.055), comparator: "<=", direction: "lower" }],
  ["5个工作日内", undefined, { kind: "quantitative", comparator: "<=", value: 5, unit: "个工作日", direction: "lower", accumulation: "level" }],
  ["5天", "办结时限", { kind: "quantitative", comparator: "<=", value: 5, unit: "天", direction: "lower", accumulation: "level" }],
  ["5天", "培训天数", { kind: "quantitative", comparator: ">=", value: 5, unit: "天", direction: "higher", accumulation: "level" }],
  ["=100%", undefined, { ...rate(1), comparator: "=", direction: "equal" }],
  ["80-90分", undefined, { ...rate(80, "分"), comparator: "range", valueHigh: 90, direction: "range" }],
  ["80%-90%", undefined, { ...rate(0.8), comparator: "range", valueHigh: 0.9, direction: "range" }],
  ["1-2万人", undefined, { ...count(10000, "人"), comparator: "range", valueHigh: 20000, direction: "range" }],
  ["约95%", undefined, { ...rate(0.95), comparator: "approx" }],
  ["300余场", undefined, { ...count(300, "场"), comparator: "approx" }],
  ["１００％", undefined, rate(1)],
  ["2,722.43万元", undefined, count(2722.43, "万元")],
  ["无重大安全事故", undefined, { kind: "quantitative", comparator: "<=", value: 0, direction: "lower", accumulation: "cumulative" }],
  ["每季度2次", undefined, { ...count(2, "次"), kind: "frequency", period: "quarter" }],
  ["每半年1次", undefined, { ...count(2, "次"), kind: "frequency", period: "year" }],
  ["每年一次", undefined, { ...count(1, "次"), kind: "frequency", period: "year" }],
  ["≥3次/年", undefined, { ...count(3, "次"), kind: "frequency", period: "year" }],
  ["最多2次/月", undefined, { ...count(2, "次"), kind: "frequency", period: "month", comparator: "<=", direction: "lower" }],
  ["2024年12月31日", undefined, { kind: "deadline", comparator: "<=", deadline: "2024-12-31" }],
  ["2024年底", undefined, { kind: "deadline", comparator: "<=", deadline: "2024-12" }],
  ["2024-06", undefined, { kind: "deadline", comparator: "<=", deadline: "2024-06" }],
  ["", undefined, { kind: "none" }],
  ["／", undefined, { kind: "none" }],
  // Refused: shown to an admin instead of guessed.
  ["≥95%以下", undefined, { kind: "unparsed" }],
  ["90-80分", undefined, { kind: "unparsed" }],
  ["80-90分以下", undefined, { kind: "unparsed" }],
  ["每周1次", undefined, { kind: "unparsed" }],
  ["2024年前", undefined, { kind: "unparsed" }],
  ["2024-13", undefined, { kind: "unparsed" }],
  ["1万%", undefined, { kind: "unparsed" }],
  ["见附件", undefined, { kind: "unparsed" }],
  ["95%（暂定）", undefined, { kind: "unparsed" }],
];

const measure = (value: number, unit: string | null, comparator: ">=" | "<=" | "=" = ">=") =>
  ({
    kind: "quantitative",
    comparator,
    value,
    unit,
    direction: comparator === ">=" ? "higher" : comparator === "<=" ? "lower" : "equal",
    accumulation: null,
  }) as const;
const lowerCount = (value: number, unit: string | null) =>
  ({ ...count(value, unit), comparator: "<=", direction: "lower" }) as const;

// Other departments' vocabulary (issue 12). Printings seen in published tables are cited; the
// forms issue 12 reports from other departments' tables without a page are marked "issue 12".
const otherDepartments: [string, string | undefined, Expected][] = [
  // Any unit word. 元/亩, 公斤, 亩, 年: 岳阳县农业农村局 高标准农田 (yyx.gov.cn, 2022); 厘米: 中江县水利局
  // (chacewang.com news242266); M: 湘潭市城管局 雾炮车 (xtcg.xiangtan.gov.cn); 元/人*月: 濉溪县民政局
  // (sxx.gov.cn); 立方米, 公顷: 浮梁县林业局 (fuliang.gov.cn); 架, 万元/月, 元/平方米: issue 12.
  ["1600元/亩", "财政资金补助", measure(1600, "元/亩")],
  ["3500公斤", "年增粮食", measure(3500, "公斤")],
  ["≥500亩", "新增和改善灌溉达标面积", measure(500, "亩")],
  ["≥20年", "工程设计使用年限", { ...measure(20, "年"), accumulation: "level" }],
  ["≥50厘米", "水标尺宽度", measure(50, "厘米")],
  ["≥80M", "雾炮车风炮射程", measure(80, "M")],
  [">=530元/人*月", "农村低保标准", measure(530, "元/人*月")],
  ["=6万立方米", "林木采伐监管(万立方米)", measure(60000, "立方米", "=")],
  ["=4900公顷", "湿地保有量(公顷)", measure(4900, "公顷", "=")],
  ["≥2架", "无人机配备数量", count(2, "架")],
  ["≥2万元/月", "人才生活补贴", measure(2, "万元/月")],
  ["800元/平方米", "改造补助标准", measure(800, "元/平方米")],
  ["≤28.40/株", "黄金蜜(葡萄)补助成本", measure(28.4, "/株", "<=")],
  ["400元/人、天", "培训成本", measure(400, "元/人、天", "<=")],
  // Only 千/万/亿 and %/‰ scale; an unknown unit is kept, whatever its scale word.
  ["3千人", undefined, count(3000, "人")],
  ["1.5亿人次", undefined, count(150000000, "人次")],
  ["2.6亿元", "林产品收入", count(2.6, "亿元")],
  ["1.2万亩", "造林面积", measure(12000, "亩")],
  // Normalised spellings: full-width, doubled and box-drawing comparators, traditional characters,
  // spaces inside numbers, 百分比 and 个百分点. ═, >=2個, 10萬元: issue 12; ≧: 蒙城县卫健委
  // (mengcheng.gov.cn); =100百分比: 嘉峪关市文旅局 (bigxun.com); 28.8萬元: 岳阳楼区价格认证鉴定中心.
  ["═100%", undefined, { ...rate(1), comparator: "=", direction: "equal" }],
  ["＝100%", undefined, { ...rate(1), comparator: "=", direction: "equal" }],
  ["＞＝95%", undefined, rate(0.95)],
  ["≧90%", "适龄儿童国家免疫规划疫苗接种率", rate(0.9)],
  ["≦5%", undefined, { ...rate(0.05), comparator: "<=", direction: "lower" }],
  ["=>90%", undefined, rate(0.9)],
  ["≥=90%", undefined, rate(0.9)],
  ["<=3次", undefined, lowerCount(3, "次")],
  [">=2個", undefined, count(2, "个")],
  ["10萬元", undefined, count(10, "万元")],
  ["28.8萬元", "業務工作支出安排金額", count(28.8, "万元")],
  ["3億元", undefined, count(3, "亿元")],
  ["８０Ｍ", undefined, measure(80, "M")],
  ["1 000人", undefined, count(1000, "人")],
  ["≥98 %", undefined, rate(0.98)],
  ["=100百分比", "博物馆绩效考核指标完成率", { ...rate(1), comparator: "=", direction: "equal" }],
  // Percentage points are a change against a baseline the table does not print: kept as printed,
  // compared with a change reported in points (never with a %).
  ["提高2个百分点", "城市生活污水集中收集率", measure(2, "个百分点")],
  ["≥2个百分点", undefined, measure(2, "个百分点")],
  ["较上年下降5%", "生产安全事故起数", rate(0.05)], // the decrease is what is reported
  // Direction from the indicator: events, complaints, cost read lower for bare values; rates of
  // handling them do not. 0次 事故: 安居区市场监管局 (scanju.gov.cn); 0% 争议率: 东莞市交通运输局;
  // 培训费: 甘孜州市场监管局 (gzz.gov.cn); the others: issue 12.
  ["0起", "安全生产事故", lowerCount(0, "起")],
  ["0次", "重大食品安全监管责任事故发生数", lowerCount(0, "次")],
  ["0", "食品变质率", { kind: "quantitative", comparator: "<=", value: 0, direction: "lower", accumulation: "level" }],
  ["0%", "补助款结算争议率", { ...rate(0), comparator: "<=", direction: "lower" }],
  ["5件", "有效投诉件数", lowerCount(5, "件")],
  ["2%", "差错率", { ...rate(0.02), comparator: "<=", direction: "lower" }],
  ["3%", "成本", { ...rate(0.03), comparator: "<=", direction: "lower" }],
  ["320人/天", "培训费", measure(320, "人/天", "<=")],
  ["5起", "查处违法案件起数", count(5, "起")],
  ["1‰", "辦案人員被投訴率", { ...rate(0.001, "‰"), comparator: "<=", direction: "lower" }], // a traditional name reads the same
  ["98%", "成本核算率", rate(0.98)],
  ["95%", "投诉办结率", rate(0.95)],
  ["95%", "投诉处理率", rate(0.95)],
  ["100%", "食品安全投诉举报处置率", rate(1)],
  ["98%", "差错更正率", rate(0.98)],
  ["90%", "成本控制率", rate(0.9)],
  ["10万元", "项目经费", count(10, "万元")],
  ["1万人次", "电话投诉咨询服务人次（投诉咨询中心）", count(10000, "人次")],
  // Qualitative words and tiers. 长远: 嘉峪关市文旅局; 高中低: 甘孜州市场监管局; 显著: 零陵区林业局;
  // 优良中低差: dyrmt.com 项目支出绩效自评表; 合规, 规范, 高, 较高, 拓宽: issue 12.
  ...["合规", "规范", "长远", "高", "较高", "拓宽", "高中低", "优良中低差", "显著", "明显", "良好", "优", "逐步提高", "应保尽保", "按月安排", "专款专用"].map(
    (w): [string, string | undefined, Expected] => [w, undefined, qualitative],
  ),
  // Periods and dates. 2023.07-2024.01: 湘潭市城管局; 2022年3月-2023年11月: 原州区自然资源局
  // (yzh.gov.cn); 1-12月, 2020年1月--2020年11月, 年底前: issue 12.
  ["2020年1月--2020年11月", "项目实施期", { kind: "deadline", comparator: "<=", deadline: "2020-11" }],
  ["2023.07-2024.01", "服务周期", { kind: "deadline", comparator: "<=", deadline: "2024-01" }],
  ["2022年3月-2023年11月", "项目期", { kind: "deadline", comparator: "<=", deadline: "2023-11" }],
  ["2024年1-6月", undefined, { kind: "deadline", comparator: "<=", deadline: "2024-06" }],
  ["2024年6月底前", undefined, { kind: "deadline", comparator: "<=", deadline: "2024-06" }],
  ["2023.07", undefined, { kind: "deadline", comparator: "<=", deadline: "2023-07" }],
  // Without a year the date is the table's, which the text does not carry: judged by tiers.
  ["1-12月", "项目实施期", qualitative],
  ["1月-12月", undefined, qualitative],
  ["年底前", "完成时间", qualitative],
  ["12月底前", undefined, qualitative],
  ["年内完成", undefined, qualitative],
  // Words after the number are a unit only while short; 完成/办结 end a target like 以内.
  ["5个工作日内办结", "行政许可办理时限", { kind: "quantitative", comparator: "<=", value: 5, unit: "个工作日", direction: "lower", accumulation: "level" }],
  ["3个月内完成", undefined, { kind: "quantitative", comparator: "<=", value: 3, unit: "个月", direction: "lower", accumulation: "level" }],
  ["1600元/亩以上", undefined, measure(1600, "元/亩")],
  ["100人参加培训", undefined, { kind: "unparsed" }],
  // Still refused.
  ["2024年12月-2024年1月", undefined, { kind: "unparsed" }],
  ["2023.13-2024.01", undefined, { kind: "unparsed" }],
  ["每亩300", "造林补助", { kind: "unparsed" }],
];

describe("parseTarget", () => {
  const run = (text: string, name: string | undefined, expected: Expected) =>
    expect(parseTarget(text, name)).toEqual({ ...empty, text, ...expected });

  it.each(documentForms)("docs/domain.md §3 form %j (%s)", run);
  it.each(moreDocumentForms)("document form %j (%s)", run);
  it.each(grammar)("grammar %j (%s)", run);
  it.each(otherDepartments)("other departments %j (%s)", run);

  it("keeps the printed text unchanged", () => {
    expect(parseTarget(" ≧95% ").text).toBe(" ≧95% ");
  });

  it("reads the same bare number both ways depending on the indicator", () => {
    expect(parseTarget("0", "学生违法犯罪率").direction).toBe("lower");
    expect(parseTarget("0", "“武汉市技能大师”评选人数（职建处）").direction).toBe("higher");
    expect(parseTarget("98%", "举报投诉案件法定期限内结案率（监察支队）").direction).toBe("higher");
  });

  it("scales without float noise", () => {
    expect(parseTarget("18.23万笔").value).toBe(182300);
    expect(parseTarget("98.5%").value).toBe(0.985);
    expect(parseTarget("25.57万份").value).toBe(255700);
  });
});

describe("formatNumber", () => {
  it.each([
    [220000, "人", "22万人"],
    [26000, "人", "2.6万人"],
    [11000000, "人", "1100万人"],
    [182300, "笔", "18.23万笔"],
    [5500, "人次", "5500人次"],
    [19668, "人次", "19668人次"],
    [300000, null, "30万"],
    [0.985, "%", "98.5%"],
    [0.98, "%", "98%"],
    [1, "%", "100%"],
    [0.001, "‰", "1‰"],
    [0.0008, "‰", "0.8‰"],
    [80, "分", "80分"],
    [5, "个工作日", "5个工作日"],
    [60, "万元", "60万元"],
    [2722.43, "万元", "2722.43万元"],
    [1e8, "人", "1亿人"],
    [0.1 + 0.2, null, "0.3"],
    [0.965 * 100 * 0.01, "%", "96.5%"],
  ] as [number, string | null, string][])("%s %s → %s", (value, unit, shown) => {
    expect(formatNumber(value, unit)).toBe(shown);
  });

  it("shows a dash for values that are not finite", () => {
    expect(formatNumber(Number.NaN, "%")).toBe("—");
  });
});
