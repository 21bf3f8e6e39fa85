import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeSummaryLine } from "./summary-row";

afterEach(() => vi.restoreAllMocks());

// A line as rebuildSummaries stores it: the seeded department in July with one finalised self-evaluation.
const line = {
  indicators: 139, owed: 151, reported: 12, submitted: 3,
  lights: { green: 8, yellow: 2, red: 1, blue: 0, overdue: 140, nodata: 0, none: 0, pending: 0, total: 151 },
  budgetYuan: 698_000_000, spentYuan: 120_500_000, budgetLight: "red", selfEval: { number: 1, total: 86.5, grade: "良" },
};

describe("DepartmentSummary.dataJson", () => {
  it("reads a stored line, with or without a finalised self-evaluation", () => {
    expect(decodeSummaryLine(JSON.stringify(line))).toEqual(line);
    expect(decodeSummaryLine(JSON.stringify({ ...line, selfEval: null }))?.selfEval).toBeNull();
  });

  it("yields null (a line to rebuild) for unreadable or wrongly shaped text", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(decodeSummaryLine("{")).toBeNull();
    expect(decodeSummaryLine(JSON.stringify({ ...line, lights: { green: 8 } }))).toBeNull();
    expect(decodeSummaryLine(JSON.stringify({ ...line, budgetLight: "purple" }))).toBeNull();
    expect(decodeSummaryLine(JSON.stringify({ ...line, owed: "151" }))).toBeNull();
  });

  it("checks each distinct text once: the same text gives the same line, frozen, and a rebuilt text its own", () => {
    const text = JSON.stringify({ ...line, reported: 13 });
    const first = decodeSummaryLine(text);
    expect(first).toEqual({ ...line, reported: 13 });
    expect(decodeSummaryLine(text)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first?.lights) && Object.isFrozen(first?.selfEval)).toBe(true);
    expect(decodeSummaryLine(JSON.stringify({ ...line, reported: 14 }))?.reported).toBe(14);
  });
});
