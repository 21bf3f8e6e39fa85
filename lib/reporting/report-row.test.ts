import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeDeviationCategories, encodeDeviationCategories } from "./report-row";

afterEach(() => vi.restoreAllMocks());

describe("Report.deviationCategories", () => {
  it("reads what the report form writes, and writes null for none ticked", () => {
    const text = encodeDeviationCategories(["经费保障", "硬件条件保障"]);
    expect(text).toBe('["经费保障","硬件条件保障"]');
    expect(decodeDeviationCategories(text)).toEqual(["经费保障", "硬件条件保障"]);
    expect(encodeDeviationCategories([])).toBeNull();
    expect(decodeDeviationCategories(null)).toEqual([]);
  });

  it("leaves out a name that is not one of the five causes", () => {
    expect(decodeDeviationCategories('["人员保障","天气"]')).toEqual(["人员保障"]);
  });

  it("yields no causes for unreadable or wrongly shaped text", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(decodeDeviationCategories("经费保障")).toEqual([]);
    expect(decodeDeviationCategories('{"0":"经费保障"}')).toEqual([]);
    expect(decodeDeviationCategories("[1,2]")).toEqual([]);
  });
});
