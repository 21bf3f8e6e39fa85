// `backup --out FILE` and `restore --from FILE [--force]` for the SQLite database DATABASE_URL names.
// PostgreSQL has its own tools (pg_dump / pg_restore): see docs/decisions/005-durability.md.
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { z } from "zod";
import { CliError, flags } from "./args";
import { env } from "../lib/env";
import { engineOf, sqlitePath } from "../lib/db";

const PG_MESSAGE = (verb: "backup" | "restore") =>
  `${verb}: DATABASE_URL is PostgreSQL. Use PostgreSQL's own tools, e.g.\n` +
  (verb === "backup"
    ? `  pg_dump --format=custom --file=jixiao.dump "$DATABASE_URL"\n`
    : `  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" jixiao.dump\n`) +
  `(a consistent snapshot while the app runs; see docs/decisions/005-durability.md)\n`;

/** `--force` takes no value; the other flags are `--key value`. */
function splitForce(args: string[]): { force: boolean; rest: string[] } {
  return { force: args.includes("--force"), rest: args.filter((a) => a !== "--force") };
}

function fsyncFile(file: string) {
  const fd = openSync(file, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string) {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not every platform can fsync a directory
  }
}

export type DbSummary = { bytes: number; integrity: string; migrations: number; lastMigration: string | null; reports: number; indicators: number };

/** Opens a SQLite file read-only and checks it: integrity, and that it is a Jixiao database. */
export function inspectSqlite(file: string): DbSummary {
  const bytes = statSync(file).size;
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    return { bytes, integrity: `cannot open: ${(e as Error).message}`, migrations: 0, lastMigration: null, reports: 0, indicators: 0 };
  }
  try {
    let integrity: string;
    try {
      integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
    } catch (e) {
      return { bytes, integrity: (e as Error).message, migrations: 0, lastMigration: null, reports: 0, indicators: 0 };
    }
    const has = (t: string) => !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(t);
    const count = (t: string) => (has(t) ? Number((db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n) : 0);
    const migrations = has("_jixiao_migrations") ? (db.prepare(`SELECT "name" FROM "_jixiao_migrations" ORDER BY "name"`).all() as { name: string }[]).map((r) => r.name) : [];
    return { bytes, integrity, migrations: migrations.length, lastMigration: migrations.at(-1) ?? null, reports: count("Report"), indicators: count("Indicator") };
  } finally {
    db.close();
  }
}

const describeDb = (s: DbSummary) => `${s.bytes} bytes, ${s.indicators} indicators, ${s.reports} reports, ${s.migrations} migrations (last ${s.lastMigration ?? "none"})`;

/**
 * A consistent copy of a live SQLite database: `VACUUM INTO` reads one snapshot (a single read
 * transaction; in WAL mode writers go on meanwhile) and writes a compact file. It is written
 * under a temporary name, checked, synced and only then renamed to `out`: a backup that exists
 * under its final name is complete.
 */
export function backupSqlite(source: string, out: string): DbSummary {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.partial-${process.pid}`;
  rmSync(tmp, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    db.prepare("VACUUM INTO ?").run(tmp);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    db.close();
  }
  const summary = inspectSqlite(tmp);
  if (summary.integrity !== "ok") {
    rmSync(tmp, { force: true });
    throw new Error(`the backup failed its integrity check (${summary.integrity}); nothing written`);
  }
  fsyncFile(tmp);
  renameSync(tmp, out);
  fsyncDir(path.dirname(out));
  return summary;
}

/**
 * Replaces the database at `target` with the backup `from`, after checking the backup. Refuses
 * while another process has the target open: switching it out of WAL mode needs every other
 * connection gone, and also folds its WAL into the file so nothing is left behind to be replayed
 * onto the restored copy. The replaced database is kept next to it as `<target>.before-restore-<time>`.
 */
export function restoreSqlite(from: string, target: string): { kept: string | null; summary: DbSummary } {
  mkdirSync(path.dirname(target), { recursive: true });
  let kept: string | null = null;
  if (existsSync(target)) {
    const db = new Database(target, { fileMustExist: true, timeout: 0 });
    try {
      db.pragma("journal_mode = DELETE");
    } catch (e) {
      const busy = (e as { code?: string }).code === "SQLITE_BUSY";
      throw new Error(busy ? `${target} is in use: stop the app (and any other process using it) first; nothing changed` : `cannot take over ${target}: ${(e as Error).message}; nothing changed`);
    } finally {
      db.close();
    }
    kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    renameSync(target, kept);
  }
  const tmp = `${target}.restoring-${process.pid}`;
  try {
    // Nothing of the old database's journal may meet the new file.
    for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${target}${suffix}`, { force: true });
    copyFileSync(from, tmp);
    fsyncFile(tmp);
    renameSync(tmp, target);
    fsyncDir(path.dirname(target));
  } catch (e) {
    rmSync(tmp, { force: true });
    if (kept) renameSync(kept, target); // put the old one back
    throw e;
  }
  const db = new Database(target, { fileMustExist: true });
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
  const summary = inspectSqlite(target);
  if (summary.integrity !== "ok") throw new Error(`the restored database failed its integrity check: ${summary.integrity}`);
  return { kept, summary };
}

/** `backup --out FILE [--force]` */
export function runBackup(args: string[], databaseUrl: string = env.DATABASE_URL): Promise<number> {
  return Promise.resolve().then(() => backup(args, databaseUrl));
}

function backup(args: string[], databaseUrl: string): number {
  const { force, rest } = splitForce(args);
  const opts = flags(rest, { out: z.string().min(1) });
  if (engineOf(databaseUrl) === "postgres") {
    process.stderr.write(PG_MESSAGE("backup"));
    return 2;
  }
  const source = sqlitePath(databaseUrl);
  const out = path.resolve(opts.out);
  if (out === source) throw new CliError("--out is the database itself");
  if (existsSync(out) && !force) {
    process.stderr.write(`backup: ${out} exists; refusing to overwrite it without --force\n`);
    return 1;
  }
  if (!existsSync(source)) {
    process.stderr.write(`backup: no database at ${source} (DATABASE_URL)\n`);
    return 1;
  }
  const s = backupSqlite(source, out);
  process.stdout.write(`backup: ${source} → ${out}: ${describeDb(s)}; integrity_check ok\n`);
  return 0;
}

/** `restore --from FILE [--force]`: onto the database DATABASE_URL names. */
export function runRestore(args: string[], databaseUrl: string = env.DATABASE_URL): Promise<number> {
  return Promise.resolve().then(() => restore(args, databaseUrl));
}

function restore(args: string[], databaseUrl: string): number {
  const { force, rest } = splitForce(args);
  const opts = flags(rest, { from: z.string().min(1) });
  if (engineOf(databaseUrl) === "postgres") {
    process.stderr.write(PG_MESSAGE("restore"));
    return 2;
  }
  const from = path.resolve(opts.from);
  const target = sqlitePath(databaseUrl);
  if (from === target) throw new CliError("--from is the database itself");
  if (!existsSync(from)) {
    process.stderr.write(`restore: no backup at ${from}\n`);
    return 1;
  }
  const backup = inspectSqlite(from);
  if (backup.integrity !== "ok") {
    process.stderr.write(`restore: ${from} fails the integrity check (${backup.integrity}); nothing changed\n`);
    return 1;
  }
  if (backup.migrations === 0) {
    process.stderr.write(`restore: ${from} is not a Jixiao database (no _jixiao_migrations table); nothing changed\n`);
    return 1;
  }
  const plan = existsSync(target)
    ? `restore: will replace ${target} (${statSync(target).size} bytes) with ${from} (${describeDb(backup)}); the current file is kept as ${target}.before-restore-<time>\n`
    : `restore: will create ${target} from ${from} (${describeDb(backup)})\n`;
  process.stdout.write(plan);
  if (existsSync(target) && !force) {
    process.stderr.write(`restore: ${target} exists; stop the app, then run again with --force to replace it\n`);
    return 1;
  }
  try {
    const { kept, summary } = restoreSqlite(from, target);
    process.stdout.write(`restore: done: ${target}: ${describeDb(summary)}; integrity_check ok${kept ? `; previous database kept as ${kept}` : ""}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`restore: ${(e as Error).message}\n`);
    return 1;
  }
}
