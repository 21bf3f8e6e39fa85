// The extractor against the hand transcription of the 2024 document (prisma/data/2024/*.json).
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { extractDocument, readDocument } from "../../prisma/seed/document";
import { extractBudget } from "./extract";
import type { Extraction } from "./types";

const SOURCE = path.resolve(import.meta.dirname, "../../prisma/data/source/wuhan-hrss-2024-department-budget.txt");

/** Leaf-by-leaf comparison: how many leaves agree, and the first mismatches with their paths. */
function diff(expected: unknown, actual: unknown, at = "", out = { same: 0, differ: [] as string[] }) {
  if (expected !== null && typeof expected === "object") {
    const keys = new Set([...Object.keys(expected), ...Object.keys((actual as object | null) ?? {})]);
    for (const k of keys) {
      const a = actual !== null && typeof actual === "object" ? (actual as Record<string, unknown>)[k] : undefined;
      diff((expected as Record<string, unknown>)[k], a, `${at}.${k}`, out);
    }
  } else if (Object.is(expected, actual)) out.same++;
  else if (typeof expected === "string" && typeof actual === "string") {
    let i = 0;
    while (expected[i] === actual[i]) i++;
    out.differ.push(`${at}: differs at ${i}: expected …${JSON.stringify(expected.slice(Math.max(0, i - 20), i + 30))} got …${JSON.stringify(actual.slice(Math.max(0, i - 20), i + 30))}`);
  } else out.differ.push(`${at}: expected ${JSON.stringify(expected)} got ${JSON.stringify(actual)}`);
  return out;
}

function report(name: string, expected: unknown, actual: unknown, split = true): { same: number; differ: string[] } {
  // Indicator rows first (the heart of it), then the forms around them.
  const part = (o: unknown, keys: string[]) => Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown> | undefined)?.[k]]));
  if (split && expected && typeof expected === "object" && "long_term" in expected) {
    report(`${name} rows`, part(expected, ["long_term", "annual"]), part(actual, ["long_term", "annual"]), false);
    return report(`${name} form`, part(expected, ["project", "department"]), part(actual, ["project", "department"]), false);
  }
  const d = diff(expected, actual);
  console.log(`${name}: ${d.same}/${d.same + d.differ.length} fields match${d.differ.length ? "\n  " + d.differ.slice(0, 6).join("\n  ") : ""}`);
  return d;
}

const KEY_DIR = path.resolve(import.meta.dirname, "../../prisma/data/2024");
const json = (file: string): unknown => JSON.parse(readFileSync(path.join(KEY_DIR, file), "utf8"));

describe("extractBudget on the 2024 seed text", () => {
  // The answer key as written in the files (not as the loader's schemas read them).
  const doc = readDocument(2024);
  const key = {
    table11: json("table-11.json"),
    tables12: doc.tables12.map((t) => json(`table-${t.table}.json`)),
    table10: json("table-10.json"),
    units: json("units.json"),
  };
  let x: Extraction;
  beforeAll(() => {
    x = extractBudget(readFileSync(SOURCE, "utf8"));
  });

  it("reads the budget year", () => {
    expect(x.year).toBe(2024);
  });

  it("reproduces table-11.json", () => {
    report("table-11", key.table11, x.document.table11);
    expect(x.document.table11).toEqual(key.table11);
  });

  for (const n of [1, 2, 3, 4, 5, 6, 7]) {
    it(`reproduces table-12-${n}.json`, () => {
      report(`table-12-${n}`, key.tables12[n - 1], x.document.tables12[n - 1]);
      expect(x.document.tables12[n - 1]).toEqual(key.tables12[n - 1]);
    });
  }

  it("reproduces table-10.json and units.json", () => {
    report("table-10", key.table10, x.document.table10);
    report("units", key.units, x.document.units);
    expect(x.document.table10).toEqual(key.table10);
    expect(x.document.units).toEqual(key.units);
  });

  it("reads every indicator row with its source lines and no problem", () => {
    const indicatorRows = (t: { long_term: { rows: unknown[] } | { rows: unknown[] }[]; annual: { rows: unknown[] } | { rows: unknown[] }[] }) =>
      [t.long_term, t.annual].flat().reduce((n, g) => n + g.rows.length, 0);
    const total = indicatorRows(doc.table11) + doc.tables12.reduce((n, t) => n + indicatorRows(t), 0);
    expect(total).toBe(262);
    expect(x.rows).toHaveLength(total);
    for (const r of x.rows) expect(r.from).toBeLessThanOrEqual(r.to);
    expect(x.problems).toEqual([]);
  });

  it("gives the seed loader the same document as the transcription (extractDocument = readDocument)", () => {
    expect(extractDocument(2024)).toEqual(readDocument(2024));
  });

  it("reads a 表12 that prints its annual grid only, and no problem", () => {
    const text = readFileSync(SOURCE, "utf8");
    const start = text.indexOf("长期绩效目标表", text.indexOf("表12-3"));
    const cut = text.slice(0, start) + text.slice(text.indexOf("年度绩效目标表", start));
    const y = extractBudget(cut);
    const t = y.document.tables12.find((t) => t.table === "12-3");
    expect(t?.long_term.rows).toEqual([]);
    expect(t?.annual.rows).toEqual(doc.tables12[2].annual.rows);
    expect(y.problems).toEqual([]);
  });
});
