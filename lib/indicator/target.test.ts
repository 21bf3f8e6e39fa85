import { describe, expect, it } from "vitest";
import { parseTarget } from "../targets";
import { carriedTarget, decodeOverride, encodeOverride, newTarget, printedTargetChange, reparsed, revisedTargetChange, targetColumns, targetInForce, targetOf } from ".";

// Real rows of the 2024 tables (prisma/data/2024): 表11 全年城镇新增就业人数 ≥22万人, 事业单位公开招聘投诉率 ≤1‰,
// 表12 失业动态监测频率（失业办） 每月1次, 完成时间 2024年12月.
const row = (targetText: string, level3: string, extra: Partial<Parameters<typeof targetOf>[0]> = {}) => ({
  targetText,
  level3,
  targetOverride: null,
  revisedTargetText: null,
  ...targetColumns(parseTarget(targetText, level3)),
  ...extra,
});

describe("decodeOverride (the targetOverride column)", () => {
  it("reads a stored override and fills the choices left out", () => {
    expect(decodeOverride('{"expression":"≥12次","direction":"higher","accumulation":"cumulative"}')).toEqual({ expression: "≥12次", direction: "higher", accumulation: "cumulative" });
    expect(decodeOverride('{"expression":"≥12次"}')).toEqual({ expression: "≥12次", direction: "auto", accumulation: "auto" });
  });
  it("treats an empty, malformed or wrongly shaped column as no override", () => {
    expect(decodeOverride(null)).toBeNull();
    expect(decodeOverride("")).toBeNull();
    expect(decodeOverride("{not json")).toBeNull();
    expect(decodeOverride('{"expr":"≥12次"}')).toBeNull();
    expect(decodeOverride('{"expression":"≥12次","direction":"sideways"}')).toBeNull();
  });
  it("round-trips what the override form writes", () => {
    const o = { expression: "≤2‰", direction: "lower", accumulation: "level" } as const;
    expect(decodeOverride(encodeOverride(o))).toEqual(o);
    expect(encodeOverride(null)).toBeNull();
  });
});

describe("targetInForce: printed, overridden, revised", () => {
  const override = encodeOverride({ expression: "≥12次", direction: "auto", accumulation: "auto" });
  it("printed: the printed target when nothing else stands", () => {
    expect(targetInForce(row("≥22万人", "全年城镇新增就业人数"))).toEqual({ text: "≥22万人", source: "≥22万人", from: "printed" });
  });
  it("overridden: the forms still print the printed text; the parse comes from the admin's expression", () => {
    expect(targetInForce(row("每月1次", "失业动态监测频率", { targetOverride: override }))).toEqual({ text: "每月1次", source: "≥12次", from: "overridden" });
  });
  it("revised: an approved revision beats an override and the printed text", () => {
    expect(targetInForce(row("≥22万人", "全年城镇新增就业人数", { targetOverride: override, revisedTargetText: "≥25万人" }))).toEqual({ text: "≥25万人", source: "≥25万人", from: "revised" });
  });
  it("a malformed override leaves the printed text in force", () => {
    expect(targetInForce(row("每月1次", "失业动态监测频率", { targetOverride: "{oops" })).from).toBe("printed");
  });
});

describe("targetOf: the stored parse with deadline and period read from the text in force", () => {
  it("printed: 每月1次 is judged per month; 2024年12月 has its deadline", () => {
    const t = targetOf(row("每月1次", "失业动态监测频率"));
    expect(t).toMatchObject({ text: "每月1次", kind: "frequency", value: 1, period: "month", deadline: null });
    expect(targetOf(row("2024年12月", "完成时间"))).toMatchObject({ kind: "deadline", deadline: "2024-12" });
  });
  it("overridden: the period comes from the override's expression, not the printed text", () => {
    const stored = { ...targetColumns(parseTarget("≥12次", "失业动态监测频率")), targetOverride: encodeOverride({ expression: "≥12次", direction: "auto", accumulation: "auto" }) };
    const t = targetOf(row("每月1次", "失业动态监测频率", stored));
    expect(t).toMatchObject({ text: "每月1次", kind: "quantitative", value: 12, period: null });
  });
  it("revised: the forms print the revision", () => {
    const t = targetOf(row("≥22万人", "全年城镇新增就业人数", { revisedTargetText: "≥25万人", ...targetColumns(parseTarget("≥25万人", "全年城镇新增就业人数")) }));
    expect(t).toMatchObject({ text: "≥25万人", value: 250000, unit: "人" });
  });
});

describe("reparsed: a new source text keeps an admin's choices while the kind stays", () => {
  const chosen = row("≤1‰", "事业单位公开招聘投诉率", { targetDirection: "higher", accumulation: "cumulative" });
  it("keeps a direction and accumulation the admin chose", () => {
    expect(reparsed(chosen, "≤2‰").parsed).toMatchObject({ value: 0.002, direction: "higher", accumulation: "cumulative" });
  });
  it("keeps nothing once the target changes kind", () => {
    expect(reparsed(chosen, "2024年12月").parsed).toMatchObject({ kind: "deadline", direction: null, accumulation: null });
  });
  it("follows the new text where nobody chose", () => {
    expect(reparsed(row("≤1‰", "事业单位公开招聘投诉率"), "≤2‰").parsed).toMatchObject({ direction: "lower", accumulation: "level" });
  });
});

describe("printedTargetChange: precedence when the printed target or the name changes", () => {
  const override = encodeOverride({ expression: "≥12次", direction: "auto", accumulation: "auto" });
  it("a new printed text is re-parsed and drops a confirmed parse of the old text", () => {
    const was = row("≥22万人", "全年城镇新增就业人数", { targetOverride: override });
    expect(printedTargetChange(was, { targetText: "≥23万人", level3: was.level3 })).toMatchObject({ targetText: "≥23万人", targetOverride: null, targetValue: 230000 });
  });
  it("while a revision stands, the effective columns stay the revision's", () => {
    const was = row("≥22万人", "全年城镇新增就业人数", { revisedTargetText: "≥25万人" });
    const data = printedTargetChange(was, { targetText: "≥23万人", level3: was.level3 });
    expect(data).toEqual({ targetText: "≥23万人", targetOverride: null });
  });
  it("a renamed row is re-parsed unless an override stands", () => {
    const plain = row("≤1‰", "事业单位公开招聘投诉率");
    expect(printedTargetChange(plain, { targetText: "≤1‰", level3: "事业单位公开招聘被投诉率" })).toHaveProperty("targetKind", "quantitative");
    expect(printedTargetChange({ ...plain, targetOverride: override }, { targetText: "≤1‰", level3: "新名称" })).toEqual({});
  });
  it("nothing changed: nothing to write", () => {
    expect(printedTargetChange(row("每月1次", "失业动态监测频率"), { targetText: "每月1次", level3: "失业动态监测频率" })).toEqual({});
  });
});

describe("newTarget and revisedTargetChange", () => {
  it("a new row stores the printed text and its parse", () => {
    expect(newTarget("≥95%", "人社政务服务好评率")).toMatchObject({ targetText: "≥95%", targetKind: "quantitative", targetValue: 0.95, targetUnit: "%", targetDirection: "higher" });
  });
  it("an approved revision becomes the text in force with its parse", () => {
    const data = revisedTargetChange(row("≥22万人", "全年城镇新增就业人数"), "≥25万人");
    expect(data).toMatchObject({ revisedTargetText: "≥25万人", targetValue: 250000 });
    expect(targetInForce({ targetText: "≥22万人", level3: "全年城镇新增就业人数", targetOverride: null, ...data }).from).toBe("revised");
  });
});

describe("carriedTarget (rollover): the text in force becomes next year's printed target", () => {
  const override = encodeOverride({ expression: "≥12次", direction: "auto", accumulation: "auto" });
  it("a revision carries over as the printed text, without the override of the old printed text", () => {
    const was = row("≥22万人", "全年城镇新增就业人数", { targetOverride: override, revisedTargetText: "≥25万人", ...targetColumns(parseTarget("≥25万人", "全年城镇新增就业人数")) });
    expect(carriedTarget(was)).toMatchObject({ targetText: "≥25万人", targetOverride: null, targetValue: 250000 });
  });
  it("an override carries over with the printed text it confirms", () => {
    expect(carriedTarget(row("每月1次", "失业动态监测频率", { targetOverride: override }))).toMatchObject({ targetText: "每月1次", targetOverride: override });
  });
});
