import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { jsonColumn } from "./json-column";

afterEach(() => vi.restoreAllMocks());

describe("jsonColumn: one way to read a JSON text column", () => {
  const decode = jsonColumn("Test.column", z.object({ n: z.number() }), () => ({ n: 0 }));

  it("returns the value when it is the schema's shape", () => {
    expect(decode('{"n":3}')).toEqual({ n: 3 });
  });

  it("returns the empty value for missing, unreadable and wrongly shaped text, and logs the column once", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(decode(null)).toEqual({ n: 0 });
    expect(decode("")).toEqual({ n: 0 });
    expect(warn).not.toHaveBeenCalled(); // no value is not a bad value
    expect(decode("{not json")).toEqual({ n: 0 });
    expect(decode('{"n":"3"}')).toEqual({ n: 0 });
    expect(decode("[1,2]")).toEqual({ n: 0 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain("Test.column");
  });

  it("gives each caller its own empty value (rollover changes the detail it reads)", () => {
    const a = decode(null);
    a.n = 5;
    expect(decode(null)).toEqual({ n: 0 });
  });
});
