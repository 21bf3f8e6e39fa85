import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeEvaluationSettings } from "./evaluation-row";

afterEach(() => vi.restoreAllMocks());

describe("Evaluation.settingsJson", () => {
  it("reads what saving the form writes", () => {
    const saved = { weights: { output: 50, outcome: 30 }, rows: { "12": { tier: "partial", tierScore: 0.5 } }, spent: { total: 69761.59 } };
    expect(decodeEvaluationSettings(JSON.stringify(saved))).toEqual(saved);
    expect(decodeEvaluationSettings("{}")).toEqual({});
  });

  it("yields no settings (the form's defaults) for unreadable or wrongly shaped text, instead of failing the page and the save", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(decodeEvaluationSettings("{weights")).toEqual({});
    expect(decodeEvaluationSettings('{"weights":{"output":"五十"}}')).toEqual({});
    expect(decodeEvaluationSettings('{"rows":{"12":{"tier":"excellent"}}}')).toEqual({});
  });
});
