// Reads and validates the 2024 document: the hand transcription (prisma/data/2024/*.json, see
// FORMAT.md) or the extractor's reading of the published text (prisma/data/source), which agree exactly.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { extractBudget } from "../../lib/onboard";

const str = z.string();
const opt = z.string().nullable();

// The year columns (前年 / 上年 / 当年) follow the document's year: { "2022", "2023", "2024" } in 2024.
const annualRow = z.object({
  level1: str,
  level2: str,
  name: str,
  values: z.record(z.string().regex(/^\d{4}$/), opt),
  basis: opt,
});
const longRow = z.object({ level1: str, level2: str, name: str, value: str, basis: opt });

export const table11Schema = z.object({
  table: z.literal("11"),
  department: z.object({
    name: str,
    filler: opt.optional(),
    phone: opt.optional(),
    funds: z.array(z.record(z.string(), z.unknown())),
    overview: opt.optional(),
    tasks: opt.optional(),
    projects: z.array(z.record(z.string(), z.unknown())),
  }),
  long_term: z.array(z.object({ goal_no: z.number().int(), goal: str, rows: z.array(longRow) })),
  annual: z.array(z.object({ goal_no: z.number().int(), goal: str, rows: z.array(annualRow) })),
});

export const table12Schema = z.object({
  table: z.string().regex(/^12-\d+$/),
  project: z
    .object({
      name: str,
      executing_unit: opt,
      total_budget: opt,
      current_budget: opt,
      budget_history: opt.optional(),
      fund_sources: z.array(z.object({ name: str, amount: opt })),
    })
    .passthrough(),
  long_term: z.object({ goal: opt, rows: z.array(longRow) }),
  annual: z.object({ goal: opt, rows: z.array(annualRow) }),
});

const amounts = z.record(z.string(), opt);
export const table10Schema = z.object({
  table: z.literal("10"),
  total: amounts.optional(), // the department's row
  projects: z.array(
    z.object({
      code: str,
      name: str,
      amounts,
      children: z.array(z.object({ code: str, name: str, unit: str, amounts })),
    }),
  ),
});
export const unitsSchema = z.array(z.object({ code: z.string().regex(/^\d{3,}$/), name: str }));
export const organizationsSchema = z.object({
  department: z.object({ code: str, name: str, shortName: str }),
  divisions: z.array(str),
  unitShortNames: z.record(z.string(), str),
  aliases: z.array(z.object({ alias: str, to: z.array(str).min(1) })),
});

export type Table11 = z.infer<typeof table11Schema>;
export type Table12 = z.infer<typeof table12Schema>;
export type Table10 = z.infer<typeof table10Schema>;
export type AnnualRow = z.infer<typeof annualRow>;
export type LongRow = z.infer<typeof longRow>;

export type Document = {
  year: number;
  table11: Table11;
  tables12: Table12[];
  table10: Table10;
  units: z.infer<typeof unitsSchema>;
  organizations: z.infer<typeof organizationsSchema>;
};

// Bundled into the Next server (the onboarding page reads the office registry), a module has no
// import.meta.dirname: the app runs from the project's root.
export const DATA_DIR = path.resolve(import.meta.dirname ?? path.join(process.cwd(), "prisma", "seed"), "..", "data");

function check<T>(name: string, raw: unknown, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${name}: ${first?.path.join(".")}: ${first?.message}`);
  }
  return parsed.data;
}
const read = <T>(file: string, schema: z.ZodType<T>): T => check(path.basename(file), JSON.parse(readFileSync(file, "utf8")), schema);

/** The hand transcription (prisma/data/<year>/*.json): every table-12-N.json there, in N order. */
export function readDocument(year = 2024, dir = DATA_DIR): Document {
  const y = path.join(dir, String(year));
  const n12 = readdirSync(y)
    .flatMap((f) => /^table-12-(\d+)\.json$/.exec(f)?.[1] ?? [])
    .map(Number)
    .sort((a, b) => a - b);
  return {
    year,
    table11: read(path.join(y, "table-11.json"), table11Schema),
    tables12: n12.map((n) => read(path.join(y, `table-12-${n}.json`), table12Schema)),
    table10: read(path.join(y, "table-10.json"), table10Schema),
    units: read(path.join(y, "units.json"), unitsSchema),
    organizations: read(path.join(dir, "organizations.json"), organizationsSchema),
  };
}

export const SOURCE_DIR = path.join(DATA_DIR, "source");

/**
 * The same document read by the extractor from the published text (prisma/data/source/*.txt whose
 * name holds the year), checked by the same schemas. Refuses a text the extractor reports problems in:
 * a seed must not load a partly read document.
 */
export function extractDocument(year = 2024, dir = DATA_DIR): Document {
  const src = path.join(dir, "source");
  const file = readdirSync(src).find((f) => f.endsWith(".txt") && f.includes(String(year)));
  if (!file) throw new Error(`no source text for ${year} in ${src}`);
  const x = extractBudget(readFileSync(path.join(src, file), "utf8"));
  const first = x.problems[0];
  if (first) throw new Error(`${file}:${first.line}: ${first.message.en}${first.text ? ` (${first.text})` : ""}`);
  if (x.year !== year) throw new Error(`${file}: the document's year is ${x.year}, not ${year}`);
  const d = x.document;
  return {
    year,
    table11: check(`${file} 表11`, d.table11, table11Schema),
    tables12: d.tables12.map((t) => check(`${file} 表${t.table}`, t, table12Schema)),
    table10: check(`${file} 表10`, d.table10, table10Schema),
    units: check(`${file} units`, d.units, unitsSchema),
    organizations: read(path.join(dir, "organizations.json"), organizationsSchema),
  };
}

/** 万元 printed ("2,722.43") → integer yuan; null for an empty cell. */
export function wanToYuan(printed: string | null | undefined): number | null {
  if (printed == null || printed.trim() === "") return null;
  const n = Number(printed.replace(/,/g, ""));
  if (!Number.isFinite(n)) throw new Error(`not an amount: ${printed}`);
  return Math.round(n * 10000);
}
