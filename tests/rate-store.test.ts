// The API rate limit's shared counts in the database (lib/api/rate-store.ts): the upsert adds to
// a key's window, starts a newer window afresh and ignores an older one; two limiters on it (two
// instances) admit the limit between them. On SQLite and PostgreSQL like the rest.
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "../lib/db/prisma";
import { dbWindowStore } from "../lib/api/rate-store";
import { sharedWindowLimiter } from "../lib/api/guards";

afterAll(async () => {
  await prisma.rateWindow.deleteMany({ where: { key: { startsWith: "test:" } } });
});

describe("the rate limit's store", () => {
  it("adds, starts a newer window afresh, ignores an older one, many keys in one statement", async () => {
    const w = Math.floor(Date.now() / 60_000);
    expect(await dbWindowStore([{ key: "test:a", window: w, add: 2 }])).toEqual([{ key: "test:a", window: w, count: 2 }]);
    expect(await dbWindowStore([{ key: "test:a", window: w, add: 3 }, { key: "test:b", window: w, add: 1 }])).toEqual([
      { key: "test:a", window: w, count: 5 },
      { key: "test:b", window: w, count: 1 },
    ]);
    expect(await dbWindowStore([{ key: "test:a", window: w + 1, add: 1 }])).toEqual([{ key: "test:a", window: w + 1, count: 1 }]);
    expect(await dbWindowStore([{ key: "test:a", window: w, add: 7 }])).toEqual([]);
    expect(await prisma.rateWindow.findUnique({ where: { key: "test:a" } })).toEqual({ key: "test:a", window: w + 1, count: 1 });
  });

  it("two limiters on it admit the limit between them, concurrently", async () => {
    const a = sharedWindowLimiter({ limit: 40, windowMs: 60_000, store: dbWindowStore, syncMs: 10 });
    const b = sharedWindowLimiter({ limit: 40, windowMs: 60_000, store: dbWindowStore, syncMs: 10 });
    // Fixed one-minute windows: keep the burst inside one (it takes milliseconds).
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 5_000) await new Promise((r) => setTimeout(r, left + 100));
    const hits = await Promise.all(Array.from({ length: 100 }, (_, i) => [a, b][i % 2].hit("test:shared")));
    await Promise.all([a.flush(), b.flush()]);
    const admitted = hits.filter((h) => h.ok).length;
    // Each admits its first 20 without asking (below half); past that the store's total decides.
    expect(admitted).toBeGreaterThanOrEqual(40);
    expect(admitted).toBeLessThanOrEqual(40 + 20);
    const refused = hits.find((h) => !h.ok);
    expect(refused).toMatchObject({ ok: false });
  });
});
