// Every target value printed in the 2024 budget (表11, 表12-1 … 表12-7) must be readable.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatNumber, parseTarget } from "./index";

type Row = { name: string; value?: string | null; values?: Record<"2022" | "2023" | "2024", string | null> };
type Group = { rows: Row[] };
type Table = { table: string; long_term: Group | Group[]; annual: Group | Group[] };

const dataDir = new URL("../../prisma/data/2024/", import.meta.url);
const files: (Partial<Table> & { table: string })[] = readdirSync(dataDir)
  .filter((f) => /^table-1.*\.json$/.test(f))
  .sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, dataDir), "utf8")) as Partial<Table> & { table: string });
// 表10 (项目支出表) is money only; every other table-1* file carries indicator rows.
const tables = files.filter((t): t is Table => t.long_term !== undefined && t.annual !== undefined);

const rowsOf = (g: Group | Group[]) => (Array.isArray(g) ? g.flatMap((x) => x.rows) : g.rows);
type Cell = { table: string; column: "long-term" | "2022" | "2023" | "2024"; name: string; text: string };
const cells: Cell[] = tables.flatMap((t) => [
  ...rowsOf(t.long_term).map((r): Cell => ({ table: t.table, column: "long-term", name: r.name, text: r.value ?? "" })),
  ...rowsOf(t.annual).flatMap((r) =>
    (["2022", "2023", "2024"] as const).map((y): Cell => ({ table: t.table, column: y, name: r.name, text: r.values?.[y] ?? "" })),
  ),
]);
const parsed = cells.map((c) => ({ ...c, p: parseTarget(c.text, c.name) }));
const show = (c: Cell) => `表${c.table} ${c.column} ${c.name}: ${JSON.stringify(c.text)}`;

describe("the 2024 department budget", () => {
  it("loads all eight indicator tables: 123 long-term and 139 annual rows", () => {
    expect(files.filter((t) => !tables.includes(t as Table)).map((t) => t.table)).toEqual(["10"]);
    expect(tables.map((t) => t.table)).toEqual(["11", "12-1", "12-2", "12-3", "12-4", "12-5", "12-6", "12-7"]);
    expect(cells.filter((c) => c.column === "long-term")).toHaveLength(123);
    expect(cells.filter((c) => c.column === "2024")).toHaveLength(139);
  });

  it("reads every 2024 and every long-term value", () => {
    const unread = parsed.filter((c) => (c.column === "2024" || c.column === "long-term") && c.p.kind === "unparsed");
    expect(unread.map(show)).toEqual([]);
  });

  it("reads every 2022 and 2023 value too", () => {
    const unread = parsed.filter((c) => (c.column === "2022" || c.column === "2023") && c.p.kind === "unparsed");
    expect(unread.map(show)).toEqual([]);
  });

  it("gives every quantitative value a finite number, rates as fractions", () => {
    for (const c of parsed.filter((x) => x.p.kind === "quantitative")) {
      expect(Number.isFinite(c.p.value), show(c)).toBe(true);
      expect(c.p.direction, show(c)).not.toBeNull();
      expect(c.p.accumulation, show(c)).not.toBeNull();
      if (c.p.unit === "%" || c.p.unit === "‰") expect(c.p.value!, show(c)).toBeLessThanOrEqual(1);
    }
  });

  it("reads exactly the 反向 rows as lower-is-better", () => {
    const lower = new Set(parsed.filter((c) => c.p.direction === "lower").map((c) => c.name));
    expect([...lower].sort()).toEqual(
      [
        "事业单位公开招聘投诉率",
        "办案人员被投诉率",
        "各类考试、评审工作责任事故发生率(考试院）",
        "学生违法犯罪率",
        "投诉、疑难问题处置回告时间（投诉咨询中心）",
        "市直机关幼儿园无安全事故发生",
        "严格预算标准",
      ].sort(),
    );
  });

  it("reads the judgement words as qualitative and nothing else", () => {
    const words = new Set(parsed.filter((c) => c.p.kind === "qualitative").map((c) => c.text));
    expect([...words].sort()).toEqual(
      ["不超预算", "及时", "显著提升", "有持续性", "有效保障", "有效推动", "有效推进", "有效提升", "有效提高", "省厅下达任务", "确保", "积极加强", "达标", "顺利推进"].sort(),
    );
  });

  it("keeps the kinds of the other rows", () => {
    const texts = (kind: string) => [...new Set(parsed.filter((c) => c.p.kind === kind).map((c) => c.text))].sort();
    expect(texts("frequency")).toEqual(["1次/年", "每年最少1次", "每月1次"]);
    expect(texts("deadline")).toEqual(["2022年12月", "2023年12月", "2024年12月", "2026年12月"]);
    expect(texts("none")).toEqual(["/"]);
  });
});

// Printings that are not the canonical display of their value, and why.
const notCanonical: Record<string, string> = {
  "98.50%": "trailing zero; shown as 98.5%",
  "10000人": "the same document prints 1万人 elsewhere",
  "10000人次": "the same document prints 1万人次 elsewhere",
  "10000人次以上": "the same document prints 1万人次 elsewhere",
  "1100余万人": "余 is a comparator, shown as 1100万人",
  "预计10人": "预计 is a comparator, shown as 10人",
  "80-90分以上": "a band, shown as its floor 80分",
};

describe("formatNumber round-trips the printed numbers", () => {
  it.each(["22万人", "98.5%", "1‰", "5500人次", "18.23万笔", "2.6万人", "1100万人", "60万元", "42学时", "2605件/套"])(
    "%s",
    (text) => {
      const p = parseTarget(text);
      expect(formatNumber(p.value!, p.unit)).toBe(text);
    },
  );

  it("for every quantitative value in the document, apart from the listed printings", () => {
    const seen = new Set<string>();
    const mismatches: string[] = [];
    for (const c of parsed) {
      if (c.p.kind !== "quantitative" || c.p.value === null || seen.has(c.text) || c.text in notCanonical) continue;
      seen.add(c.text);
      if (c.text === "无") continue;
      const core = c.text.replace(/^(≥|≧|≤)/u, "").replace(/(以上|满意)$/u, "");
      if (formatNumber(c.p.value, c.p.unit) !== core) mismatches.push(`${c.text} → ${formatNumber(c.p.value, c.p.unit)}`);
    }
    expect(mismatches).toEqual([]);
    expect(seen.size).toBeGreaterThan(100);
  });
});
