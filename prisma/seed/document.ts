// Reads and validates the transcribed 2024 document (prisma/data/2024/*.json, see FORMAT.md).
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

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

export const DATA_DIR = path.resolve(import.meta.dirname, "..", "data");

function read<T>(file: string, schema: z.ZodType<T>): T {
  const raw: unknown = JSON.parse(readFileSync(file, "utf8"));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${path.basename(file)}: ${first?.path.join(".")}: ${first?.message}`);
  }
  return parsed.data;
}

export function readDocument(year = 2024, dir = DATA_DIR): Document {
  const y = path.join(dir, String(year));
  return {
    year,
    table11: read(path.join(y, "table-11.json"), table11Schema),
    tables12: [1, 2, 3, 4, 5, 6, 7].map((n) => read(path.join(y, `table-12-${n}.json`), table12Schema)),
    table10: read(path.join(y, "table-10.json"), table10Schema),
    units: read(path.join(y, "units.json"), unitsSchema),
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
