// Generality (issue 12): other departments' published 绩效目标表 (tests/fixtures/budgets, see its README)
// must extract with every row accounted for, and bad documents must come back with a problem that says
// where. The expected counts and rows were written by hand from the source tables, not from the extractor.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type AnnualRow, type LongRow, readDocument } from "../../prisma/seed/document";
import { extractBudget } from "./extract";
import { pdfToText } from "./pdf";
import type { Extraction } from "./types";

const DIR = path.resolve(import.meta.dirname, "../../tests/fixtures/budgets");
const SEED = path.resolve(import.meta.dirname, "../../prisma/data/source/wuhan-hrss-2024-department-budget.txt");
const read = (file: string) => readFileSync(path.join(DIR, file), "utf8");

type ExpectedRow = { level1: string; level2: string; name: string; value: string; basis: string | null };
type Expected = {
  source: string;
  year: number;
  tables: { kind: string; title: string; project: string; columns: string[]; annual_rows: number; long_term_rows: number; rows: ExpectedRow[] }[];
};

/** The goal tables an extraction holds (表11's goals flattened, then each 表12), empty ones left out. */
function goalTables(x: Extraction) {
  const { table11, tables12 } = x.document;
  return [
    { table: "11", annual: table11.annual.flatMap((g) => g.rows), longTerm: table11.long_term.flatMap((g) => g.rows) },
    ...tables12.map((t) => ({ table: t.table, annual: t.annual.rows, longTerm: t.long_term.rows })),
  ].filter((t) => t.annual.length + t.longTerm.length > 0);
}

/** An annual row in the expected form: its current-year value (the other years must be empty in a one-value table). */
function asExpected(row: AnnualRow | LongRow, year: number, oneValue: boolean): ExpectedRow & { others?: (string | null)[] } {
  if ("value" in row) return { level1: row.level1, level2: row.level2, name: row.name, value: row.value, basis: row.basis };
  const values: Record<string, string | null> = row.values;
  const others = Object.entries(values).filter(([y]) => y !== String(year)).map(([, v]) => v);
  return { level1: row.level1, level2: row.level2, name: row.name, value: values[String(year)] ?? "", basis: row.basis, ...(oneValue ? { others } : {}) };
}

const squash = (s: string) => s.replace(/[\s\f]/g, "");
// Problems that mean a row or a table was not read; a readable fixture has none of them.
const LOST = new Set(["unreadable_row", "row_count", "truncated", "no_tables", "unknown_layout"]);

const fixtures = readdirSync(DIR).filter((f) => f.endsWith(".txt")).map((f) => f.replace(/\.txt$/, ""));

describe("other departments' budget documents", () => {
  it("has at least three fixtures, each with its hand-written answer", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
    for (const f of fixtures) expect(readdirSync(DIR)).toContain(`${f}.expected.json`);
  });

  for (const name of fixtures) {
    describe(name, () => {
      const text = read(`${name}.txt`);
      const expected = JSON.parse(read(`${name}.expected.json`)) as Expected;
      let x: Extraction;
      let tables: ReturnType<typeof goalTables>;
      beforeAll(() => {
        x = extractBudget(text);
        tables = goalTables(x);
      });

      it("reads the budget year", () => {
        expect(x.year).toBe(expected.year);
      });

      it("finds every table with all its annual and long-term rows", () => {
        expect(tables.map((t) => [t.annual.length, t.longTerm.length])).toEqual(
          expected.tables.map((t) => [t.annual_rows, t.long_term_rows]),
        );
      });

      it("reads the sample rows exactly", () => {
        expected.tables.forEach((e, i) => {
          const got = tables[i];
          expect(got, `table ${i + 1} (${e.title})`).toBeDefined();
          const oneValue = !e.columns.some((c) => /前年|上年/.test(c));
          for (const want of e.rows) {
            const found = [...got.annual, ...got.longTerm].find((r) => r.name === want.name);
            expect(found, `row ${want.name}`).toBeDefined();
            const row = asExpected(found!, expected.year, oneValue);
            expect({ ...row, others: undefined }).toEqual({ ...want, others: undefined });
            for (const v of row.others ?? []) expect(v, `${want.name}: only the current year is printed`).toBeNull();
          }
        });
      });

      it("points each row at source lines that hold its name and value", () => {
        const lines = text.split(/\r?\n/);
        const printed = expected.tables.reduce((n, t) => n + t.annual_rows + t.long_term_rows, 0);
        expect(x.rows).toHaveLength(printed);
        for (const src of x.rows) {
          expect(src.from).toBeGreaterThanOrEqual(1);
          expect(src.to).toBeGreaterThanOrEqual(src.from);
          expect(src.to).toBeLessThanOrEqual(x.lineCount);
          const t = tables.find((g) => g.table === src.table)!;
          const row = asExpected((src.term === "annual" ? t.annual : t.longTerm)[src.index], expected.year, false);
          const held = squash(lines.slice(src.from - 1, src.to).join(""));
          expect(held, `lines ${src.from}-${src.to}`).toContain(squash(row.name));
          expect(held, `lines ${src.from}-${src.to}`).toContain(squash(row.value));
        }
      });

      it("reports no row or table as unreadable, and any other problem by line", () => {
        expect(x.problems.filter((p) => LOST.has(p.code))).toEqual([]);
        for (const p of x.problems) {
          expect(p.line).toBeGreaterThanOrEqual(0);
          expect(p.line).toBeLessThanOrEqual(x.lineCount);
          expect(p.message.zh).not.toBe("");
          expect(p.message.en).not.toBe("");
        }
      });
    });
  }
});

describe("the yueyang table as a PDF (printed by Chromium from the stored HTML table)", () => {
  it("pdfToText, then extractBudget, reads the same 12 rows as the text fixture", async () => {
    const expected = JSON.parse(read("yueyang-agri-2022-farmland.expected.json")) as Expected;
    const x = extractBudget(await pdfToText(path.join(DIR, "pdf/yueyang-agri-2022-farmland.pdf")));
    const tables = goalTables(x);
    expect(x.year).toBe(2022);
    expect(tables.map((t) => [t.annual.length, t.longTerm.length])).toEqual([[12, 0]]);
    for (const want of expected.tables[0].rows) {
      const found = tables[0].annual.find((r) => r.name === want.name);
      expect(found && asExpected(found, expected.year, false), want.name).toMatchObject(want);
    }
  });
});

/** Line number (1-based) of the first line of `text` equal to `line`. */
function lineOf(text: string, line: string): number {
  const i = text.split(/\r?\n/).findIndex((l) => l.replace(/\f/g, "").trim() === line);
  if (i < 0) throw new Error(`fixture has no line ${JSON.stringify(line)}`);
  return i + 1;
}

const codes = (x: Extraction) => x.problems.map((p) => p.code);
/** Rows whose source lines do not include line `at`. */
const outside = (x: Extraction, at: number) => x.rows.filter((r) => at < r.from || at > r.to).length;
const indicatorRows = (x: Extraction) => goalTables(x).reduce((n, t) => n + t.annual.length + t.longTerm.length, 0);

describe("bad documents", () => {
  it("a text with no indicator table: no_tables, no rows", () => {
    const x = extractBudget(read("bad/no-tables.txt"));
    expect(codes(x)).toContain("no_tables");
    expect(indicatorRows(x)).toBe(0);
    const p = x.problems.find((q) => q.code === "no_tables")!;
    expect(p.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(p.message.en).toMatch(/[a-z]/);
  });

  it("a document cut in the middle of a table: truncated, at or after the half row", () => {
    const text = read("bad/truncated.txt");
    const x = extractBudget(text);
    const p = x.problems.find((q) => q.code === "truncated");
    expect(p, JSON.stringify(x.problems)).toBeDefined();
    expect(p!.line).toBeGreaterThanOrEqual(lineOf(text, "乡村旅游带动增加贫困人"));
    expect(p!.line).toBeLessThanOrEqual(x.lineCount);
    expect(p!.page).toBe(2);
  });

  it("the seed cut in the middle of 表12-7's annual table: truncated, table 12-7, at or after the half row", () => {
    const lines = readFileSync(SEED, "utf8").split("\n");
    const half = lines.indexOf("面向社会和企业", lines.indexOf("表12-7")) + 1; // a name's first line, 1-based
    expect(half).toBeGreaterThan(4000);
    const x = extractBudget(lines.slice(0, half + 1).join("\n")); // ends after "开展的技能培训"
    const p = x.problems.find((q) => q.code === "truncated");
    expect(p, JSON.stringify(x.problems.slice(0, 5))).toBeDefined();
    expect(p!.table).toBe("12-7");
    expect(p!.line).toBeGreaterThanOrEqual(half);
  });

  it("a row whose value cell is missing: unreadable_row at its line, the other 11 rows read untouched", () => {
    const text = read("bad/missing-value.txt");
    const at = lineOf(text, "年增粮食");
    const x = extractBudget(text);
    const p = x.problems.find((q) => q.code === "unreadable_row" && q.line === at);
    expect(p, JSON.stringify(x.problems)).toBeDefined();
    // The flagged row may be kept or left out, but no other row may swallow its line.
    expect(outside(x, at)).toBe(11);
    const expected = JSON.parse(read("yueyang-agri-2022-farmland.expected.json")) as Expected;
    const rows = goalTables(x).flatMap((t) => t.annual);
    for (const want of expected.tables[0].rows.filter((r) => r.name !== "年增粮食")) {
      const found = rows.find((r) => r.name === want.name);
      expect(found && asExpected(found, expected.year, false), want.name).toMatchObject(want);
    }
  });

  it("a 表12 annual row with two of its three values: unreadable_row at that line", () => {
    const seed = readFileSync(SEED, "utf8");
    const row = "开展新闻报道（政研处） 100次 100次 100次";
    expect(seed).toContain(row);
    const text = seed.replace(row, "开展新闻报道（政研处） 100次 100次");
    const x = extractBudget(text);
    const at = lineOf(text, "开展新闻报道（政研处） 100次 100次");
    const p = x.problems.find((q) => q.code === "unreadable_row" && q.line === at);
    expect(p, JSON.stringify(x.problems.slice(0, 5))).toBeDefined();
    expect(p!.table).toBe("12-1");
    expect(outside(x, at)).toBe(261);
    // One missing cell is one problem: the rows after it keep their 一级/二级 and read as transcribed.
    expect(x.problems.filter((q) => q.code === "unreadable_row")).toHaveLength(1);
    const key = readDocument(2024).tables12[0].annual.rows.filter((r) => r.name !== "开展新闻报道（政研处）");
    expect(x.document.tables12[0].annual.rows.filter((r) => r.name !== "开展新闻报道（政研处）")).toEqual(key);
  });

  it("a document that lists seven projects but holds six 表12 tables: row_count", () => {
    const seed = readFileSync(SEED, "utf8");
    const lines = seed.split("\n");
    const from = lines.indexOf("表12-3");
    const to = lines.indexOf("表12-4");
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    const x = extractBudget([...lines.slice(0, from), ...lines.slice(to)].join("\n"));
    expect(x.document.tables12).toHaveLength(6);
    expect(codes(x)).toContain("row_count");
  });
});
