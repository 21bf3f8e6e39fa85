import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { groupCommitter } from "./group-commit";

// Real SQLite, two connections to one WAL file: the writer's, and a reader that sees only what
// is committed.
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(opts: { failCommit?: boolean } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jixiao-gc-"));
  dirs.push(dir);
  const file = path.join(dir, "t.db");
  const db = new Database(file);
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE r (k TEXT PRIMARY KEY, v INTEGER NOT NULL)");
  const reader = new Database(file, { readonly: true });
  const commits: number[] = [];
  const gc = groupCommitter<Database.Database>({
    transaction: async (body) => {
      db.exec("BEGIN IMMEDIATE");
      try {
        await body(db);
        if (opts.failCommit) throw new Error("disk full");
        db.exec("COMMIT");
        commits.push(Date.now());
      } catch (e) {
        db.exec("ROLLBACK");
        throw e;
      }
    },
    savepoint: (tx, step) => tx.exec(step === "begin" ? "SAVEPOINT u" : step === "release" ? "RELEASE u" : "ROLLBACK TO u; RELEASE u"),
  });
  const insert = (k: string, v: number) => (tx: Database.Database) => {
    tx.prepare("INSERT INTO r (k, v) VALUES (?, ?)").run(k, v);
    return Promise.resolve(k);
  };
  const stored = () => reader.prepare("SELECT k, v FROM r ORDER BY k").all();
  return { gc, insert, stored, commits };
}

describe("group commit", () => {
  it("writes the units waiting together in one transaction; a failing unit is rolled back alone and gets its own error", async () => {
    const { gc, insert, stored, commits } = setup();
    const results = await Promise.allSettled([
      gc.submit(insert("a", 1)),
      gc.submit(async (tx) => {
        await insert("b", 2)(tx); // written, then the unit fails: its savepoint is rolled back
        throw new Error("behind plan: give a reason");
      }),
      gc.submit(insert("a", 3)), // unique index: a conflict, for this unit only
      gc.submit(insert("c", 4)),
    ]);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual([
      "a",
      "behind plan: give a reason",
      "UNIQUE constraint failed: r.k",
      "c",
    ]);
    expect(stored()).toEqual([{ k: "a", v: 1 }, { k: "c", v: 4 }]);
    expect(commits).toHaveLength(1);
    expect(gc.stats()).toEqual({ batches: 1, units: 4, waiting: 0 });
  });

  it("answers a unit only after its commit, and units arriving during a batch go into the next one", async () => {
    const { gc, insert, stored } = setup();
    let seenInside: unknown[] = [];
    const late: Promise<string>[] = [];
    const first = gc.submit(async (tx) => {
      await insert("x", 1)(tx);
      seenInside = stored(); // another connection: not committed yet
      late.push(gc.submit(insert("y", 2))); // arrives while this batch is being written
      return "x";
    });
    expect(await first).toBe("x");
    expect(seenInside).toEqual([]);
    expect(stored()).toEqual([{ k: "x", v: 1 }]);
    expect(await late[0]).toBe("y");
    expect(stored()).toEqual([{ k: "x", v: 1 }, { k: "y", v: 2 }]);
    expect(gc.stats().batches).toBe(2);
  });

  it("rejects every unit of a batch whose commit fails, and stores none of them", async () => {
    const { gc, insert, stored } = setup({ failCommit: true });
    const results = await Promise.allSettled([gc.submit(insert("a", 1)), gc.submit(insert("b", 2))]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(results.map((r) => ((r as PromiseRejectedResult).reason as Error).message)).toEqual(["disk full", "disk full"]);
    expect(stored()).toEqual([]);
  });
});
