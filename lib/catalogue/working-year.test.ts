import { describe, expect, it } from "vitest";
import { chooseYear } from "./working-year";

describe("chooseYear: the working year", () => {
  it("is the latest open year in which the department has tables", () => {
    expect(chooseYear({ tables: [2024], open: [2024], fallback: 2026 })).toEqual({ year: 2024, latest: 2024, years: [2024] });
    // After `rollover --from 2024 --to 2025`: 2025 opens, 2024 is one choice away.
    expect(chooseYear({ tables: [2024, 2025], open: [2024, 2025], fallback: 2026 })).toEqual({ year: 2025, latest: 2025, years: [2025, 2024] });
  });

  it("skips a year that is closed, or open but without this department's tables", () => {
    expect(chooseYear({ tables: [2024, 2025], open: [2024], fallback: 2026 }).year).toBe(2024);
    // Another department rolled over into 2026 (the Year table is shared); this one has no 2026 tables.
    expect(chooseYear({ tables: [2024, 2025], open: [2024, 2025, 2026], fallback: 2026 })).toEqual({ year: 2025, latest: 2025, years: [2025, 2024] });
    // Every year closed: the newest with tables.
    expect(chooseYear({ tables: [2023, 2024], open: [], fallback: 2026 }).year).toBe(2024);
  });

  it("takes ?year= first, then the remembered choice while it is one of the years", () => {
    const base = { tables: [2024, 2025], open: [2024, 2025], fallback: 2026 };
    expect(chooseYear({ ...base, asked: 2024 }).year).toBe(2024);
    expect(chooseYear({ ...base, asked: 2019 }).year).toBe(2019); // a link says which year; an empty one shows empty
    expect(chooseYear({ ...base, remembered: 2024 }).year).toBe(2024);
    expect(chooseYear({ ...base, asked: 2025, remembered: 2024 }).year).toBe(2025);
    expect(chooseYear({ ...base, remembered: 2019 }).year).toBe(2025);
  });

  it("falls back to the open years, then the calendar year, in an empty installation", () => {
    expect(chooseYear({ tables: [], open: [2025], fallback: 2026 })).toEqual({ year: 2025, latest: 2025, years: [2025] });
    expect(chooseYear({ tables: [], open: [], fallback: 2026 })).toEqual({ year: 2026, latest: 2026, years: [2026] });
  });
});
