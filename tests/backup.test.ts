// `backup` and `restore` (cli/backup.ts) on a live SQLite database: a backup taken while another
// process keeps inserting reports is whole (integrity_check) and holds a consistent prefix of the
// writes; restore checks before it replaces, refuses without --force or while the file is in use,
// and brings back a database the app opens. On PostgreSQL both point at pg_dump / pg_restore.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runBackup, runRestore } from "../cli/backup";
import { createPrisma } from "../lib/db/prisma";
import { seedDatabase } from "../prisma/seed/load";
import { freshDatabase, testEngine } from "./db";

const root = path.resolve(import.meta.dirname, "..");

/** Runs a CLI function, capturing what it prints. */
async function capture(run: () => Promise<number>) {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((c) => ((stdout += String(c)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((c) => ((stderr += String(c)), true));
  try {
    return { code: await run(), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

function count(file: string, sql: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return Number((db.prepare(sql).get() as { n: number }).n);
  } finally {
    db.close();
  }
}
const writerRows = (file: string) => count(file, `SELECT COUNT(*) AS n FROM "Report" WHERE "valueText" LIKE 'v%'`);

describe("backup and restore on PostgreSQL", () => {
  it("point at pg_dump / pg_restore and exit 2", async () => {
    const url = "postgresql://postgres@127.0.0.1:1/none";
    const b = await capture(() => runBackup(["--out", "/tmp/never.dump"], url));
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/pg_dump/);
    const r = await capture(() => runRestore(["--from", "/tmp/never.dump"], url));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pg_restore/);
  });
});

// SQLite only: on PostgreSQL, pg_dump is the tool (above). Registered only on the SQLite run.
if (testEngine() === "sqlite") describe("backup and restore of a live SQLite database", () => {
  let dir: string;
  let url: string;
  let source: string;
  let drop: () => Promise<void>;
  const backups: { file: string; before: number; after: number }[] = [];

  beforeAll(async () => {
    const fresh = await freshDatabase("sqlite");
    url = fresh.url;
    drop = fresh.drop;
    source = url.slice("file:".length);
    const db = createPrisma(url);
    await seedDatabase(db);
    await db.$disconnect();
    dir = mkdtempSync(path.join(tmpdir(), "jixiao-backup-"));

    // Another process inserts reports, one transaction each, all through the backups.
    const writer: ChildProcess = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "tests/backup-writer.ts", url], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: "backup-test-secret-0123456789" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    writer.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    writer.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => writer.once("exit", (code) => resolve(code)));
    try {
      const deadline = Date.now() + 30_000;
      while (writerRows(source) < 50) {
        if (writer.exitCode !== null || Date.now() > deadline) throw new Error(`the writer did not get going:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      for (let i = 1; i <= 3; i++) {
        const file = path.join(dir, `backup-${i}.db`);
        const before = writerRows(source);
        const r = await capture(() => runBackup(["--out", file], url));
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toMatch(/integrity_check ok/);
        backups.push({ file, before, after: writerRows(source) });
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      writer.stdin!.end(); // the writer finishes its transaction and stops
      expect(await exited, out).toBe(0);
    }
    expect(out).toMatch(/done \d+/);
  }, 120_000);

  afterAll(async () => {
    await drop?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("the writes went on while the backups were taken", () => {
    const last = backups.at(-1)!;
    expect(writerRows(source)).toBeGreaterThan(last.after);
    // At least one backup ran while rows were being committed beside it.
    expect(backups.some((b) => b.after > b.before), JSON.stringify(backups.map(({ before, after }) => [before, after]))).toBe(true);
    // No temporary file is left behind; only the three backups.
    expect(readdirSync(dir).sort()).toEqual(["backup-1.db", "backup-2.db", "backup-3.db"]);
  });

  it("each backup passes integrity_check and holds a consistent prefix of the writes", () => {
    let previous = 0;
    for (const b of backups) {
      const db = new Database(b.file, { readonly: true });
      try {
        expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
        const rows = db.prepare(`SELECT "id", "revision", "valueText", "value", "note" FROM "Report" WHERE "valueText" LIKE 'v%' ORDER BY "revision"`).all() as { id: number; revision: number; valueText: string; value: number; note: string }[];
        // The snapshot was taken between the counts before and after the backup call.
        expect(rows.length).toBeGreaterThanOrEqual(b.before);
        expect(rows.length).toBeLessThanOrEqual(b.after);
        expect(rows.length).toBeGreaterThanOrEqual(previous);
        previous = rows.length;
        // Writes 1..k, no gap; every row whole; every row's audit row there and no other.
        expect(rows.map((r) => r.revision)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
        for (const r of rows) expect(r).toMatchObject({ valueText: `v${r.revision}`, value: r.revision, note: `note ${r.revision}` });
        const audits = db.prepare(`SELECT "entityId", "after" FROM "AuditLog" WHERE "action" = 'backup-test.write'`).all() as { entityId: string; after: string }[];
        expect(audits.map((a) => Number(a.entityId)).sort((x, y) => x - y)).toEqual(rows.map((r) => r.id).sort((x, y) => x - y));
        // The catalogue came along whole.
        expect(Number((db.prepare(`SELECT COUNT(*) AS n FROM "Indicator"`).get() as { n: number }).n)).toBe(262);
      } finally {
        db.close();
      }
    }
  });

  it("the app's SQLite connections run in WAL mode with synchronous=FULL (docs/decisions/005-durability.md)", async () => {
    const db = createPrisma(url);
    try {
      const mode = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      const sync = await db.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
      expect(mode[0].journal_mode).toBe("wal");
      expect(Number(sync[0].synchronous)).toBe(2); // FULL
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses to overwrite an existing backup file without --force", async () => {
    const r = await capture(() => runBackup(["--out", backups[0].file], url));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--force/);
  });

  it("restores into a new path; the app's client opens it", async () => {
    const target = path.join(dir, "restored", "jixiao.db");
    const r = await capture(() => runRestore(["--from", backups[0].file], `file:${target}`));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/will create/);
    const db = createPrisma(`file:${target}`);
    try {
      expect(await db.indicator.count()).toBe(262);
      expect(await db.report.count({ where: { valueText: { startsWith: "v" } } })).toBe(count(backups[0].file, `SELECT COUNT(*) AS n FROM "Report" WHERE "valueText" LIKE 'v%'`));
      expect(await db.user.findUnique({ where: { username: "jiangan" } })).not.toBeNull();
      const mode = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      expect(mode[0].journal_mode).toBe("wal");
    } finally {
      await db.$disconnect();
    }
  });

  it("over an existing database: says what it will do, refuses without --force, refuses while in use, then replaces and keeps the old one", async () => {
    const target = path.join(dir, "live", "jixiao.db");
    expect((await capture(() => runRestore(["--from", backups[0].file], `file:${target}`))).code).toBe(0);
    const before = writerRows(target);

    const refused = await capture(() => runRestore(["--from", backups[2].file], `file:${target}`));
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/will replace .*jixiao\.db/);
    expect(refused.stderr).toMatch(/--force/);
    expect(writerRows(target)).toBe(before);

    // An app holding the database open (WAL): the restore must not pull it from under it.
    const app = new Database(target);
    app.pragma("journal_mode = WAL");
    app.prepare(`SELECT COUNT(*) FROM "Report"`).get();
    try {
      const busy = await capture(() => runRestore(["--from", backups[2].file, "--force"], `file:${target}`));
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/in use/);
    } finally {
      app.close();
    }
    expect(writerRows(target)).toBe(before);

    const done = await capture(() => runRestore(["--from", backups[2].file, "--force"], `file:${target}`));
    expect(done.code, done.stderr).toBe(0);
    expect(writerRows(target)).toBe(writerRows(backups[2].file));
    const kept = readdirSync(path.dirname(target)).filter((f) => f.includes(".before-restore-"));
    expect(kept).toHaveLength(1);
    expect(writerRows(path.join(path.dirname(target), kept[0]))).toBe(before);
    expect(existsSync(`${target}-wal`) && readFileSync(`${target}-wal`).byteLength > 0).toBe(false);
  });

  it("refuses a damaged or foreign backup and changes nothing", async () => {
    const target = path.join(dir, "safe", "jixiao.db");
    expect((await capture(() => runRestore(["--from", backups[0].file], `file:${target}`))).code).toBe(0);
    const before = writerRows(target);

    const half = path.join(dir, "half.db");
    const bytes = readFileSync(backups[0].file);
    writeFileSync(half, bytes.subarray(0, Math.floor(bytes.byteLength / 2)));
    const truncated = await capture(() => runRestore(["--from", half, "--force"], `file:${target}`));
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(/integrity/);

    const garbage = path.join(dir, "garbage.db");
    writeFileSync(garbage, "not a database at all".repeat(100));
    expect((await capture(() => runRestore(["--from", garbage, "--force"], `file:${target}`))).code).toBe(1);

    const foreign = path.join(dir, "foreign.db");
    const f = new Database(foreign);
    f.exec("CREATE TABLE t (x)");
    f.close();
    const notOurs = await capture(() => runRestore(["--from", foreign, "--force"], `file:${target}`));
    expect(notOurs.code).toBe(1);
    expect(notOurs.stderr).toMatch(/not a Jixiao database/);

    expect(writerRows(target)).toBe(before);
    expect(readdirSync(path.dirname(target)).filter((x) => x.includes("before-restore"))).toEqual([]);
  });
});
