// The indicator-grid reader on pieces of real documents (the 2024 seed text and tests/fixtures/budgets).
import { describe, expect, it } from "vitest";
import { readIndicatorTable, type Term } from "./extract-indicators";
import { toLines } from "./extract-lines";

const Y = [2022, 2023, 2024];
const read = (text: string, term: Term, printed?: number[]) =>
  readIndicatorTable({ table: "12-1", term, goalNo: null, years: Y, printed, lines: toLines(text) });

describe("readIndicatorTable", () => {
  it.each([
    {
      what: "a name wrapped over lines, its values after a blank line (seed 表12-1)",
      text: "产出指标\n\n数量指标\n\n聘请第三方检查频次（财务\n处、基金监督处）\n\n5次 5次 5次",
      row: { level1: "产出指标", level2: "数量指标", name: "聘请第三方检查频次（财务处、基金监督处）", values: { "2022": "5次", "2023": "5次", "2024": "5次" }, basis: null },
    },
    {
      what: "category words broken mid-word before the row, 依据 printed (seed 表11)",
      text: "满意度\n指标\n\n服务对象满\n意度指标\n\n人社政务服务好评率 ≥95% ≥95% ≥95% 计划标准",
      row: { level1: "满意度指标", level2: "服务对象满意度指标", name: "人社政务服务好评率", values: { "2022": "≥95%", "2023": "≥95%", "2024": "≥95%" }, basis: "计划标准" },
    },
    {
      what: "each value cell wrapped and printed as its own block (seed 表12-7)",
      text: "产出指标\n数量指标\n面向社会和企业\n开展的技能培训\n及考试参加人次\n\n10000人次\n以上\n\n10000人次\n以上\n\n10000人次以上",
      row: { level1: "产出指标", level2: "数量指标", name: "面向社会和企业开展的技能培训及考试参加人次", values: { "2022": "10000人次以上", "2023": "10000人次以上", "2024": "10000人次以上" }, basis: null },
    },
    {
      what: "二级 cells with no row under them: the last one holds the row (xiangtan)",
      text: "效益指标\n\n经济效益指标\n\n社会效益指标\n\n服务周期内,市民对空气\n质量改善的满意程度\n\n≥85% 计划标准",
      printed: [2024],
      row: { level1: "效益指标", level2: "社会效益指标", name: "服务周期内,市民对空气质量改善的满意程度", values: { "2022": null, "2023": null, "2024": "≥85%" }, basis: "计划标准" },
    },
    {
      what: "a name with spaces and brackets is not split into name and value (nanyue)",
      text: "产出指标\n\n数量指标\n\n贫困地区旅游景点开发数\n量( ≥**个 )\n\n>=4个",
      printed: [2024],
      row: { level1: "产出指标", level2: "数量指标", name: "贫困地区旅游景点开发数量( ≥**个 )", values: { "2022": null, "2023": null, "2024": ">=4个" }, basis: null },
    },
  ])("$what", ({ text, printed, row }) => {
    const r = read(text, "annual", printed);
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => x.row)).toEqual([row]);
  });

  it("a long-term value wrapped onto the next line stays one value (seed 表12-2)", () => {
    const r = read("产出指标\n\n数量指标\n\n因病、非因工、老工伤、新工伤、工\n伤复发鉴定人数（工伤中心）\n\n5500人次以\n上\n\n对医疗机构工伤病案审核数量（工伤\n中心）\n\n1万份", "long_term");
    expect(r.rows.map((x) => [x.row.name, "value" in x.row ? x.row.value : null, x.from, x.to])).toEqual([
      ["因病、非因工、老工伤、新工伤、工伤复发鉴定人数（工伤中心）", "5500人次以上", 1, 9],
      ["对医疗机构工伤病案审核数量（工伤中心）", "1万份", 11, 14],
    ]);
  });

  it("reports a row with two of three values at its line, and reads the next row", () => {
    const r = read("产出指标\n\n数量指标\n\n开展新闻报道（政研处） 100次 100次\n\n集体学习活动（机关党委） 8次 8次 8次", "annual");
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([["unreadable_row", 5]]);
    expect(r.rows.map((x) => x.row.name)).toEqual(["集体学习活动（机关党委）"]);
  });

  it("a grid that ends at the end of the text inside a row is truncated, with its page", () => {
    const r = readIndicatorTable({ table: "12-1", term: "annual", goalNo: null, years: Y, printed: [2024], endsText: true, lines: toLines("产出指标\n\f数量指标\n\n流转土地 >=60亩\n\n乡村旅游带动增加贫困人") });
    expect(r.rows).toHaveLength(1);
    expect(r.problems.map((p) => [p.code, p.line, p.page])).toEqual([["truncated", 6, 2]]);
  });
});
