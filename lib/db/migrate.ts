// Applies prisma/migrations/<engine>/*.sql in order, each in its own transaction, and records
// them in "_jixiao_migrations" with a checksum. Why not `prisma migrate deploy`: see
// docs/decisions/001-database-engines.md (the schema engine binary cannot be downloaded here).
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { engineOf, sqlitePath } from "./engine";

export type MigrationResult = { applied: string[]; skipped: string[] };

const TABLE = `CREATE TABLE IF NOT EXISTS "_jixiao_migrations" (
  "name" TEXT NOT NULL PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`;

export function migrationFiles(dir: string) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function plan(files: ReturnType<typeof migrationFiles>, done: Map<string, string>) {
  for (const [name, checksum] of done) {
    const file = files.find((f) => f.name === name);
    if (!file) throw new Error(`migration ${name} was applied but its file is missing`);
    if (file.checksum !== checksum)
      throw new Error(`migration ${name} changed after it was applied: add a new migration instead`);
  }
  return files.filter((f) => !done.has(f.name));
}

export async function migrate(url: string, root = process.cwd()): Promise<MigrationResult> {
  const engine = engineOf(url);
  const files = migrationFiles(path.join(root, "prisma", "migrations", engine));
  const now = new Date().toISOString();
  if (engine === "sqlite") {
    const file = sqlitePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    try {
      db.pragma("journal_mode = WAL");
      db.exec(TABLE);
      const rows = db.prepare(`SELECT "name", "checksum" FROM "_jixiao_migrations"`).all() as {
        name: string;
        checksum: string;
      }[];
      const todo = plan(files, new Map(rows.map((r) => [r.name, r.checksum])));
      for (const m of todo) {
        db.transaction(() => {
          db.exec(m.sql);
          db.prepare(`INSERT INTO "_jixiao_migrations" VALUES (?, ?, ?)`).run(m.name, m.checksum, now);
        })();
      }
      return { applied: todo.map((m) => m.name), skipped: rows.map((r) => r.name) };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One migrator at a time across app instances.
    await client.query("SELECT pg_advisory_lock(72010)");
    await client.query(TABLE);
    const { rows } = await client.query<{ name: string; checksum: string }>(
      `SELECT "name", "checksum" FROM "_jixiao_migrations"`,
    );
    const todo = plan(files, new Map(rows.map((r) => [r.name, r.checksum])));
    for (const m of todo) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "_jixiao_migrations" VALUES ($1, $2, $3)`, [m.name, m.checksum, now]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(e as Error).message}`);
      }
    }
    return { applied: todo.map((m) => m.name), skipped: rows.map((r) => r.name) };
  } finally {
    await client.query("SELECT pg_advisory_unlock(72010)").catch(() => undefined);
    await client.end();
  }
}
