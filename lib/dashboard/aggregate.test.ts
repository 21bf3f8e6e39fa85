import { describe, expect, it } from "vitest";
import { completenessCell, countBy, emptyCounts, executionRate, indicatorLights, reportingRate, sortDepartments, worstShortfalls } from "./aggregate";

describe("dashboard aggregation", () => {
  it("counts lights per group, in first-seen order", () => {
    const m = countBy(
      [{ p: "表12-5", l: "red" as const }, { p: "表12-1", l: "green" as const }, { p: "表12-5", l: "red" as const }, { p: "表12-5", l: "nodata" as const }],
      (x) => x.p,
      (x) => x.l,
    );
    expect([...m.keys()]).toEqual(["表12-5", "表12-1"]);
    expect(m.get("表12-5")).toMatchObject({ red: 2, nodata: 1, green: 0, total: 3 });
  });

  it("an indicator shared by offices takes the worst office's light", () => {
    const lights = indicatorLights([
      { indicatorId: 1, orgId: 3, light: "green", ratio: 1 },
      { indicatorId: 1, orgId: 4, light: "overdue", ratio: null },
      { indicatorId: 2, orgId: 3, light: "nodata", ratio: null },
      { indicatorId: 2, orgId: 4, light: "blue", ratio: 1.3 },
    ]);
    expect(lights.get(1)).toBe("overdue");
    expect(lights.get(2)).toBe("blue");
  });

  it("ranks shortfalls: overdue, then red, then yellow, furthest behind first; greens are not shortfalls", () => {
    const rows = [
      { id: "y", light: "yellow" as const, ratio: 0.7 },
      { id: "r1", light: "red" as const, ratio: 0.5 },
      { id: "g", light: "green" as const, ratio: 1 },
      { id: "r2", light: "red" as const, ratio: 0.2 },
      { id: "o", light: "overdue" as const, ratio: null },
    ];
    expect(worstShortfalls(rows).map((r) => r.id)).toEqual(["o", "r2", "r1", "y"]);
    expect(worstShortfalls(rows, 2).map((r) => r.id)).toEqual(["o", "r2"]);
  });

  it("marks each office-month reported, late, missing, open or not yet due", () => {
    expect(completenessCell({ owed: 6, reported: 6, late: 0, closed: true, future: false })).toBe("reported");
    expect(completenessCell({ owed: 6, reported: 6, late: 1, closed: true, future: false })).toBe("late");
    expect(completenessCell({ owed: 6, reported: 5, late: 0, closed: true, future: false })).toBe("missing");
    expect(completenessCell({ owed: 6, reported: 0, late: 0, closed: false, future: false })).toBe("open");
    expect(completenessCell({ owed: 6, reported: 0, late: 0, closed: false, future: true })).toBe("future");
  });
});

describe("the finance bureau's order of departments", () => {
  const dept = (code: string, lights: Partial<ReturnType<typeof emptyCounts>>, owed: number, reported: number, budgetYuan: number, spentYuan: number) => ({
    code, owed, reported, budgetYuan, spentYuan, lights: { ...emptyCounts(), ...lights, total: Object.values(lights).reduce((s, n) => s + (n ?? 0), 0) },
  });
  const a = dept("503", { green: 60, red: 3 }, 100, 97, 6_975_000_000, 2_000_000_000); // 3/63 red
  const b = dept("504", { green: 10, overdue: 2, yellow: 5 }, 20, 10, 0, 0); // 2/17 overdue, no budget
  const c = dept("505", { green: 30, yellow: 10 }, 40, 40, 1_000_000, 900_000); // no red, 10/40 yellow
  const d = dept("502", { green: 30, yellow: 2 }, 0, 0, 1_000_000, 100_000);

  it("attention: largest share of overdue and red first, then of yellow, then by code", () => {
    expect(sortDepartments([a, b, c, d], "attention").map((x) => x.code)).toEqual(["504", "503", "505", "502"]);
  });
  it("reporting and budget: lowest rate first; nothing owed counts as complete, no budget goes last", () => {
    expect(reportingRate(d)).toBe(1);
    expect(sortDepartments([a, b, c, d], "reporting").map((x) => x.code)).toEqual(["504", "503", "502", "505"]);
    expect(executionRate(b)).toBeNull();
    expect(sortDepartments([a, b, c, d], "budget").map((x) => x.code)).toEqual(["502", "503", "505", "504"]);
    expect(sortDepartments([a, b, c, d], "code").map((x) => x.code)).toEqual(["502", "503", "504", "505"]);
  });
});
