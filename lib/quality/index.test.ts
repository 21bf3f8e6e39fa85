import { describe, expect, it } from "vitest";
import { findQualityIssues, similarity, type QualityRow } from "./index";

let id = 0;
const row = (p: Partial<QualityRow>): QualityRow => ({
  id: ++id, tableNo: "12-1", term: "annual", level1: "产出指标", level2: "数量指标", level3: "x", namePrinted: "x",
  officeText: null, targetText: "1次", targetKind: "quantitative", targetValue: 1, orgIds: [1], ...p,
});

describe("findQualityIssues (strings from the 2024 document)", () => {
  it("finds the office printed two ways: 监察关系处 in the long-term table, 农工处 in the annual one", () => {
    const rows = [
      row({ term: "long_term", level3: "企业薪酬调查户数", namePrinted: "企业薪酬调查户数（监察关系处）", officeText: "监察关系处", targetText: "4500户", targetValue: 4500, orgIds: [16] }),
      row({ level3: "企业薪酬调查户数", namePrinted: "企业薪酬调查户数（农工处）", officeText: "农工处", targetText: "1700户", targetValue: 1700, orgIds: [16] }),
    ];
    const codes = findQualityIssues(rows).map((i) => i.code);
    expect(codes).toContain("office_two_names");
    expect(codes).toContain("long_term_vs_annual");
  });

  it("notes a long-term value that is a three-year total of the annual one", () => {
    const rows = [
      row({ term: "long_term", level3: "开展新闻报道", namePrinted: "开展新闻报道（政研处）", officeText: "政研处", targetText: "300次", targetValue: 300 }),
      row({ level3: "开展新闻报道", namePrinted: "开展新闻报道（政研处）", officeText: "政研处", targetText: "100次", targetValue: 100 }),
    ];
    const issue = findQualityIssues(rows).find((i) => i.code === "long_term_vs_annual");
    expect(issue?.zh).toContain("3倍");
  });

  it("flags the same annual indicator valued differently in 表11 and 表12", () => {
    const rows = [
      row({ tableNo: "11", level3: "人社政务服务好评率", namePrinted: "人社政务服务好评率", targetText: "≥95%", targetValue: 0.95 }),
      row({ tableNo: "12-1", level3: "人社政务服务好评率", namePrinted: "人社政务服务好评率（政务服务处）", officeText: "政务服务处", targetText: "97%", targetValue: 0.97 }),
    ];
    expect(findQualityIssues(rows).map((i) => i.code)).toContain("value_differs_across_tables");
  });

  it("pairs a long-term row with an annual row named differently", () => {
    const rows = [
      row({ term: "long_term", level3: "武汉市优秀技能人才评选人数", namePrinted: "武汉市优秀技能人才评选人数（职建处）", officeText: "职建处", targetText: "200" }),
      row({ level3: "“武汉市技能大师”评选人数", namePrinted: "“武汉市技能大师”评选人数（职建处）", officeText: "职建处", targetText: "50" }),
    ];
    expect(findQualityIssues(rows).map((i) => i.code)).toContain("named_differently");
  });

  it("reports unparsed targets, rows without an office and category spellings; a clean row gives nothing", () => {
    const rows = [
      row({ targetKind: "unparsed", targetText: "???" }),
      row({ orgIds: [] }),
      row({ level2: "社会效益" }),
      row({ level2: "社会效益指标" }),
    ];
    expect(findQualityIssues(rows).map((i) => i.code).sort()).toEqual(["category_spelling", "no_office", "unparsed_target"]);
    expect(findQualityIssues([row({ level3: "唯一" })])).toEqual([]);
  });

  it("similarity is 1 for equal names and low for unrelated ones", () => {
    expect(similarity("开展新闻报道", "开展新闻报道")).toBe(1);
    expect(similarity("开展新闻报道", "学生违法犯罪率")).toBeLessThan(0.2);
  });
});
