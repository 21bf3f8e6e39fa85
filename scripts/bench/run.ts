// `npm run bench` (issue 7): the app at city scale against the targets, honestly.
//
//   npm run bench -- [--scale 1] [--port 3310] [--no-build] [--reps 100] [--budget 60] [--duration 10]
//                    [--connections 32] [--submit-requests 3000] [--submit-warmup 600] [--db URL] [--dept-db URL]
//                    [--cpu-prof] [--server-flags "--trace-gc"]
//
// Builds (or, with --no-build, reuses .next), generates the data sets when missing (data/bench/,
// scripts/bench/generate.ts), starts `next start` on --port (the department-scale comparison on
// --port + 1), signs in as department #1's manager through Auth.js's credentials endpoint, and
// measures each figure with warm-up and repetitions (p50 / p99 of n; a figure stops repeating when
// its --budget seconds are spent). Prints a table, then one JSON line last.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import autocannon, { type AutocannonResult } from "autocannon";
import { hashToken } from "../../lib/auth/token";
import { engineOf } from "../../lib/db/engine";
import { migrate } from "../../lib/db/migrate";
import { BARE_NOTE, BENCH_PASSWORD, SUBMIT_NOTE, YEAR, defaultBenchUrl } from "./config";
import { openSink, type Sink } from "./db";
import { findGaps, resetBenchRows, submissionBody, type Job } from "./workload";

// ---------------------------------------------------------------------------------------------
// Arguments

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const num = (name: string, dflt: number) => {
  const v = Number(arg(name) ?? dflt);
  if (!Number.isFinite(v) || v <= 0) {
    console.error(`bench: --${name} must be a positive number`);
    process.exit(2);
  }
  return v;
};
const scale = num("scale", 1);
const port = num("port", 3310);
const reps = num("reps", 100);
const budgetMs = num("budget", 60) * 1000;
const duration = num("duration", 10);
const connections = num("connections", 32);
const submitRequests = num("submit-requests", 3000);
/** Submissions sent first and not counted (as the bare route gets its warm-up run): JIT, statement caches, pools. */
const submitWarmup = num("submit-warmup", 600);
const noBuild = process.argv.includes("--no-build");
/** --only load,pages,export,dept,rollup,import: a subset of the figures (the rest print as skipped). */
const phases = new Set((arg("only") ?? "load,pages,export,dept,rollup,import").split(","));
/** --cpu-prof: the servers write V8 CPU profiles to data/bench/profiles/ (open in Chrome DevTools). */
const cpuProf = process.argv.includes("--cpu-prof");
/** --server-flags "--trace-gc …": more V8/Node flags for the servers (profiling; NODE_OPTIONS refuses some). */
const serverFlags = (arg("server-flags") ?? "").split(" ").filter(Boolean);
const cityUrl = arg("db") ?? defaultBenchUrl(scale);
const deptUrl = arg("dept-db") ?? defaultBenchUrl(1, 1);
const ROOT = process.cwd();
const BENCH_DIR = path.join(ROOT, "data", "bench");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const NEXT = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const AUTH_SECRET = "bench-secret-not-for-production-0123456789";

const log = (s: string) => console.error(`[bench] ${s}`);

// ---------------------------------------------------------------------------------------------
// Small helpers

type Series = { n: number; p50: number; p99: number; min: number; max: number; statuses: Record<string, number>; error?: string; kb?: number };

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
function summarize(samples: number[], statuses: Record<string, number> = {}, error?: string): Series {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: quantile(s, 0.5), p99: quantile(s, 0.99), min: s[0] ?? NaN, max: s.at(-1) ?? NaN, statuses, error };
}
const r1 = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null);

function run(cmd: string, args: string[], env: Record<string, string>, out?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const fd = out ? openSync(out, "w") : null;
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", fd ?? "pipe", fd ?? "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
      process.stderr.write(d);
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The gist of a failed child's error: the Prisma invocation and its message, or the last line. */
function gist(stderr: string): string {
  const lines = stderr.split("\n").map((l) => l.trim()).filter(Boolean);
  const invocation = lines.find((l) => /^Invalid `/.test(l));
  const message = lines.filter((l) => !/^(at |→|\d+ |measure:|Invalid `)/.test(l)).at(-1) ?? lines.at(-1) ?? "failed";
  return [invocation, message].filter(Boolean).join(" ");
}

function lastJson<T>(stdout: string): T {
  const line = stdout.trim().split("\n").filter((l) => l.startsWith("{")).at(-1);
  if (!line) throw new Error(`no JSON in output:\n${stdout.slice(-2000)}`);
  return JSON.parse(line) as T;
}

function portFree(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(p, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

// ---------------------------------------------------------------------------------------------
// The server and its memory

type Server = { child: ChildProcess; base: string; rss: RssSampler };

class RssSampler {
  private timer: NodeJS.Timeout;
  phase = "idle";
  max = new Map<string, number>();
  constructor(private pid: number) {
    this.timer = setInterval(() => this.sample(), 100);
  }
  /** The server and all its descendants (next start forks its server process). */
  tree(): Set<number> {
    const parent = new Map<number, number>();
    for (const d of readdirSync("/proc")) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = readFileSync(`/proc/${d}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        parent.set(Number(d), Number(fields[1]));
      } catch {
        // the process ended meanwhile
      }
    }
    const tree = new Set([this.pid]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [p, pp] of parent) {
        if (!tree.has(p) && tree.has(pp)) {
          tree.add(p);
          grew = true;
        }
      }
    }
    return tree;
  }
  /**
   * CPU time (user + system) the server's processes have used, in ms. Per request, it is the
   * figure that other load on a shared machine disturbs least (req/s falls when another process
   * takes the cores; the work a request costs does not).
   */
  cpuMs(): number {
    let ticks = 0;
    for (const p of this.tree()) {
      try {
        const stat = readFileSync(`/proc/${p}/stat`, "utf8");
        const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15 of stat)
      } catch {
        // gone
      }
    }
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  }
  /** VmRSS of the server and all its descendants. */
  treeRssMb(): number {
    const tree = this.tree();
    let kb = 0;
    let largest = 0;
    for (const p of tree) {
      try {
        const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
        if (m) {
          kb += Number(m[1]);
          largest = Math.max(largest, Number(m[1]));
        }
      } catch {
        // gone
      }
    }
    this.largestMb = Math.max(this.largestMb, largest / 1024);
    this.processes = Math.max(this.processes, tree.size);
    return kb / 1024;
  }
  /** The biggest single process seen (next start runs the server in a child of its own). */
  largestMb = 0;
  processes = 0;
  sample() {
    const mb = this.treeRssMb();
    this.max.set(this.phase, Math.max(this.max.get(this.phase) ?? 0, mb));
  }
  stop() {
    clearInterval(this.timer);
  }
  maxOf(...phases: string[]) {
    return Math.max(0, ...phases.map((p) => this.max.get(p) ?? 0));
  }
  overall() {
    return Math.max(0, ...this.max.values());
  }
}

async function startServer(url: string, p: number, logFile: string): Promise<Server> {
  if (!(await portFree(p))) throw new Error(`port ${p} is in use; choose another with --port (3310–3319)`);
  const prof = cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${path.join(BENCH_DIR, "profiles")}`] : [];
  const child = spawn(process.execPath, [...prof, ...serverFlags, NEXT, "start", "-p", String(p), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", openSync(logFile, "w"), openSync(logFile, "a")],
    detached: true, // its own process group: stopped as a whole, by its id
  });
  const base = `http://127.0.0.1:${p}`;
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode != null) throw new Error(`next start exited (${child.exitCode}); see ${logFile}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`next start did not answer in 60 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, base, rss: new RssSampler(child.pid as number) };
}

/** The distinct server-side errors in a server's log (a 500 page carries only a digest). */
function serverErrors(logFile: string): string[] {
  const text = existsSync(logFile) ? readFileSync(logFile, "utf8") : "";
  const counts = new Map<string, number>();
  const blocks = text.split(/\n(?=\s*⨯ )/);
  for (const b of blocks) {
    if (!/^\s*⨯ /.test(b)) continue;
    const lines = b.split("\n").map((l) => l.trim()).filter(Boolean);
    const head = lines[0].replace(/^⨯\s*/, "");
    const invocation = lines.find((l) => /^Invalid `/.test(l)) ?? "";
    const message = lines.find((l, i) => i > 0 && !/^Invalid `|^at |^\{|^\}|^[a-z]+: /.test(l)) ?? "";
    const key = [head, invocation, message].filter(Boolean).join(" ").slice(0, 300);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${n}× ${k}`);
}

async function stopServer(s: Server) {
  s.rss.stop();
  if (s.child.exitCode != null) return;
  const done = new Promise((r) => s.child.once("exit", r));
  process.kill(-(s.child.pid as number), cpuProf ? "SIGINT" : "SIGTERM");
  const t = setTimeout(() => process.kill(-(s.child.pid as number), "SIGKILL"), 10_000);
  await done;
  clearTimeout(t);
}

// ---------------------------------------------------------------------------------------------
// HTTP

function cookieJar() {
  const jar = new Map<string, string>();
  return {
    take(res: Response) {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(";");
        const i = pair.indexOf("=");
        jar.set(pair.slice(0, i), pair.slice(i + 1));
      }
    },
    header: () => [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    has: (re: RegExp) => [...jar.keys()].some((k) => re.test(k)),
  };
}

/** Auth.js credentials sign-in, as e2e/fixtures.ts signInAs does: the session cookie. */
async function signIn(base: string, username: string): Promise<string> {
  const jar = cookieJar();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, username, password: BENCH_PASSWORD, callbackUrl: "/" }),
    redirect: "manual",
  });
  await res.arrayBuffer();
  jar.take(res);
  if (!jar.has(/session-token/)) throw new Error(`sign-in as ${username} failed (HTTP ${res.status})`);
  return jar.header();
}

async function timedGet(url: string, headers: Record<string, string>, check?: (status: number, body: Buffer, type: string) => string | null) {
  const t = performance.now();
  const res = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(300_000) });
  const body = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - t;
  const problem = res.status !== 200 ? `HTTP ${res.status}` : (check?.(res.status, body, res.headers.get("content-type") ?? "") ?? null);
  return { ms, status: res.status, problem, body };
}

/** A failed request in a line: its status and, for the JSON API, its error body (pages carry only a digest: see the server log). */
function describe(r: { problem: string | null; body: Buffer }): string {
  const text = r.body.toString("utf8");
  return text.startsWith("{") ? `${r.problem}: ${text.slice(0, 300)}` : `${r.problem}`;
}

const isXlsx = (_s: number, body: Buffer, type: string) => (type.includes("spreadsheetml") && body.subarray(0, 2).toString() === "PK" ? null : `not an XLSX (${type})`);

/** Warm-up, then up to `reps` timed requests (at least 3, fewer once `budget` is spent). */
async function series(label: string, urls: string[], headers: Record<string, string>, opts: { reps?: number; budget?: number; warmup?: number; check?: Parameters<typeof timedGet>[2] } = {}): Promise<Series> {
  const n = opts.reps ?? reps;
  const budget = opts.budget ?? budgetMs;
  const statuses: Record<string, number> = {};
  let error: string | undefined;
  for (let i = 0; i < (opts.warmup ?? 3); i++) {
    const w = await timedGet(urls[i % urls.length], headers, opts.check);
    if (w.problem) error ??= describe(w);
  }
  const samples: number[] = [];
  let bytes = 0;
  const start = performance.now();
  for (let i = 0; i < n && (i < 3 || performance.now() - start < budget); i++) {
    const r = await timedGet(urls[i % urls.length], headers, opts.check);
    bytes = Math.max(bytes, r.body.length);
    statuses[r.problem ?? "ok"] = (statuses[r.problem ?? "ok"] ?? 0) + 1;
    samples.push(r.ms);
    if (r.problem) error ??= describe(r);
  }
  const s = { ...summarize(samples, statuses, error), kb: r1(bytes / 1024) as number };
  log(`${label}: p50 ${r1(s.p50)} ms, p99 ${r1(s.p99)} ms (n=${s.n}, ${s.kb} KB) ${JSON.stringify(statuses)}${error ? ` — ${error.slice(0, 200)}` : ""}`);
  return s;
}

// ---------------------------------------------------------------------------------------------
// First-load JS of the overview page (/), from the build's manifests

function firstLoadJs(): { kb: number; files: number; raw_kb: number } {
  const dir = path.join(ROOT, ".next");
  const build = JSON.parse(readFileSync(path.join(dir, "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
  const files = new Set(build.rootMainFiles ?? []);
  // The client reference manifest lists, per server entry (layouts and the page), the client
  // chunks the browser loads for this route.
  const ctx: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  ctx.globalThis = ctx;
  vm.runInNewContext(readFileSync(path.join(dir, "server", "app", "page_client-reference-manifest.js"), "utf8"), ctx);
  const m = ctx.__RSC_MANIFEST?.["/page"];
  if (!m?.entryJSFiles) throw new Error("no entryJSFiles for /page in .next/server/app/page_client-reference-manifest.js");
  // The root layout's and the page's own chunks (not the global-error boundary's, loaded on error).
  for (const [entry, list] of Object.entries(m.entryJSFiles)) if (!entry.includes("global-error")) for (const f of list) files.add(f);
  let gz = 0;
  let raw = 0;
  for (const f of files) {
    const buf = readFileSync(path.join(dir, f.replace(/^\/?_next\//, "")));
    raw += buf.length;
    gz += gzipSync(buf).length;
  }
  return { kb: r1(gz / 1024) as number, files: files.size, raw_kb: r1(raw / 1024) as number };
}

// ---------------------------------------------------------------------------------------------
// Data-set facts and the submission workload, read straight from the database

async function sizes(sink: Sink) {
  const one = async (sql: string) => Number((await sink.all<{ n: number | string }>(sql))[0].n);
  return {
    departments: await one(`SELECT COUNT(*) AS n FROM "Department"`),
    organizations: await one(`SELECT COUNT(*) AS n FROM "Organization"`),
    indicators: await one(`SELECT COUNT(*) AS n FROM "Indicator"`),
    annual_indicators: await one(`SELECT COUNT(*) AS n FROM "Indicator" WHERE "term" = 'annual'`),
    reports: await one(`SELECT COUNT(*) AS n FROM "Report"`),
    budget_rows: await one(`SELECT COUNT(*) AS n FROM "BudgetExecution"`),
    users: await one(`SELECT COUNT(*) AS n FROM "User"`),
  };
}

/** Removes what earlier runs wrote, picks unreported office-months (real inserts), makes tokens. */
async function prepareSubmissions(sink: Sink, want: number): Promise<{ jobs: (Job & { token: string })[]; available: number }> {
  await resetBenchRows(sink);
  const { jobs: chosen, available } = await findGaps(sink, want);
  // An API token per reporter involved, as `cli token create` makes them (only the hash is stored).
  const tokens = new Map<number, string>();
  await sink.begin();
  for (const j of chosen) {
    if (tokens.has(j.userId)) continue;
    const token = randomBytes(32).toString("base64url");
    tokens.set(j.userId, token);
    await sink.run(`UPDATE "User" SET "apiTokenHash" = ? WHERE "id" = ?`, [hashToken(token), j.userId]);
  }
  await sink.commit();
  return { jobs: chosen.map((j) => ({ ...j, token: tokens.get(j.userId) as string })), available };
}

/** The same row the API writes, inserted by the same driver, one autocommit statement at a time. */
async function bareInserts(url: string, jobs: Job[], count: number): Promise<{ perSecond: number; n: number }> {
  const sink = await openSink(url);
  const cols = ["indicatorId", "organizationId", "year", "month", "revision", "current", "status", "version", "valueText", "value", "tier", "doneDate", "note", "deviationCategories", "deviationReason", "correctiveMeasure", "forecastText", "likelihood", "reviewComment", "createdById", "updatedById", "reviewedById", "submittedAt", "reviewedAt", "createdAt", "updatedAt"];
  const sql = `INSERT INTO "Report" (${cols.map((c) => `"${c}"`).join(",")}) VALUES (${cols.map(() => "?").join(",")})`;
  const rows = Array.from({ length: count }, (_, k) => {
    const j = jobs[k % jobs.length];
    const now = new Date();
    // revision 1000+k: the same columns and indexes as a first report, never colliding with one.
    return [j.indicatorId, j.organizationId, YEAR, j.month, 1000 + k, true, "submitted", 1, j.valueText, 1, null, null, BARE_NOTE, '["其他"]', "基准测试：数据按月归集", "基准测试：按计划推进", null, null, null, j.userId, j.userId, null, now, null, now, now];
  });
  let t: number;
  if (sink.engine === "sqlite") {
    const db = (sink as unknown as { db: import("better-sqlite3").Database }).db;
    // The app's connection pragmas (lib/db/prisma.ts SQLITE_PRAGMAS, decision 005): a commit is fsynced.
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
    const stmt = db.prepare(sql);
    const conv = (v: unknown) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? (v ? 1 : 0) : v);
    t = performance.now();
    for (const r of rows) stmt.run(r.map(conv));
  } else {
    const client = (sink as unknown as { client: import("pg").Client }).client;
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    t = performance.now();
    for (const r of rows) await client.query({ name: "bench-bare-insert", text, values: r });
  }
  const ms = performance.now() - t;
  await sink.run(`DELETE FROM "Report" WHERE "note" = ?`, [BARE_NOTE]);
  await sink.close();
  return { perSecond: (rows.length / ms) * 1000, n: rows.length };
}

// ---------------------------------------------------------------------------------------------

async function loadTest(base: string, opts: { path: string; method?: string; amount?: number; headers?: Record<string, string>; setup?: () => { headers: Record<string, string>; body: string } }, statuses: Record<string, number>, errors: string[]): Promise<AutocannonResult> {
  return autocannon({
    url: base,
    connections,
    timeout: 60,
    ...(opts.amount ? { amount: opts.amount } : { duration }),
    requests: [
      {
        method: opts.method ?? "GET",
        path: opts.path,
        headers: opts.headers,
        ...(opts.setup
          ? {
              setupRequest: (req) => {
                const x = (opts.setup as () => { headers: Record<string, string>; body: string })();
                return { ...req, headers: x.headers, body: x.body };
              },
            }
          : {}),
        onResponse: (status, body) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status >= 300 && errors.length < 5) errors.push(`${status} ${body.slice(0, 300)}`);
        },
      },
    ],
  });
}

async function main() {
  mkdirSync(BENCH_DIR, { recursive: true });
  const started = new Date();
  const notes: string[] = [];

  // 1. Data sets (generated once, reused).
  for (const [url, args] of [
    [cityUrl, ["--scale", String(scale)]],
    [deptUrl, ["--departments", "1"]],
  ] as const) {
    const exists = engineOf(url) === "sqlite" ? existsSync(path.resolve(ROOT, url.slice(5))) : true;
    if (!exists) {
      log(`generating ${url} …`);
      const g = await run(process.execPath, [TSX, "scripts/bench/generate.ts", ...args, "--out", url], {});
      if (g.code !== 0) throw new Error(`generate failed for ${url}`);
      process.stderr.write(g.stdout.split("\n").filter((l) => !l.startsWith("{")).join("\n") + "\n");
    }
    // A data set generated before a later migration gets it (as `npm start` would).
    const m = await migrate(url);
    if (m.applied.length) log(`${url}: applied ${m.applied.join(", ")}`);
  }

  // 2. Build.
  if (!noBuild || !existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    log("next build … (log: data/bench/build.log)");
    const t = performance.now();
    const b = await run(process.execPath, [NEXT, "build"], { NEXT_TELEMETRY_DISABLED: "1" }, path.join(BENCH_DIR, "build.log"));
    if (b.code !== 0) throw new Error("next build failed; see data/bench/build.log");
    log(`built in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  let js: ReturnType<typeof firstLoadJs> | null = null;
  try {
    js = firstLoadJs();
  } catch (e) {
    notes.push(`first-load JS: ${(e as Error).message}`);
  }

  // 3. The city data set: sizes, workload, tokens (before the server opens the database).
  const sink = await openSink(cityUrl);
  await resetBenchRows(sink);
  const size = await sizes(sink);
  const [dept1] = await sink.all<{ id: number; name: string }>(`SELECT "id", "name" FROM "Department" ORDER BY "id" LIMIT 1`);
  const codes = (await sink.all<{ code: string }>(`SELECT "code" FROM "Project" WHERE "departmentId" = ? AND "year" = ${YEAR} ORDER BY "sortOrder"`, [dept1.id])).map((r) => r.code);
  const shared = await sink.all<{ id: number }>(
    `SELECT i."id" AS "id" FROM "Indicator" i JOIN "Goal" g ON g."id" = i."goalId" JOIN "IndicatorOrg" io ON io."indicatorId" = i."id"
     WHERE g."departmentId" = ? AND i."term" = 'annual' GROUP BY i."id" ORDER BY COUNT(*) DESC, i."id" LIMIT 5`,
    [dept1.id],
  );
  const single = await sink.all<{ id: number }>(
    `SELECT i."id" AS "id" FROM "Indicator" i JOIN "Goal" g ON g."id" = i."goalId" WHERE g."departmentId" = ? AND i."term" = 'annual' ORDER BY i."id" LIMIT 5`,
    [dept1.id],
  );
  const prepared = await prepareSubmissions(sink, submitWarmup + submitRequests);
  const available = prepared.available;
  // The first ones warm the server up; the rest are measured (each a different office-month).
  const warmJobs = prepared.jobs.slice(0, Math.min(submitWarmup, Math.floor(prepared.jobs.length / 4)));
  const jobs = prepared.jobs.slice(warmJobs.length);
  await sink.close();
  log(`city data set: ${JSON.stringify(size)}; ${available} unreported office-months, submitting ${warmJobs.length} (warm-up) + ${jobs.length}`);

  // The city's stored roll-up lines (lib/reporting/summaries.ts) for month 12, as a running
  // installation has them: what is missing or out of date (the first run on a fresh data set:
  // every department; later runs: the departments the reset above touched) is built here, before
  // the server starts, and one department's rebuild is timed.
  const sums = phases.has("pages") || phases.has("rollup")
    ? await run(process.execPath, [TSX, "scripts/bench/measure.ts", "summaries", "--month", "12"], { DATABASE_URL: cityUrl }).then((r) =>
        r.code === 0 ? lastJson<{ departments: number; storedBefore: number; ensureMs: number; servedMs: number; servedStale: number; rebuildOneMs: number }>(r.stdout) : null)
    : null;
  if (sums) log(`stored city lines: ${sums.storedBefore}/${sums.departments} present, brought up to date in ${r1(sums.ensureMs)} ms; served in ${r1(sums.servedMs)} ms; one department rebuilt in ${r1(sums.rebuildOneMs)} ms`);

  // 4. The city server.
  const city = await startServer(cityUrl, port, path.join(BENCH_DIR, "server-city.log"));
  const results: Record<string, Series> = {};
  let submit: { rps: number; p50: number; p99: number; ok: number; total: number; statuses: Record<string, number>; errors: string[]; stored: number; warmOk: number; cpuMs: number } | null = null;
  let bare: { rps: number; p99: number; statuses: Record<string, number>; cpuMs: number } | null = null;
  let cityFirst: { ms: number; problem: string | null } = { ms: NaN, problem: "skipped" };
  try {
    const cookie = await signIn(city.base, "manager");
    const h = { cookie };
    const isPage = (name: string) => (_s: number, body: Buffer) => (body.toString("utf8").includes(name) ? null : `page without "${name}"`);

    // Load first, on a fresh server: its memory is not yet grown by the big page renders.
    if (phases.has("load")) {
      // Bare route: the floor of a Next.js route handler on this machine.
      city.rss.phase = "load";
      const bareStatuses: Record<string, number> = {};
      await loadTest(city.base, { path: "/api/health" }, {}, []).catch(() => null); // warm-up
      const cpu0 = city.rss.cpuMs();
      const b = await loadTest(city.base, { path: "/api/health" }, bareStatuses, []);
      bare = { rps: b.requests.total / b.duration, p99: b.latency.p99, statuses: bareStatuses, cpuMs: (city.rss.cpuMs() - cpu0) / b.requests.total };
      log(`bare route: ${r1(bare.rps)} req/s, p50/p90/p99 ${b.latency.p50}/${b.latency.p90}/${b.latency.p99} ms, server CPU ${bare.cpuMs.toFixed(2)} ms/request ${JSON.stringify(bareStatuses)}`);

      // Submissions: every request a new report for a different (indicator, office, month).
      const submission = (list: typeof jobs) => {
        let k = 0;
        return {
          path: "/api/v1/reports",
          method: "POST",
          amount: list.length,
          setup: () => {
            const j = list[k++ % list.length];
            return { headers: { authorization: `Bearer ${j.token}`, "content-type": "application/json" }, body: submissionBody(j) };
          },
        };
      };
      const warmStatuses: Record<string, number> = {};
      if (warmJobs.length) {
        await loadTest(city.base, submission(warmJobs), warmStatuses, []);
        log(`submit warm-up: ${warmJobs.length} sent ${JSON.stringify(warmStatuses)}`);
      }
      const subStatuses: Record<string, number> = {};
      const subErrors: string[] = [];
      const cpu1 = city.rss.cpuMs();
      const s = await loadTest(city.base, submission(jobs), subStatuses, subErrors);
      const ok = subStatuses[201] ?? 0;
      // `stored` below counts the warm-up's reports too: compare it with every 201 of both runs.
      submit = { rps: ok / s.duration, p50: s.latency.p50, p99: s.latency.p99, ok, total: s.requests.total, statuses: subStatuses, errors: subErrors, stored: 0, warmOk: warmStatuses[201] ?? 0, cpuMs: (city.rss.cpuMs() - cpu1) / s.requests.total };
      log(`submit: ${r1(submit.rps)} ok/s, p50/p90/p97.5/p99/max ${s.latency.p50}/${s.latency.p90}/${s.latency.p97_5}/${s.latency.p99}/${s.latency.max} ms, server CPU ${submit.cpuMs.toFixed(2)} ms/request, ${ok}/${s.requests.total} created ${JSON.stringify(subStatuses)}`);
      for (const e of subErrors) log(`  non-201: ${e}`);
    }
    if (phases.has("pages")) {
      city.rss.phase = "pages";
      results.overview = await series("overview GET / (city)", [`${city.base}/`], h, { check: isPage(dept1.name) });
      results.indicator = await series("indicator GET /indicators/<id>", [...shared, ...single].map((r) => `${city.base}/indicators/${r.id}`), h);
      results.dashboard = await series("dashboard GET /dashboard (manager, own department)", [`${city.base}/dashboard?year=${YEAR}&month=12`], h, { reps: 10, warmup: 1 });
      // The finance bureau's page: the first request after the server started, and later ones;
      // both read the stored lines (lines the load above made out of date are served as they are
      // and rebuilt in the background: lib/reporting/summaries.ts).
      const fin = { cookie: await signIn(city.base, "finance") };
      const cityPageUrl = `${city.base}/city?year=${YEAR}&month=12`;
      const first = await timedGet(cityPageUrl, fin, isPage("全市部门绩效监控"));
      cityFirst = first.problem ? { ms: NaN, problem: describe(first) } : { ms: first.ms, problem: null };
      log(`city page, first request after restart (stored lines): ${r1(first.ms)} ms${first.problem ? ` — ${describe(first)}` : ""}`);
      results.cityPage = await series("city page GET /city (finance, stored lines)", [cityPageUrl], fin, { check: isPage("全市部门绩效监控") });
    }
    if (phases.has("export")) {
      city.rss.phase = "export";
      results.exportDept = await series("export XLSX department form", [`${city.base}/api/v1/self-eval/department?year=${YEAR}&format=xlsx`], h, { reps: 20, check: isXlsx });
      results.exportProjects = await series(`export XLSX project forms (${codes.length})`, codes.map((c) => `${city.base}/api/v1/self-eval/${c}?year=${YEAR}&format=xlsx`), h, { reps: codes.length * 3, check: isXlsx });
    }
  } finally {
    await stopServer(city);
  }
  const rss = { idle: city.rss.maxOf("idle"), load: city.rss.maxOf("load"), pages: city.rss.maxOf("pages"), export: city.rss.maxOf("export"), overall: city.rss.overall() };

  // 5. Reports actually stored, and the bare insert with the same driver.
  {
    const check = await openSink(cityUrl);
    const stored = Number((await check.all<{ n: number }>(`SELECT COUNT(*) AS n FROM "Report" WHERE "note" = ?`, [SUBMIT_NOTE]))[0].n);
    await check.close();
    if (submit) submit.stored = stored;
  }
  const bareInsert = phases.has("load") ? await bareInserts(cityUrl, jobs, 3000) : { perSecond: NaN, n: 0 };
  if (phases.has("load")) log(`bare insert (${engineOf(cityUrl)} driver, autocommit): ${r1(bareInsert.perSecond)} rows/s`);

  // 6. Department scale: the same page with only the real document (and its reports).
  let htmlJs: { kb: number; files: number } | null = null;
  const dept = phases.has("dept") ? await startServer(deptUrl, port + 1, path.join(BENCH_DIR, "server-department.log")) : null;
  if (dept) try {
    const cookie = await signIn(dept.base, "manager");
    results.overviewDept = await series("overview GET / (department only)", [`${dept.base}/`], { cookie }, { check: (_s, body) => (body.toString("utf8").includes(dept1.name) ? null : "page without the department") });
    results.exportDeptOnly = await series("export XLSX department form (department only)", [`${dept.base}/api/v1/self-eval/department?year=${YEAR}&format=xlsx`], { cookie }, { reps: 20, check: isXlsx });
    // Cross-check of the manifest figure: the scripts the rendered page actually loads.
    const html = await (await fetch(`${dept.base}/`, { headers: { cookie } })).text();
    // Module-capable browsers skip noModule scripts (the polyfills); Next's own figure leaves them out too.
    const srcs = [...new Set([...html.matchAll(/<script\b([^>]*)>/g)].filter((m) => !/\bnomodule\b/i.test(m[1])).map((m) => /\bsrc="([^"]+)"/.exec(m[1])?.[1] ?? "").filter((src) => src.startsWith("/_next/")))];
    let gz = 0;
    for (const src of srcs) gz += gzipSync(Buffer.from(await (await fetch(`${dept.base}${src}`)).arrayBuffer())).length;
    htmlJs = { kb: r1(gz / 1024) as number, files: srcs.length };
    log(`first-load JS from the rendered page's <script> tags: ${htmlJs.kb} KB gzip (${srcs.length} files)`);
  } finally {
    await stopServer(dept);
  }

  // 7. In-process: the city-wide roll-up, and a full import of the 2024 document.
  const rollupRun = async (url: string, extra: string[] = []) => {
    const r = await run(process.execPath, [TSX, "scripts/bench/measure.ts", "rollup", "--reps", String(Math.min(reps, 30)), "--budget", String(budgetMs / 1000), ...extra], { DATABASE_URL: url });
    if (r.code !== 0) return { series: summarize([], {}, gist(r.stderr)), lines: 0, rssMb: 0 };
    const j = lastJson<{ samples: number[]; lines: number; indicators: number; rssMb: number }>(r.stdout);
    return { series: summarize(j.samples), lines: j.lines, rssMb: j.rssMb };
  };
  const skippedRollup = { series: summarize([], {}, "skipped"), lines: 0, rssMb: 0 };
  const rollupCity = phases.has("rollup") ? await rollupRun(cityUrl) : skippedRollup;
  if (phases.has("rollup")) log(`city roll-up (cityRollup, every department): p50 ${r1(rollupCity.series.p50)} ms (n=${rollupCity.series.n}, ${rollupCity.lines} office-lines)${rollupCity.series.error ? ` — ${rollupCity.series.error}` : ""}`);
  const rollupDept = phases.has("rollup") ? await rollupRun(deptUrl) : skippedRollup;
  // Informative: the same function called once per department, summed (one sample, no warm-up).
  const rollupLoop = !phases.has("rollup") ? null : await (async () => {
    const r = await run(process.execPath, [TSX, "scripts/bench/measure.ts", "rollup", "--per-department", "--reps", "1", "--warmup", "0"], { DATABASE_URL: cityUrl });
    return r.code === 0 ? lastJson<{ samples: number[]; lines: number }>(r.stdout) : null;
  })();
  if (phases.has("rollup")) log(`rollup department by department: ${rollupLoop ? `${r1(rollupLoop.samples[0])} ms for ${size.departments} departments` : "failed"}`);
  const imp = phases.has("import") ? await run(process.execPath, [TSX, "scripts/bench/measure.ts", "import", "--out", "file:./data/bench/import.db"], {}) : null;
  const importMs = imp?.code === 0 ? lastJson<{ importMs: number }>(imp.stdout).importMs : NaN;
  if (imp) log(`import of the 2024 document: ${r1(importMs)} ms`);

  // 8. The table and the JSON line.
  const skipped = summarize([], {}, "skipped");
  const ov = results.overview ?? skipped;
  const ovd = results.overviewDept ?? skipped;
  const ind = results.indicator ?? skipped;
  const dash = results.dashboard ?? skipped;
  const cp = results.cityPage ?? skipped;
  const exd = results.exportDept ?? skipped;
  const exp = results.exportProjects ?? skipped;
  const exo = results.exportDeptOnly ?? skipped;
  const okSeries = (s: Series) => !s.error && s.n > 0;
  const verdict = (ok: boolean, s?: Series) => (s?.error === "skipped" ? "skipped" : s && !okSeries(s) ? `FAIL (${Object.entries(s.statuses).filter(([k]) => k !== "ok").map(([k, v]) => `${k} ×${v}`).join(", ") || (s.error ?? "").replace(/ invocation.*?(?=The )/, ": ").replace("The query parameter limit supported by your database is exceeded.", "P2029, query parameter limit exceeded").slice(0, 90)})` : ok ? "pass" : "miss");
  const fmt = (x: number | null | undefined, unit = "") => (x == null || !Number.isFinite(x) ? "—" : `${r1(x)}${unit}`);
  const ratio = (a: number | null | undefined, b: number | null | undefined) => (a != null && b != null && Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${Number((a / b).toPrecision(2))}×` : "");
  const rows: [string, string, string, string, string][] = [
    ["overview GET / p50 (city)", `${fmt(ov.p50, " ms")} (p99 ${fmt(ov.p99)}, n=${ov.n})`, `${ratio(ov.p50, ovd.p50)} dept`, "≤ 50 ms, ≤ 1.2× dept", verdict(ov.p50 <= 50 && ov.p50 <= 1.2 * ovd.p50, ov)],
    ["overview GET / p50 (department only)", `${fmt(ovd.p50, " ms")} (p99 ${fmt(ovd.p99)}, n=${ovd.n}, ${fmt(ovd.kb)} KB HTML)`, "", "≤ 50 ms", verdict(ovd.p50 <= 50, ovd)],
    ["city page GET /city, first request after restart", `${fmt(cityFirst.ms, " ms")} (from the stored lines; one department rebuilt: ${fmt(sums?.rebuildOneMs, " ms")})`, "", "≤ 500 ms", cityFirst.problem === "skipped" ? "skipped" : cityFirst.problem ? `FAIL (${cityFirst.problem.slice(0, 90)})` : cityFirst.ms <= 500 ? "pass" : "miss"],
    ["city page GET /city p50 (from the stored lines)", `${fmt(cp.p50, " ms")} (p99 ${fmt(cp.p99)}, n=${cp.n})`, "", "≤ 500 ms", verdict(cp.p50 <= 500, cp)],
    ["city roll-up computed, every department (info: a full rebuild)", `${fmt(rollupCity.series.p50, " ms")} (p99 ${fmt(rollupCity.series.p99)}, n=${rollupCity.series.n}, ${rollupCity.lines} office-lines)`, `${ratio(rollupCity.series.p50, rollupDept.series.p50)} dept`, "—", verdict(true, rollupCity.series)],
    ["roll-up, department by department (info)", rollupLoop ? `${fmt(rollupLoop.samples[0], " ms")} (${size.departments} calls, ${rollupLoop.lines} office-lines)` : "—", "", "—", !phases.has("rollup") ? "skipped" : rollupLoop ? "" : "failed"],
    ["indicator GET /indicators/<id> p50", `${fmt(ind.p50, " ms")} (p99 ${fmt(ind.p99)}, n=${ind.n})`, "", "—", verdict(true, ind)],
    ["dashboard GET /dashboard p50 (info)", `${fmt(dash.p50, " ms")} (n=${dash.n})`, "", "—", verdict(true, dash)],
    ["submit (POST /api/v1/reports, 32 conn)", `${fmt(submit?.rps, " req/s")} (${submit?.ok ?? 0}/${submit?.total ?? 0} created after ${submit?.warmOk ?? 0} warm-up; ${submit?.stored ?? 0} stored in all)`, `${ratio(submit?.rps, bare?.rps)} bare route, ${ratio(submit?.rps, bareInsert.perSecond)} bare insert`, "≥ 0.5× bare route", !submit ? "skipped" : submit.ok === submit.total && submit.stored === submit.ok + submit.warmOk ? (bare && submit.rps >= 0.5 * bare.rps ? "pass" : "miss") : "FAIL (not all created)"],
    ["submit p99", fmt(submit?.p99, " ms"), "", "≤ 100 ms", !submit ? "skipped" : submit.p99 <= 100 ? "pass" : "miss"],
    ["bare route GET /api/health (32 conn)", `${fmt(bare?.rps, " req/s")} (p99 ${fmt(bare?.p99, " ms")})`, "1.00×", "—", ""],
    ["server CPU per request: submit / bare route", `${bare && submit ? `${submit.cpuMs.toFixed(2)} / ${bare.cpuMs.toFixed(2)} ms` : "—"}`, `${ratio(bare?.cpuMs, submit?.cpuMs)} (bare ÷ submit)`, "—", ""],
    ["bare insert (same row, same driver)", fmt(bareInsert.perSecond, " rows/s"), "1.00×", "—", ""],
    ["export XLSX, department form p50", `${fmt(exd.p50, " ms")} (projects: p50 ${fmt(exp.p50)}, max ${fmt(exp.max)} ms)`, "", "≤ 1000 ms", verdict(exd.p50 <= 1000 && exp.max <= 1000, exd.error ? exd : exp)],
    ["export XLSX, department form p50 (department only)", `${fmt(exo.p50, " ms")} (p99 ${fmt(exo.p99)}, n=${exo.n})`, "", "≤ 1000 ms", verdict(exo.p50 <= 1000, exo)],
    ["import of the 2024 document", fmt(importMs, " ms"), "", "—", ""],
    ["server RSS under load (max)", `${fmt(rss.load, " MB")} (idle ${fmt(rss.idle)}, pages ${fmt(rss.pages)}, export ${fmt(rss.export)} MB; ${city.rss.processes} process(es), largest ${fmt(city.rss.largestMb)} MB)`, "", "≤ 400 MB", !phases.has("load") ? "skipped" : (rss.load <= 400 ? "pass" : "miss") + (rss.overall > 400 && rss.load <= 400 ? ` (but ${fmt(rss.overall)} MB rendering pages)` : "")],
    ["first-load JS of / (gzip)", js ? `${js.kb} KB (${js.files} files, ${js.raw_kb} KB raw; page's <script> tags: ${htmlJs ? `${htmlJs.kb} KB, ${htmlJs.files} files` : "—"})` : "—", "", "≤ 250 KB", js ? (js.kb <= 250 ? "pass" : "miss") : "—"],
  ];
  const w = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => [...r[i]].length), [...["figure", "value", "ratio", "target", "verdict"][i]].length));
  const line = (r: string[]) => "| " + r.map((c, i) => c + " ".repeat(w[i] - [...c].length)).join(" | ") + " |";
  console.log(`\nJixiao benchmark — ${started.toISOString()} — ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} — ${engineOf(cityUrl)} ${cityUrl}`);
  console.log(`data: ${size.departments} departments, ${size.organizations} organisations, ${size.indicators} indicators (${size.annual_indicators} annual), ${size.reports} reports, ${size.budget_rows} budget rows, ${size.users} users\n`);
  console.log(line(["figure", "value", "ratio", "target", "verdict"]));
  console.log("|" + w.map((x) => "-".repeat(x + 2)).join("|") + "|");
  for (const r of rows) console.log(line(r));
  const failed = (s: Series) => s.error && s.error !== "skipped";
  const errs = [
    failed(ov) && `overview: ${ov.error}`,
    failed(ovd) && `overview (department): ${ovd.error}`,
    failed(dash) && `dashboard: ${dash.error}`,
    failed(cp) && `city page: ${cp.error}`,
    cityFirst.problem && cityFirst.problem !== "skipped" && `city page, first request: ${cityFirst.problem}`,
    failed(ind) && `indicator: ${ind.error}`,
    failed(exd) && `export: ${exd.error}`,
    failed(exp) && `export (projects): ${exp.error}`,
    failed(exo) && `export (department only): ${exo.error}`,
    failed(rollupCity.series) && `rollup: ${rollupCity.series.error}`,
    ...(submit?.errors ?? []).map((e) => `submit: ${e}`),
    ...serverErrors(path.join(BENCH_DIR, "server-city.log")).map((e) => `server log (city): ${e}`),
    ...serverErrors(path.join(BENCH_DIR, "server-department.log")).map((e) => `server log (department): ${e}`),
    ...notes,
  ].filter(Boolean) as string[];
  if (errs.length) console.log(`\nproblems:\n${errs.map((e) => `  - ${e.replace(/\s+/g, " ").slice(0, 400)}`).join("\n")}`);
  console.log(
    JSON.stringify({
      overview_ms_p50: r1(ov.p50), overview_ms_p99: r1(ov.p99), overview_n: ov.n, overview_ok: ov.statuses.ok ?? 0,
      overview_dept_ms_p50: r1(ovd.p50), overview_dept_ms_p99: r1(ovd.p99),
      rollup_ms_p50: r1(rollupCity.series.p50), rollup_ms_p99: r1(rollupCity.series.p99), rollup_lines: rollupCity.lines, rollup_dept_ms_p50: r1(rollupDept.series.p50), rollup_per_department_total_ms: rollupLoop ? r1(rollupLoop.samples[0]) : null,
      indicator_ms_p50: r1(ind.p50), indicator_ms_p99: r1(ind.p99),
      dashboard_ms_p50: r1(dash.p50), dashboard_ok: dash.statuses.ok ?? 0,
      city_page_ms_p50: r1(cp.p50), city_page_ms_p99: r1(cp.p99), city_page_first_ms: r1(cityFirst.ms), summaries_ensure_ms: r1(sums?.ensureMs ?? NaN), summaries_rebuild_one_ms: r1(sums?.rebuildOneMs ?? NaN),
      submit_rps: r1(submit?.rps ?? NaN), submit_p50_ms: submit?.p50 ?? null, submit_p99_ms: submit?.p99 ?? null, submit_ok: submit?.ok ?? 0, submit_total: submit?.total ?? 0, submit_stored: submit?.stored ?? 0,
      bare_route_rps: r1(bare?.rps ?? NaN), bare_route_p99_ms: bare?.p99 ?? null,
      submit_cpu_ms: submit ? Math.round(submit.cpuMs * 100) / 100 : null, bare_route_cpu_ms: bare ? Math.round(bare.cpuMs * 100) / 100 : null,
      bare_insert_per_s: r1(bareInsert.perSecond),
      export_xlsx_ms: r1(exd.p50), export_project_xlsx_ms_max: r1(exp.max), export_xlsx_dept_only_ms: r1(exo.p50),
      import_ms: r1(importMs),
      rss_mb: r1(rss.load), rss_idle_mb: r1(rss.idle), rss_max_mb: r1(rss.overall),
      first_load_js_kb: js?.kb ?? null, first_load_js_html_kb: htmlJs?.kb ?? null,
      connections, engine: engineOf(cityUrl),
      departments: size.departments, indicators: size.indicators, annual_indicators: size.annual_indicators, reports: size.reports, users: size.users,
      date: started.toISOString(),
      machine: { cores: os.cpus().length, ram_gb: Math.round(os.totalmem() / 2 ** 30), cpu: os.cpus()[0]?.model ?? "", loadavg: os.loadavg().map((x) => r1(x)), node: process.version },
      errors: errs.length,
    }),
  );
}

main().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
