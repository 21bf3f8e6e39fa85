// Generates the Prisma client for both engines from the one schema (prisma/schema.prisma, SQLite).
// The PostgreSQL schema is a copy with only the provider changed (Prisma cannot take the provider
// from env, see docs/decisions/001-database-engines.md). `prisma generate` checks that a schema
// engine binary exists but does not run it, so any existing file satisfies it offline.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
if (!existsSync(cli)) {
  console.error("prisma-generate: the prisma CLI is not installed yet (npm install installs it)");
  process.exit(1);
}
const sqliteSchema = path.join(root, "prisma", "schema.prisma");
const pgSchema = path.join(root, "prisma", "postgres", "schema.prisma");
const source = readFileSync(sqliteSchema, "utf8");
const pg = source
  .replace('provider = "sqlite"', 'provider = "postgresql"')
  .replace(/output\s*=\s*"\.\.\/lib\/db\/generated\/sqlite"/, 'output = "../../lib/db/generated/postgres"');
if (!pg.includes('provider = "postgresql"') || !pg.includes("generated/postgres")) throw new Error("prisma-generate: could not derive the PostgreSQL schema");
const header = "// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs: do not edit.\n";
mkdirSync(path.dirname(pgSchema), { recursive: true });
writeFileSync(pgSchema, header + pg);

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
for (const schema of [sqliteSchema, pgSchema]) {
  execFileSync(process.execPath, [cli, "generate", "--schema", schema], { cwd: root, env, stdio: "inherit" });
}
