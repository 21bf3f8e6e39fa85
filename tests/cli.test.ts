// The command line, run as a user runs it (a child process), against this run's seeded database.
import { describe, expect, it } from "vitest";
import { cli } from "./cli-run";

describe("cli export indicators", () => {
  it("prints all 262 rows with the documented keys", () => {
    const r = cli(["export", "indicators", "--year", "2024", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { year: number; indicators: Record<string, unknown>[] };
    expect(out.year).toBe(2024);
    expect(out.indicators).toHaveLength(262);
    const annual = out.indicators.find((i) => i.term === "annual" && i.table === "12-7");
    expect(annual).toMatchObject({ project_code: "420100225030030000107", term: "annual" });
    for (const key of ["table", "term", "goal", "project_code", "level1", "level2", "level3", "office_text", "offices", "values", "basis", "target"])
      expect(annual).toHaveProperty(key);
    const long = out.indicators.find((i) => i.term === "long_term" && i.table === "11");
    expect(long).toHaveProperty("value");
    expect(long).not.toHaveProperty("values");
    expect(out.indicators.filter((i) => (i.target as { kind: string }).kind === "unparsed")).toEqual([]);
  });

  it.each([
    [["export", "indicators", "--year", "abc"], /--year/],
    [["export", "indicators", "--year", "2024", "--format", "pdf"], /--format/],
    [["export", "indicators", "--year", "2024", "--colour", "red"], /unknown option --colour/],
    [["export", "things"], /unknown command/],
    [[], /no command/],
  ])("refuses %j with a message and a non-zero exit", (args, message) => {
    const r = cli(args);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });

  it("says so when a year has no tables", () => {
    const r = cli(["export", "indicators", "--year", "2031"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no indicators for year 2031/);
  });
});

describe("cli targets evaluate", () => {
  it("judges each JSON line and keeps going past bad ones", () => {
    const lines = [
      { target: "≥22万人", actual: "21.5万", indicator: "全年城镇新增就业人数" },
      { target: "≥95%", actual: "96.5%" },
      { target: "≤1‰", actual: "0.8‰", indicator: "办案人员被投诉率" },
      { target: "≥22万人", actual: "96%" },
    ].map((l) => JSON.stringify(l));
    const r = cli(["targets", "evaluate"], [...lines, "not json", JSON.stringify({ actual: "1" })].join("\n") + "\n");
    const out = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(6);
    expect(out[0]).toMatchObject({ kind: "quantitative", comparator: ">=", value: 220000, unit: "人", direction: "higher", met: false });
    expect(out[0].ratio).toBeCloseTo(215000 / 220000, 6);
    expect(out[1]).toMatchObject({ met: true, unit: "%" });
    expect(out[2]).toMatchObject({ direction: "lower", met: true });
    expect(out[3]).toHaveProperty("error");
    expect(out[4]).toEqual({ error: "not valid JSON" });
    expect(out[5]).toHaveProperty("error");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/3 line\(s\) could not be judged/);
  });
});
