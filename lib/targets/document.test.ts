// Every 2024 and long-term value printed in the document parses to something other than "unparsed".
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTarget } from "./parse";

type Row = { name: string; value?: string; values?: Record<string, string | null> };
const dir = path.resolve(import.meta.dirname, "../../prisma/data/2024");
const rows: (Row & { table: string })[] = [];
for (const f of readdirSync(dir).filter((f) => /^table-1[12].*\.json$/.test(f))) {
  const doc = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { table: string; long_term: unknown; annual: unknown };
  for (const part of [doc.long_term, doc.annual]) {
    const goals = (Array.isArray(part) ? part : [part]) as { rows: Row[] }[];
    for (const g of goals) for (const r of g.rows) rows.push({ ...r, table: doc.table });
  }
}

describe("the document's own target strings", () => {
  it("finds all 262 rows", () => expect(rows).toHaveLength(262));

  it("parses every 2024 value and every long-term value", () => {
    const unparsed = rows
      .map((r) => ({ r, text: r.values ? (r.values["2024"] as string) : (r.value as string) }))
      .filter(({ r, text }) => parseTarget(text, r.name).kind === "unparsed")
      .map(({ r, text }) => `${r.table} ${r.name}: ${text}`);
    expect(unparsed).toEqual([]);
  });

  it("parses the printed 2022 and 2023 values too", () => {
    const unparsed = rows.flatMap((r) =>
      (["2022", "2023"] as const)
        .map((y) => r.values?.[y])
        .filter((v): v is string => v != null && parseTarget(v, r.name).kind === "unparsed"),
    );
    expect(unparsed).toEqual([]);
  });
});
