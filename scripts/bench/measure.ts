// In-process measurements for scripts/bench/run.ts, one process per database (lib/db/prisma.ts
// keeps one client per process, bound to DATABASE_URL):
//   DATABASE_URL=… tsx scripts/bench/measure.ts rollup [--reps N] [--budget S] [--month M] [--table 11] [--per-department] [--warmup 0]
//   tsx scripts/bench/measure.ts import --out file:./data/bench/import.db
//   DATABASE_URL=… tsx scripts/bench/measure.ts summaries [--month 12]
//   DATABASE_URL=… tsx scripts/bench/measure.ts overview-data [--reps N] [--user manager]
//   DATABASE_URL=… tsx scripts/bench/measure.ts submit-direct [--n 200] [--concurrency 32] [--trace] [--sync-normal]
// Each prints one JSON line.
import { rmSync } from "node:fs";
import { register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { engineOf, sqlitePath } from "../../lib/db/engine";
import { asCurrentUser, type CurrentUser } from "../../lib/auth/user";

// lib/reporting/queries.ts reaches next-auth (through lib/actions/mutation.ts), whose React
// imports fail under the react-server condition; so this runs with Node's default conditions
// and lets "server-only" resolve to its empty marker, as vitest.config.ts does.
const empty = pathToFileURL(path.resolve("node_modules/server-only/empty.js")).href;
register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(s, c, next) { return s === "server-only" ? { url: ${JSON.stringify(empty)}, shortCircuit: true } : next(s, c); }`,
    ),
);

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function rollupTimes() {
  // The city-wide roll-up is the finance bureau's (/city, lib/reporting/city.ts); --per-department
  // compares it with rollup(), each department's own dashboard, called once per department.
  const { rollup } = await import("../../lib/reporting/queries");
  const { cityRollup } = await import("../../lib/reporting/city");
  const { prisma } = await import("../../lib/db/prisma");
  const reps = Number(arg("reps") ?? "20");
  const budget = Number(arg("budget") ?? "60") * 1000;
  const month = Number(arg("month") ?? "12");
  const where = arg("table") ? { tableNo: arg("table") } : {};
  // --per-department: the same function once per department (a scope that stays small), the
  // whole loop timed as one sample: what a city-wide view costs if it is built that way.
  const perDept = process.argv.includes("--per-department");
  const depts = perDept ? (await prisma.department.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((d) => d.id) : [];
  const once = async () => {
    if (!perDept) {
      const r = await cityRollup(2024, month);
      return { lines: r.totals.owed, indicators: r.totals.indicators };
    }
    let lines = 0;
    let indicators = 0;
    for (const id of depts) {
      const r = await rollup({ ...where, goal: { departmentId: id } }, 2024, month);
      lines += r.lines.length;
      indicators += r.indicators.size;
    }
    return { lines, indicators };
  };
  const samples: number[] = [];
  let lines = 0;
  let indicators = 0;
  const start = performance.now();
  if (arg("warmup") !== "0") await once(); // warm-up: connection, prepared statements, JIT
  for (let i = 0; i < reps && (i < 3 || performance.now() - start < budget); i++) {
    const t = performance.now();
    const r = await once();
    samples.push(performance.now() - t);
    lines = r.lines;
    indicators = r.indicators;
  }
  const rss = process.memoryUsage().rss;
  await prisma.$disconnect();
  console.log(JSON.stringify({ samples, lines, indicators, rssMb: Math.round(rss / 2 ** 20) }));
}

/** What GET / reads, part by part (no rendering): where the page's time goes. */
async function overviewData() {
  const { getDepartmentView } = await import("../../lib/catalogue/queries");
  const { rollup } = await import("../../lib/reporting/queries");
  const { indicatorScope } = await import("../../lib/auth/scope");
  const { prisma } = await import("../../lib/db/prisma");
  const reps = Number(arg("reps") ?? "20");
  const u = await prisma.user.findUniqueOrThrow({ where: { username: arg("user") ?? "manager" }, include: { orgs: true } });
  const user = asCurrentUser(u);
  const year = await (await import("../../lib/catalogue/year")).latestYear(user.departmentId);
  const parts: Record<string, () => Promise<unknown>> = {
    currentUser: () => prisma.user.findUnique({ where: { id: u.id }, include: { orgs: true } }),
    getDepartmentView: () => getDepartmentView(year, user),
    "rollup(表11)": () => rollup({ tableNo: "11", ...indicatorScope(user) }, year, 12),
  };
  const out: Record<string, { p50: number | null; n: number; error?: string }> = {};
  for (const [name, f] of Object.entries(parts)) {
    const samples: number[] = [];
    try {
      await f();
      for (let i = 0; i < reps; i++) {
        const t = performance.now();
        await f();
        samples.push(performance.now() - t);
      }
      samples.sort((a, b) => a - b);
      out[name] = { p50: samples[Math.floor(samples.length / 2)], n: samples.length };
    } catch (e) {
      out[name] = { p50: null, n: 0, error: (e as Error).message.split("\n").filter(Boolean).slice(-1)[0] };
    }
  }
  await prisma.$disconnect();
  console.log(JSON.stringify(out));
}

/**
 * saveReport() called directly (no HTTP, no Next), first one at a time, then `--concurrency` at
 * once: where a submission's time goes. --trace records every SQL statement better-sqlite3 runs.
 */
async function submitDirect() {
  const url = process.env.DATABASE_URL ?? "";
  const n = Number(arg("n") ?? "200");
  const concurrency = Number(arg("concurrency") ?? "32");
  const { openSink } = await import("./db");
  const { findGaps, resetBenchRows, submissionBody } = await import("./workload");
  const sink = await openSink(url);
  await resetBenchRows(sink);
  const { jobs } = await findGaps(sink, n * 2);
  await sink.close();

  const statements: { sql: string; ms: number }[] = [];
  // The critical section: BEGIN to the end of COMMIT (the adapter's mutex is held that long).
  const txSpans: number[] = [];
  let txStart = 0;
  if (process.argv.includes("--trace") && engineOf(url) === "sqlite") {
    const Database = (await import("better-sqlite3")).default;
    type Stmt = Record<"all" | "run" | "get", (...a: unknown[]) => unknown>;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound below with .call
    const prepare = Database.prototype.prepare as (this: unknown, sql: string) => Stmt;
    (Database.prototype as unknown as { prepare: typeof prepare }).prepare = function (this: unknown, sql: string) {
      const st = prepare.call(this, sql);
      for (const m of ["all", "run", "get"] as const) {
        const f = st[m].bind(st);
        st[m] = (...a: unknown[]) => {
          const t = performance.now();
          if (sql === "BEGIN") txStart = t;
          try {
            return f(...a);
          } finally {
            const end = performance.now();
            statements.push({ sql, ms: end - t });
            if (sql === "COMMIT" || sql === "ROLLBACK") txSpans.push(end - txStart);
          }
        };
      }
      return st;
    };
  }
  const { saveReport } = await import("../../lib/reporting/service");
  const { prisma } = await import("../../lib/db/prisma");
  // --sync-normal: what the commit's fsync costs (WAL with synchronous=NORMAL syncs at checkpoints only).
  if (process.argv.includes("--sync-normal")) await prisma.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  const users = new Map<number, CurrentUser>();
  for (const j of jobs) {
    if (users.has(j.userId)) continue;
    const u = await prisma.user.findUniqueOrThrow({ where: { id: j.userId }, include: { orgs: true } });
    users.set(j.userId, asCurrentUser(u));
  }
  const submitOne = async (j: (typeof jobs)[number]) => {
    const r = await saveReport(JSON.parse(submissionBody(j)), users.get(j.userId));
    if (!("data" in r)) throw new Error(`saveReport refused: ${JSON.stringify(r.error)}`);
  };
  await submitOne(jobs[0]); // warm-up
  statements.length = 0;
  txSpans.length = 0;
  const one: number[] = [];
  const serial = jobs.slice(1, n);
  const t0 = performance.now();
  for (const j of serial) {
    const t = performance.now();
    await submitOne(j);
    one.push(performance.now() - t);
  }
  const serialMs = performance.now() - t0;
  const perCall = statements.length / serial.length;
  const dbMs = statements.reduce((s, x) => s + x.ms, 0) / serial.length;
  const serialTx = txSpans.splice(0).sort((a, b) => a - b);
  const shapes = new Map<string, { count: number; ms: number }>();
  for (const x of statements) {
    const k = x.sql.replace(/`main`\./g, "").replace(/`/g, "").slice(0, 110);
    const e = shapes.get(k) ?? { count: 0, ms: 0 };
    e.count++;
    e.ms += x.ms;
    shapes.set(k, e);
  }
  // The same calls `concurrency` at a time, as 32 HTTP connections would make them.
  const rest = jobs.slice(n, 2 * n);
  const t1 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < rest.length) await submitOne(rest[next++]);
  }));
  const concurrentMs = performance.now() - t1;
  const concurrentTx = txSpans.splice(0).sort((a, b) => a - b);
  const txMs = (xs: number[]) => (xs.length ? { p50: xs[xs.length >> 1], mean: xs.reduce((s, x) => s + x, 0) / xs.length } : null);
  await prisma.$disconnect();
  one.sort((a, b) => a - b);
  console.log(JSON.stringify({
    serial: { n: serial.length, perSecond: (serial.length / serialMs) * 1000, p50: one[one.length >> 1], p99: one[Math.ceil(one.length * 0.99) - 1] },
    concurrent: { n: rest.length, concurrency, perSecond: (rest.length / concurrentMs) * 1000 },
    sqlPerCall: perCall,
    sqlMsPerCall: dbMs,
    // --trace only: wall time from BEGIN to the end of COMMIT, one at a time and under --concurrency.
    txMs: { serial: txMs(serialTx), concurrent: txMs(concurrentTx) },
    statements: Object.fromEntries([...shapes].map(([k, v]) => [k, { perCall: v.count / serial.length, msPerCall: v.ms / serial.length }])),
  }));
}

async function importTime() {
  const url = arg("out") ?? "file:./data/bench/import.db";
  if (engineOf(url) !== "sqlite") throw new Error("import: --out must be a file: URL (a fresh SQLite database)");
  const file = sqlitePath(url);
  for (const ext of ["", "-wal", "-shm"]) rmSync(file + ext, { force: true });
  const { migrate } = await import("../../lib/db/migrate");
  const { createPrisma } = await import("../../lib/db/prisma");
  const { seedDatabase } = await import("../../prisma/seed/load");
  const t0 = performance.now();
  await migrate(url);
  const t1 = performance.now();
  const db = createPrisma(url);
  const s = await seedDatabase(db);
  const t2 = performance.now();
  await db.$disconnect();
  for (const ext of ["", "-wal", "-shm"]) rmSync(file + ext, { force: true });
  console.log(JSON.stringify({ migrateMs: t1 - t0, importMs: t2 - t1, indicators: s.indicators }));
}

async function summaryTimes() {
  // The city's stored lines (lib/reporting/summaries.ts): building what is missing or out of date
  // (the first run on a fresh data set builds every department), rebuilding one department after
  // a change, and serving them all.
  const { summaryView, touchSummaries } = await import("../../lib/reporting/summaries");
  const { prisma } = await import("../../lib/db/prisma");
  const month = Number(arg("month") ?? "12");
  const timed = async <T>(f: () => Promise<T>) => {
    const t = performance.now();
    const value = await f();
    return { ms: performance.now() - t, value };
  };
  const before = await prisma.departmentSummary.count({ where: { year: 2024, month } });
  const ensure = await timed(() => summaryView(2024, month, { wait: true }));
  const served = await timed(() => summaryView(2024, month));
  const [dept] = await prisma.department.findMany({ orderBy: { id: "asc" }, take: 1, select: { id: true } });
  await prisma.$transaction((tx) => touchSummaries(tx, dept.id));
  const one = await timed(() => summaryView(2024, month, { wait: true }));
  await prisma.$disconnect();
  console.log(JSON.stringify({ departments: ensure.value.value.departments.length, storedBefore: before, ensureMs: ensure.ms, servedMs: served.ms, servedStale: served.value.stale, rebuildOneMs: one.ms }));
}

const cmd = process.argv[2];
const commands: Record<string, () => Promise<void>> = { rollup: rollupTimes, import: importTime, "overview-data": overviewData, "submit-direct": submitDirect, summaries: summaryTimes };
(commands[cmd] ?? (() => Promise.reject(new Error("usage: measure.ts rollup|import|overview-data|submit-direct|summaries"))))().catch((e: unknown) => {
  console.error(`measure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
