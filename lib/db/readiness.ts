// Is DATABASE_URL's database set up (every migration applied, the data loaded)? Asked by the CLI
// before a command that reads or writes data, so a fresh clone gets "run npm run db:setup" instead
// of a raw Prisma error. It only looks: a SQLite file is opened read-only and never created.
import { existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { engineOf, sqlitePath } from "./engine";
import { migrationFiles } from "./migrate";

/** Where the database is, for a message: the SQLite file, or PostgreSQL's host and name without credentials. */
export function describeDatabase(url: string): string {
  if (engineOf(url) === "sqlite") {
    const rel = path.relative(process.cwd(), sqlitePath(url));
    return rel.startsWith("..") || path.isAbsolute(rel) ? sqlitePath(url) : rel;
  }
  const u = new URL(url);
  return `postgresql://${u.host}${u.pathname}`;
}

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** Runs `look` on a read-only view of the database, or answers "no database" when there is none. */
async function lookInto<T>(url: string, look: (q: Query) => Promise<T>): Promise<T | "no database"> {
  if (engineOf(url) === "sqlite") {
    const file = sqlitePath(url);
    if (!existsSync(file)) return "no database";
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      // (a promise even when prepare throws on a missing table, as PostgreSQL's query rejects)
      return await look((sql) => new Promise((resolve) => resolve(db.prepare(sql).all() as Record<string, unknown>[])));
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    if ((e as { code?: string }).code === "3D000") return "no database"; // invalid_catalog_name
    throw e;
  }
  try {
    return await look(async (sql) => (await client.query(sql)).rows as Record<string, unknown>[]);
  } finally {
    await client.end();
  }
}

/**
 * null when every migration is applied and (unless `data` is false: commands that add the first
 * department or finance account) a department is loaded; otherwise what is missing, in a few words.
 */
export async function databaseNotReady(url: string, { data = true, root = process.cwd() } = {}): Promise<string | null> {
  const files = migrationFiles(path.join(root, "prisma", "migrations", engineOf(url)));
  const found = await lookInto(url, async (q) => {
    const applied = await q(`SELECT "name" FROM "_jixiao_migrations"`).then(
      (rows) => new Set(rows.map((r) => String(r.name))),
      () => null, // no such table
    );
    if (!applied || applied.size === 0) return "it has no tables";
    const pending = files.filter((f) => !applied.has(f.name));
    if (pending.length) return `${pending.length} migration(s) not applied, from ${pending[0].name}`;
    if (!data) return null;
    const [{ n }] = await q(`SELECT COUNT(*) AS n FROM "Department"`);
    return Number(n) === 0 ? "it holds no department" : null;
  });
  return found === "no database" ? "it does not exist" : found;
}
