// The Prisma client for the configured engine. A generated client is bound to its provider, so
// both are generated (scripts/prisma-generate.mjs) and the one matching DATABASE_URL is used.
// Both have the same model API; the SQLite client's type stands for both.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { env } from "../env";
import { engineOf, sqlitePath } from "./engine";

export type Db = SqliteClient;

/**
 * Pragmas for every SQLite connection the app opens (docs/decisions/005-durability.md): WAL, so
 * readers never block the writer and a killed process loses nothing it acknowledged; and
 * synchronous=FULL, so a commit is on disk (the WAL is fsynced) before the response goes out, which
 * also holds through a power cut. better-sqlite3 is built with WAL's default at NORMAL, which can
 * lose the last acknowledged commits on an OS crash: set here, never left to the build.
 *
 * And `optimize=0x10002` (SQLite's advice for long-lived connections): statistics for tables
 * that lack them, bounded by analysis_limit. Without them the planner reads a department's 表11
 * rows through the city-wide (year, table) index instead of through the department's goals:
 * 47 ms instead of 0.1 ms at city scale (docs/benchmarks.md).
 */
export const SQLITE_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA analysis_limit = 400; PRAGMA optimize = 0x10002;";

class DurableSqlite extends PrismaBetterSqlite3 {
  /** The adapter's one better-sqlite3 connection, once Prisma has opened it (lib/db/writer.ts). */
  connection: Database.Database | null = null;
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    // The adapter keeps its connection in a public field its type does not declare.
    this.connection = (adapter as unknown as { client: Database.Database }).client;
    if (process.env.JIXIAO_SQL_STATS) countStatements(this.connection);
    return adapter;
  }
}

/** Diagnostics (JIXIAO_SQL_STATS=1, or a period in ms): every 5 s, the statements prepared on this connection since the last line, by text. */
function countStatements(conn: Database.Database) {
  const counts = new Map<string, number>();
  const prepare = conn.prepare.bind(conn);
  conn.prepare = (sql: string) => {
    const k = sql.replace(/\s+/g, " ").slice(0, 90);
    counts.set(k, (counts.get(k) ?? 0) + 1);
    return prepare(sql);
  };
  setInterval(() => {
    if (!counts.size) return;
    console.log(`[sql] ${JSON.stringify(Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]).slice(0, 12)))}`);
    counts.clear();
  }, statsPeriod()).unref();
}

/** JIXIAO_SQL_STATS: "1" for a line every 5 s, or the period in ms (the system tests' check of group commit). */
export function statsPeriod(): number {
  const v = Number(process.env.JIXIAO_SQL_STATS);
  return v > 1 ? v : 5000;
}

export function createPrisma(url: string = env.DATABASE_URL): Db {
  if (engineOf(url) === "sqlite") {
    const file = sqlitePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    const adapter = new DurableSqlite({ url: file });
    const client = new SqliteClient({ adapter });
    sqliteAdapters.set(client, adapter);
    return client;
  }
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
}

/**
 * Which clients are SQLite ones, and their adapters. On the global object, like the client itself:
 * Next bundles this module into several chunks (the proxy's, each route's), each with its own
 * module scope, while `prisma` below is one per process; a module-level map would know only the
 * client its own chunk created, and the others would silently lose the hot path and group commit.
 */
const sqliteAdapters: WeakMap<object, DurableSqlite> = ((globalThis as unknown as { jixiaoSqliteAdapters?: WeakMap<object, DurableSqlite> }).jixiaoSqliteAdapters ??= new WeakMap());

/**
 * The better-sqlite3 connection under a SQLite client (null on PostgreSQL, or before the client's
 * first query opened it). Statements run on it directly share the connection, and so the open
 * transaction, with Prisma: lib/db/writer.ts uses it for the write path's hot statements.
 */
export function sqliteConnection(db: Db): Database.Database | null {
  return sqliteAdapters.get(db)?.connection ?? null;
}

export function isSqlite(db: Db): boolean {
  return sqliteAdapters.has(db);
}

const globalForPrisma = globalThis as unknown as { jixiaoPrisma?: Db };

/** One client per process (Next's dev server reloads modules; keep the pool). */
export const prisma: Db = (globalForPrisma.jixiaoPrisma ??= createPrisma());
