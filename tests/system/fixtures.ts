// What the system tests share: a fresh seeded database with API tokens for the reporters, the
// report "slots" (indicator × office × month) a reporter may write with a value that parses, and
// small HTTP helpers (API calls, a cookie jar, sign-in through Auth.js's credentials callback).
import Database from "better-sqlite3";
import { createPrisma, type Db } from "../../lib/db/prisma";
import { sqlitePath } from "../../lib/db/engine";
import { parseActual } from "../../lib/targets";
import { aggregationOf, officeTarget } from "../../lib/reporting/target";
import { targetOf } from "../../lib/indicator/client";
import { seedDatabase } from "../../prisma/seed/load";
import { factory } from "../../prisma/seed/factories";
import { freshDatabase, testEngine, type TestEngine } from "../db";

/** The demo reporters; the fixture adds one reporter account per other office that owns indicators. */
export const REPORTERS = ["jiangan", "jianghan", "zhengyan"] as const;
export type Reporter = string;
export const YEAR = 2024;
export const PASSWORD = "Jixiao#2024";

export type Slot = {
  reporter: Reporter;
  indicatorId: number;
  organizationId: number;
  month: number;
  /** A value text for this slot's target that parses, distinct for each n mod 10000. */
  value: (n: number) => string;
};
export const slotKey = (s: { indicatorId: number; organizationId: number; month: number }) => `${s.indicatorId}/${s.organizationId}/${s.month}`;

export type SeededApp = {
  engine: TestEngine;
  url: string;
  db: Db;
  tokens: Record<Reporter, string>;
  /** Every slot of every reporter, months 1–12, in a stable order. */
  slots: Slot[];
  close: () => Promise<void>;
};

/**
 * A value text for a quantitative target that parses, distinct for n mod 10000: rates as
 * 0.00–99.99, other quantities as the number itself; bare, or else with the unit.
 */
function valueFor(target: ReturnType<typeof targetOf>): ((n: number) => string) | null {
  if (target.kind !== "quantitative") return null;
  const num = target.unit === "%" || target.unit === "‰" ? (n: number) => String((n % 10_000) / 100) : (n: number) => String(n % 10_000);
  const forms = [num, (n: number) => `${num(n)}${target.unit ?? ""}`];
  for (const f of forms) if ([0, 1, 1001, 4242, 9999].every((n) => parseActual(f(n), target).ok)) return f;
  return null;
}

export async function seededApp(engine: TestEngine = testEngine()): Promise<SeededApp> {
  const fresh = await freshDatabase(engine);
  const db = createPrisma(fresh.url);
  await seedDatabase(db);
  // The database is this run's alone and dropped whole by close(): nothing to drop row by row.
  const build = factory(db);
  // Enough reporters to write many reports at once: the demo ones, then one for every other
  // office that owns an annual indicator (API tokens only; no password can sign them in).
  const owners = await db.indicatorOrg.findMany({ where: { indicator: { year: YEAR, term: "annual" } }, select: { organizationId: true }, distinct: ["organizationId"], orderBy: { organizationId: "asc" } });
  const demo = await db.user.findMany({ where: { username: { in: [...REPORTERS] } }, include: { orgs: true } });
  const covered = new Set(demo.flatMap((u) => u.orgs.map((o) => o.organizationId)));
  const reporters: string[] = [...REPORTERS];
  const departmentId = (await db.department.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  for (const { organizationId } of owners.filter((o) => !covered.has(o.organizationId))) {
    const username = `system-${organizationId}`;
    await build.user({ username, name: `system test reporter ${organizationId}`, role: "reporter", departmentId, orgIds: [organizationId] });
    reporters.push(username);
  }
  const tokens: Record<Reporter, string> = {};
  const slots: Slot[] = [];
  for (const reporter of reporters) {
    tokens[reporter] = await build.token({ username: reporter });
    const user = await db.user.findUniqueOrThrow({ where: { username: reporter }, include: { orgs: true } });
    const orgIds = user.orgs.map((o) => o.organizationId);
    const indicators = await db.indicator.findMany({
      where: { year: YEAR, term: "annual", orgs: { some: { organizationId: { in: orgIds } } } },
      include: { orgs: true },
      orderBy: { id: "asc" },
    });
    for (const ind of indicators) {
      const full = targetOf(ind);
      if (full.kind === "none" || full.kind === "unparsed") continue;
      const value = valueFor(officeTarget(full, ind.orgs.length, aggregationOf(ind.aggregation, full)));
      if (!value) continue;
      for (const org of ind.orgs.filter((o) => orgIds.includes(o.organizationId)))
        for (let month = 1; month <= 12; month++) slots.push({ reporter, indicatorId: ind.id, organizationId: org.organizationId, month, value });
    }
  }
  return {
    engine,
    url: fresh.url,
    db,
    tokens,
    slots,
    close: async () => {
      await db.$disconnect();
      await fresh.drop();
    },
  };
}

/** `PRAGMA integrity_check` on a SQLite database URL (a separate connection; fine beside a live server). */
export function integrityCheck(url: string): string {
  const conn = new Database(sqlitePath(url), { readonly: true });
  try {
    return (conn.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
  } finally {
    conn.close();
  }
}

export type ReportBody = {
  indicatorId: number;
  organizationId: number;
  year: number;
  month: number;
  valueText: string;
  expectedVersion: number;
  intent: "save" | "submit";
  note?: string;
  deviationCategories?: string[];
  deviationReason?: string;
  correctiveMeasure?: string;
};

/** The report body for a slot; the deviation fields are always there so a red light never refuses it. */
export function reportBody(slot: Slot, n: number, expectedVersion = 0, intent: "save" | "submit" = "submit"): ReportBody {
  return {
    indicatorId: slot.indicatorId,
    organizationId: slot.organizationId,
    year: YEAR,
    month: slot.month,
    valueText: slot.value(n),
    note: `system test #${n}`,
    deviationCategories: ["其他"],
    deviationReason: `reason #${n}`,
    correctiveMeasure: `measure #${n}`,
    expectedVersion,
    intent,
  };
}

export type ApiResponse = { status: number; json: unknown };

/** POST /api/v1/reports with a Bearer token; network errors (a killed server) are thrown. */
export async function postReport(baseUrl: string, token: string, body: ReportBody): Promise<ApiResponse> {
  const res = await fetch(`${baseUrl}/api/v1/reports`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

/** The documented error shape: {"error": {"code", "message": {"zh", "en"}, "fields"}}. */
export function isApiError(json: unknown, code: string): boolean {
  const e = (json as { error?: { code?: unknown; message?: { zh?: unknown; en?: unknown } } } | null)?.error;
  return !!e && e.code === code && typeof e.message?.zh === "string" && typeof e.message?.en === "string" && "fields" in e;
}

/** Runs `tasks` with at most `limit` in flight; stops taking new ones once `stop()` says so. */
export async function pool<T>(items: T[], limit: number, task: (item: T, i: number) => Promise<void>, stop: () => boolean = () => false): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (!stop() && next < items.length) {
      const i = next++;
      await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** A minimal cookie jar over fetch (Set-Cookie in, Cookie out; names only, one host). */
export class CookieJar {
  private cookies = new Map<string, string>();

  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  names(): string[] {
    return [...this.cookies.keys()];
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.header());
    const res = await fetch(url, { redirect: "manual", ...init, headers });
    this.take(res);
    return res;
  }
}

/** Signs in through Auth.js's credentials callback on one server (as e2e/fixtures.ts signInAs does). */
/** Signs in; `from` is the client address the proxy would forward (the app counts failures per address too). */
export async function signIn(baseUrl: string, username: string, password = PASSWORD, from?: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const forwarded: Record<string, string> = from ? { "x-forwarded-for": from } : {};
  const csrf = await jar.fetch(`${baseUrl}/api/auth/csrf`, { headers: forwarded });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await jar.fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...forwarded },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: "/" }).toString(),
  });
  await res.arrayBuffer();
  if (![200, 302].includes(res.status)) throw new Error(`sign-in as ${username} answered ${res.status}`);
  if (!jar.names().some((n) => n.includes("session-token"))) throw new Error(`sign-in as ${username} set no session cookie (got ${jar.names().join(", ")})`);
  return jar;
}

export const engineName = (e: TestEngine) => (e === "sqlite" ? "SQLite" : "PostgreSQL");
export { testEngine };
