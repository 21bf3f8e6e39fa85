import { describe, expect, it } from "vitest";
import { parseTarget } from "../targets";
import { expectedPath } from "./path";

describe("expected path for the indicator chart", () => {
  it("grows a cumulative target by month and sums the offices' parts", () => {
    const t = parseTarget("18.02万份", "社会保险政策宣传资料发放量");
    const p = expectedPath(t, [{ month: 6, value: 5000, organizationId: 1 }, { month: 6, value: 7000, organizationId: 2 }], "sum");
    expect(p[5]).toEqual({ month: 6, actual: 12000, expected: 90100 });
    expect(p[0].actual).toBeNull();
  });
  it("keeps a level target flat and averages the offices' levels", () => {
    const t = parseTarget("95%", "参保对象满意率");
    const p = expectedPath(t, [{ month: 3, value: 0.96, organizationId: 1 }, { month: 3, value: 0.98, organizationId: 2 }], "mean");
    expect(p[2].expected).toBe(0.95);
    expect(p[2].actual).toBeCloseTo(0.97, 10);
    expect(p[11].expected).toBe(0.95);
  });
});
