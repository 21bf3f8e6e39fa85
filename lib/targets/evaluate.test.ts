import { describe, expect, it } from "vitest";
import { evaluate, formatNumber, parseActual, parseTarget } from "./index";

const t = (text: string, name = "") => parseTarget(text, name);

describe("parseActual reads what users type", () => {
  it.each([
    ["21.5万", "≥22万人", 215000],
    ["215000", "≥22万人", 215000],
    ["21.5万人", "≥22万人", 215000],
    ["215,000", "≥22万人", 215000],
    ["96.5%", "≥95%", 0.965],
    ["96.5", "≥95%", 0.965],
    ["0.8‰", "≤1‰", 0.0008],
    ["4个工作日", "≤5个工作日", 4],
  ])("%s against %s → %d", (typed, target, value) => {
    const r = parseActual(typed, t(target));
    expect(r.ok && r.actual.value).toBe(value);
  });

  it.each([
    ["96%", "≥22万人", "不能填写百分比"],
    ["5人", "≥95%", "比率"],
    ["很多", "≥22万人", "请填写数字"],
    ["-5", "≥3万人", "负数"],
    ["120%", "≥95%", "超过100%"],
    ["NaN", "≥3万人", "请填写数字"],
    ["Infinity", "≥3万人", "请填写数字"],
    ["", "≥3万人", "请填写"],
    ["5户", "≥30万人次", "单位不符"],
    ["进展不错", "有效推进", "完成档次"],
    ["明年", "2024年12月", "完成日期"],
  ])("refuses %s for %s with a clear message", (typed, target, words) => {
    const r = parseActual(typed, t(target));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.zh).toContain(words);
      expect(r.error.en.length).toBeGreaterThan(5);
    }
  });
});

describe("evaluate: met / not met and the achievement ratio", () => {
  it("higher is better: actual / target", () => {
    const r = evaluate(t("≥22万人", "全年城镇新增就业人数"), "21.5万");
    expect(r.ok && r.met).toBe(false);
    expect(r.ok && r.ratio).toBeCloseTo(215000 / 220000, 10);
    expect(evaluate(t("≥22万人"), "23万")).toMatchObject({ ok: true, met: true });
  });

  it("lower is better: target / actual; zero against a zero ceiling is met", () => {
    expect(evaluate(t("≤1‰", "被投诉率"), "0.8‰")).toMatchObject({ ok: true, met: true, ratio: 1.25 });
    expect(evaluate(t("≤1‰", "被投诉率"), "2‰")).toMatchObject({ ok: true, met: false, ratio: 0.5 });
    expect(evaluate(t("0", "学生违法犯罪率"), "0")).toMatchObject({ ok: true, met: true, ratio: 1 });
    expect(evaluate(t("≤5个工作日", "回告时间"), "6")).toMatchObject({ ok: true, met: false });
  });

  it("a floor with a band (80-90分以上) is met at 92", () => {
    expect(evaluate(t("80-90分以上", "就业综合指数得分"), "92")).toMatchObject({ ok: true, met: true });
    expect(evaluate(t("80-90分以上", "就业综合指数得分"), "75")).toMatchObject({ ok: true, met: false });
  });

  it("qualitative tiers, deadlines, frequencies, none", () => {
    expect(evaluate(t("有效推进"), "达成年度指标")).toMatchObject({ ok: true, met: true, ratio: null, actual: { tier: "met" } });
    expect(evaluate(t("有效推进"), "部分达成年度指标并具有一定效果")).toMatchObject({ met: false, actual: { tier: "partial" } });
    expect(evaluate(t("2024年12月", "完成时间"), "2024-11-30")).toMatchObject({ ok: true, met: true });
    expect(evaluate(t("2024年12月", "完成时间"), "2025年1月")).toMatchObject({ ok: true, met: false });
    expect(evaluate(t("每月1次", "失业动态监测频率"), "1")).toMatchObject({ ok: true, met: true, ratio: 1 });
    expect(evaluate(t("/"), "1").ok).toBe(false);
  });
});

describe("formatNumber prints values the way the document does", () => {
  it.each([
    ["22万人", "全年城镇新增就业人数"],
    ["98.5%", "社保综合覆盖率"],
    ["1‰", "办案人员被投诉率"],
    ["5500人次", "鉴定人数"],
    ["18.23万笔", "月社会保险业务经办量"],
    ["42学时", "继续教育培训课时"],
    ["1.1万", "征集就业见习岗位"],
  ])("%s", (printed, name) => {
    const p = parseTarget(printed, name);
    expect(formatNumber(p.value as number, p.unit)).toBe(printed);
  });
  it("never prints a float tail", () => {
    expect(formatNumber(0.1 + 0.2, "%")).toBe("30%");
    expect(formatNumber(0.9650000001, "%")).toBe("96.5%");
  });
});
