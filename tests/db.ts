// Fresh, migrated, seeded databases for integration tests, on SQLite or PostgreSQL.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "../lib/db/migrate";

export type TestEngine = "sqlite" | "postgres";

export function testEngine(): TestEngine {
  const e = process.env.TEST_ENGINE ?? "sqlite";
  if (e !== "sqlite" && e !== "postgres") throw new Error(`TEST_ENGINE must be sqlite or postgres, not ${e}`);
  return e;
}

/** Creates an empty database and applies the migrations. Returns its URL and a way to drop it. */
export async function freshDatabase(engine: TestEngine = testEngine()): Promise<{ url: string; drop: () => Promise<void> }> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "jixiao-test-"));
    const url = `file:${path.join(dir, "test.db")}`;
    await migrate(url);
    return { url, drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) };
  }
  const admin = process.env.TEST_POSTGRES_URL;
  if (!admin) throw new Error("TEST_POSTGRES_URL is not set (scripts/pg-cluster.sh start prints one)");
  const name = `jixiao_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const url = u.toString();
  await migrate(url);
  return {
    url,
    drop: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await d.end();
    },
  };
}
