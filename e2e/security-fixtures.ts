// What the bad-input, access-matrix and security specs share: signed-in sessions as cookie
// headers, API tokens, minted (expired / forged) session cookies, a digest of the e2e database,
// the build's server actions, and the API's error shape.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import { expect, request } from "@playwright/test";
import { createPrisma } from "../lib/db/prisma";
import { factory } from "../prisma/seed/factories";
import { DEMO_PASSWORD } from "./fixtures";

export const BASE = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
/** The database scripts/e2e-server.sh serves (a fresh seeded SQLite file). */
export const E2E_DB = path.resolve("data/e2e.db");
export const UPLOADS = path.resolve(process.env.UPLOAD_DIR ?? "data/uploads");
/** The secret scripts/e2e-server.sh gives the server, to mint session cookies as an attacker could not. */
export const AUTH_SECRET = process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789";
export const SESSION_COOKIE = "authjs.session-token";

/** Signs in through Auth.js's credentials endpoint and returns the session as a Cookie header. */
export async function sessionCookie(username: string, password = DEMO_PASSWORD): Promise<string> {
  const ctx = await request.newContext({ baseURL: BASE });
  try {
    const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, username, password, callbackUrl: "/" }, maxRedirects: 0 });
    expect([200, 302]).toContain(res.status());
    const cookies = (await ctx.storageState()).cookies;
    const session = cookies.find((c) => c.name === SESSION_COOKIE);
    expect(session, `sign-in as ${username}`).toBeTruthy();
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await ctx.dispose();
  }
}

/** A session cookie for any claims, sealed with the server's secret (or another one: a forgery). */
export async function mintedSession(opts: { sub: string; role?: string; username?: string; maxAge?: number; secret?: string }): Promise<string> {
  const value = await encode({
    token: { sub: opts.sub, role: opts.role ?? "admin", username: opts.username ?? "admin", name: "minted" },
    secret: opts.secret ?? AUTH_SECRET,
    salt: SESSION_COOKIE,
    maxAge: opts.maxAge ?? 3600,
  });
  return `${SESSION_COOKIE}=${value}`;
}

/**
 * Gives a user an API token through the test-data factory (prisma/seed/factories.ts), as `cli token
 * create` does (only its hash is stored), and returns it with a function that puts the previous
 * hash back, so other specs see the seeded accounts.
 */
export async function grantToken(username: string): Promise<{ token: string; restore: () => Promise<void> }> {
  const db = createPrisma(`file:${E2E_DB}`);
  const build = factory(db);
  const token = await build.token({ username });
  return {
    token,
    restore: async () => {
      await build.drop();
      await db.$disconnect();
    },
  };
}

/** Runs a read-only query on the e2e database (ids for the cases: another office's indicator…). */
export function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/**
 * A digest per table of every row, read-only. The limiters' own tables are left out: LoginAttempt
 * (failed sign-ins are recorded there on purpose) and RateWindow (the API rate limit counts every
 * request, refused or not, shared by the instances: decision 012). Everything else, the audit log
 * included, must be exactly as before a refused request.
 */
const LIMITER_TABLES = ["LoginAttempt", "RateWindow"];

export function databaseDigest(): Record<string, string> {
  const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((t) => t.name).filter((n) => !LIMITER_TABLES.includes(n));
    const out: Record<string, string> = {};
    for (const t of tables) {
      // (sqlite_sequence holds LoginAttempt's counter too.)
      const where = t === "sqlite_sequence" ? ` WHERE "name" <> 'LoginAttempt'` : "";
      const rows = (db.prepare(`SELECT * FROM "${t.replace(/"/g, '""')}"${where}`).raw().all() as unknown[][]).map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString("base64") : typeof v === "bigint" ? String(v) : v))).sort();
      out[t] = `${rows.length} rows ${createHash("sha256").update(rows.join("\n")).digest("hex").slice(0, 16)}`;
    }
    return out;
  } finally {
    db.close();
  }
}

/** Files under data/uploads (refused uploads must leave none behind). */
export const uploadedFiles = () => (existsSync(UPLOADS) ? readdirSync(UPLOADS).sort() : []);

export type AppRoute = { pattern: string; kind: "page" | "route"; methods: string[] };
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/**
 * Every page and route handler under app/, as URL patterns ("/api/v1/evidence/[id]"), with the
 * methods a route handler exports: the specs derive cases from this list, so a route added
 * later is covered (or named as missing) without anyone remembering to.
 */
export function appRoutes(): AppRoute[] {
  const out: AppRoute[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (!name.startsWith("_")) walk(full);
        continue;
      }
      const url = "/" + path.relative(path.resolve("app"), dir).split(path.sep).filter((seg) => !/^\(.*\)$/.test(seg)).join("/");
      if (name === "page.tsx") out.push({ pattern: url, kind: "page", methods: ["GET"] });
      if (name === "route.ts") {
        const src = readFileSync(full, "utf8");
        const methods = METHODS.filter((m) => new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${m}\\b|export\\s+const\\s+\\{[^}]*\\b${m}\\b[^}]*\\}`).test(src));
        out.push({ pattern: url, kind: "route", methods });
      }
    }
  };
  walk(path.resolve("app"));
  return out;
}

/** A pattern with sample values in its dynamic segments: [id] → samples.id ?? "1". */
export const fillPattern = (pattern: string, samples: Record<string, string>) =>
  pattern.replace(/\[\.\.\.(\w+)\]/g, (_m, p: string) => samples[p] ?? "x/y").replace(/\[(\w+)\]/g, (_m, p: string) => samples[p] ?? "1");

export type ServerAction = { id: string; name: string; file: string; page: string };

/**
 * Every server action of the build (Next's server-reference manifest), with a page that uses
 * it: dynamic segments get a sample value, since an action is posted to a page's URL.
 */
export function serverActions(samples: Record<string, string>): ServerAction[] {
  const file = path.resolve(".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, unknown> }> };
  return Object.entries(manifest.node).map(([id, a]) => {
    const pages = Object.keys(a.workers).filter((w) => w.endsWith("/page") && !w.includes("_not-found"));
    // The page in the action's own folder when there is one (app/review/actions.ts → /review).
    const dir = path.dirname(a.filename ?? "");
    const worker = pages.find((w) => path.dirname(w) === dir) ?? pages[0] ?? "app/page";
    const page = "/" + worker.replace(/^app\/?/, "").replace(/\/?page$/, "");
    return { id, name: a.exportedName ?? id, file: a.filename ?? "", page: page.replace(/\[(\w+)\]/g, (_m, p: string) => samples[p] ?? "1") };
  });
}

/** React's reply encoding of an action's arguments: the form's fields, then the argument list. */
export function actionBody(actionId: string, fields: [string, string | Blob, string?][]): FormData {
  const fd = new FormData();
  for (const [k, v, name] of fields) {
    if (typeof v === "string") fd.append(`_1_${k}`, v);
    else fd.append(`_1_${k}`, v, name);
  }
  // The id's first byte flags the arguments the action uses: bit 0x20 is the second one, as in
  // (prevState, formData) for useActionState; otherwise the form is the only argument.
  fd.append("0", parseInt(actionId.slice(0, 2), 16) & 0x20 ? '[null,"$K1"]' : '["$K1"]');
  return fd;
}

export type ErrorShape = { error: { code: string; message: { zh: string; en: string }; fields?: Record<string, string[]> | null } };

/** The API's one error shape: { error: { code, message: { zh, en }, fields } }. */
export function isErrorShape(body: unknown): body is ErrorShape {
  if (!body || typeof body !== "object" || !("error" in body)) return false;
  const e = (body as ErrorShape).error;
  return (
    !!e &&
    typeof e.code === "string" &&
    typeof e.message?.zh === "string" &&
    typeof e.message?.en === "string" &&
    e.message.zh.length > 0 &&
    e.message.en.length > 0 &&
    (e.fields === undefined || e.fields === null || typeof e.fields === "object")
  );
}

/** Runs tasks a few at a time (the server is one process; a flood is another spec's business). */
export async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>, after?: () => Promise<void>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
    if (after) await after();
  }
  return out;
}
