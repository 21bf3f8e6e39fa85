import { describe, expect, it } from "vitest";
import { parseTarget } from "../targets";
import { aggregate, aggregationOf, officeTarget } from "./target";

describe("shared indicators (各社保处: nine offices, one aggregate)", () => {
  it.each([
    ["18.02万份", "社会保险政策宣传资料发放量", "sum"],
    ["19.6万笔", "月社会保险业务经办量", "sum"],
    ["24950人次", "对参保对象组织开展稽核量", "sum"],
    ["95%", "参保对象满意率", "mean"],
    ["≤5个工作日", "投诉、疑难问题处置回告时间", "mean"],
    ["有效保障", "有效保障参保人员权益", "mean"],
  ])("%s (%s) aggregates by %s", (text, name, rule) => {
    expect(aggregationOf("auto", parseTarget(text, name))).toBe(rule);
  });

  it("an admin's explicit rule wins", () => {
    expect(aggregationOf("mean", parseTarget("18.02万份", "x"))).toBe("mean");
  });

  it("each of nine offices carries a ninth of a summed target, the whole of an averaged one", () => {
    const t = parseTarget("18.02万份", "社会保险政策宣传资料发放量");
    expect(officeTarget(t, 9, "sum").value).toBeCloseTo(180200 / 9, 6);
    const rate = parseTarget("95%", "参保对象满意率");
    expect(officeTarget(rate, 9, "mean").value).toBe(0.95);
    expect(officeTarget(t, 1, "sum")).toBe(t);
  });

  it("combines the offices' parts", () => {
    expect(aggregate([1000, 2000, 3000], "sum")).toBe(6000);
    expect(aggregate([0.9, 1], "mean")).toBeCloseTo(0.95, 10);
    expect(aggregate([], "sum")).toBeNull();
  });
});
