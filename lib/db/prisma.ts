// The Prisma client for the configured engine. A generated client is bound to its provider, so
// both are generated (scripts/prisma-generate.mjs) and the one matching DATABASE_URL is used.
// Both have the same model API; the SQLite client's type stands for both.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { env } from "../env";
import { engineOf, sqlitePath } from "./engine";

export type Db = SqliteClient;

export function createPrisma(url: string = env.DATABASE_URL): Db {
  if (engineOf(url) === "sqlite") {
    const file = sqlitePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: file }) });
  }
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
}

const globalForPrisma = globalThis as unknown as { jixiaoPrisma?: Db };

/** One client per process (Next's dev server reloads modules; keep the pool). */
export const prisma: Db = (globalForPrisma.jixiaoPrisma ??= createPrisma());
