// The hand-written migrations must create exactly the tables and columns the Prisma schema has.
import { describe, expect, it } from "vitest";
import { Prisma } from "../lib/db/generated/sqlite/client";
import { createPrisma } from "../lib/db/prisma";
import { engineOf } from "../lib/db/engine";
import { migrate } from "../lib/db/migrate";

describe(`migrations match prisma/schema.prisma (${engineOf(process.env.DATABASE_URL ?? "file:")})`, () => {
  it("has every model's table with exactly its scalar columns", async () => {
    const url = process.env.DATABASE_URL as string;
    const db = createPrisma(url);
    try {
      const columnsOf = async (table: string): Promise<string[]> => {
        if (engineOf(url) === "sqlite") {
          const rows = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info('${table}')`);
          return rows.map((r) => r.name);
        }
        const rows = await db.$queryRawUnsafe<{ column_name: string }[]>(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
          table,
        );
        return rows.map((r) => r.column_name);
      };
      const enums = Prisma as unknown as Record<string, Record<string, string>>;
      for (const model of Object.values(Prisma.ModelName)) {
        const expected = Object.values(enums[`${model}ScalarFieldEnum`]).sort();
        expect({ model, columns: (await columnsOf(model)).sort() }).toEqual({ model, columns: expected });
      }
    } finally {
      await db.$disconnect();
    }
  });

  it("re-running the migrations applies nothing", async () => {
    const r = await migrate(process.env.DATABASE_URL as string);
    expect(r.applied).toEqual([]);
    expect(r.skipped).toContain("0001_init.sql");
  });
});
