// `targets evaluate` / `targets parse`: one JSON line in, one out; lines without an actual get the reading.
import { describe, expect, it } from "vitest";
import { cli } from "../tests/cli-run";
import { evaluateLine } from "./targets";

describe("evaluateLine", () => {
  it.each([
    ['{"target":"1600元/亩","indicator":"财政资金补助"}', { kind: "quantitative", comparator: ">=", value: 1600, unit: "元/亩", direction: "higher" }],
    ['{"target":"0起","actual":null,"indicator":"安全生产事故"}', { kind: "quantitative", comparator: "<=", value: 0, unit: "起", direction: "lower" }],
    ['{"target":"2023.07-2024.01","indicator":"服务周期"}', { kind: "deadline", comparator: "<=", deadline: "2024-01" }],
    ['{"target":"高中低"}', { kind: "qualitative", comparator: null, value: null }],
  ])("reads %s without an actual: met and ratio null", (line, reading) => {
    expect(evaluateLine(line)).toMatchObject({ ...reading, met: null, ratio: null });
  });

  it("judges a line with an actual as before", () => {
    expect(evaluateLine('{"target":"≥500亩","actual":"0.06万亩"}')).toEqual({
      kind: "quantitative", comparator: ">=", value: 500, unit: "亩", direction: "higher", met: true, ratio: 1.2,
    });
    expect(evaluateLine('{"target":"3500公斤","actual":"3.5吨"}')).toEqual({
      error: "The unit 吨 does not match the target's unit 公斤.",
      error_zh: "单位“吨”与指标单位“公斤”不一致。",
    });
  });

  it("gives an unreadable target, bad JSON and a missing target an error", () => {
    expect(evaluateLine('{"target":"每亩300"}')).toEqual({ error: 'cannot read target "每亩300"' });
    expect(evaluateLine("{")).toEqual({ error: "not valid JSON" });
    expect(evaluateLine('{"actual":null}')).toHaveProperty("error");
    expect(evaluateLine('{"target":"≥95%","actual":5}')).toHaveProperty("error");
  });
});

describe("cli targets parse", () => {
  it("is targets evaluate under another name: readings, errors, and the stream goes on", () => {
    const lines = ['{"target":"10萬元"}', '{"target":"见附件"}', '{"target":"═100%","actual":"100%"}'];
    const r = cli(["targets", "parse"], lines.join("\n") + "\n");
    const out = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toEqual([
      { kind: "quantitative", comparator: ">=", value: 10, unit: "万元", direction: "higher", deadline: null, met: null, ratio: null },
      { error: 'cannot read target "见附件"' },
      { kind: "quantitative", comparator: "=", value: 1, unit: "%", direction: "equal", met: true, ratio: 1 },
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/1 line\(s\) could not be judged/);
  });
});
