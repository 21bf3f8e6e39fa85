import "server-only";
import { prisma } from "../db/prisma";
import { Prisma } from "../db/generated/sqlite/client";
import type { WindowStore } from "./guards";

// The API rate limit's counts shared by every instance (lib/api/guards.ts, docs/decisions/012):
// one upsert per batch, atomic on SQLite and PostgreSQL alike. A key's row holds its current
// window; a newer window starts the count afresh, a batch for an older one changes nothing.
// On PostgreSQL the table is UNLOGGED: counts are not worth a WAL write.

const CHUNK = 300; // 3 binds a row, under SQLite's 999
let swept = 0;

export const dbWindowStore: WindowStore = async (batch) => {
  const out: { key: string; window: number; count: number }[] = [];
  for (let i = 0; i < batch.length; i += CHUNK) {
    const values = Prisma.join(batch.slice(i, i + CHUNK).map((b) => Prisma.sql`(${b.key}, ${b.window}, ${b.add})`));
    const rows = await prisma.$queryRaw<{ key: string; window: number | bigint; count: number | bigint }[]>`
      INSERT INTO "RateWindow" ("key", "window", "count") VALUES ${values}
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateWindow"."window" = excluded."window" THEN "RateWindow"."count" + excluded."count" ELSE excluded."count" END,
        "window" = excluded."window"
      WHERE excluded."window" >= "RateWindow"."window"
      RETURNING "key", "window", "count"`;
    for (const r of rows) out.push({ key: r.key, window: Number(r.window), count: Number(r.count) });
  }
  // Keys whose window has passed, once a minute from each instance.
  if (Date.now() - swept > 60_000 && batch.length) {
    swept = Date.now();
    const current = Math.min(...batch.map((b) => b.window));
    await prisma.$executeRaw`DELETE FROM "RateWindow" WHERE "window" < ${current - 1}`;
  }
  return out;
};
