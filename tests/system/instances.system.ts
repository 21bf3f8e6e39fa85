// Two app instances against ONE PostgreSQL database (what a load balancer in front of several
// machines does): concurrent submissions split across both, for distinct reports and for the same
// ones; sessions made on one instance used on the other; evidence uploaded on one downloaded from
// the other (they share UPLOAD_DIR, as several machines must share one volume); one set of limits
// (docs/decisions/012): the API rate limit and the sign-in lockout count across both, and both
// serve the city roll-up from the same stored lines.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppServer, port } from "./server";
import { CookieJar, isApiError, pool, postReport, reportBody, seededApp, signIn, slotKey, YEAR, type SeededApp, type Slot } from "./fixtures";

// (Always PostgreSQL: see vitest.system.config.ts.)
// A minimal valid PDF, as evidence (the same as e2e/report-progress.spec.ts).
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/**
 * Submits the report page's form as a browser without JavaScript does (React renders the server
 * action's hidden fields into the form): the upload takes the same path as the reporting form.
 */
async function submitForm(jar: CookieJar, baseUrl: string, slot: Slot, valueText: string, file: { name: string; bytes: Buffer; type: string }) {
  const pageUrl = `${baseUrl}/report/${slot.indicatorId}?year=${YEAR}&month=${slot.month}&org=${slot.organizationId}`;
  const page = await jar.fetch(pageUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const form = [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)].find((m) => m[1].includes('name="evidence"'));
  expect(form, "the report page has a form with an evidence field").toBeDefined();
  const body = new FormData();
  for (const [input] of form![1].matchAll(/<input\b[^>]*>/g)) {
    const attr = (k: string) => input.match(new RegExp(`\\s${k}="([^"]*)"`))?.[1];
    if (attr("type") === "hidden" && attr("name")) body.append(decode(attr("name")!), decode(attr("value") ?? ""));
  }
  expect([...body.keys()].some((k) => k.startsWith("$ACTION")), "the form carries its server action").toBe(true);
  body.append("valueText", valueText);
  body.append("note", "uploaded on instance A");
  body.append("deviationCategories", "其他");
  body.append("deviationReason", "evidence test");
  body.append("correctiveMeasure", "evidence test");
  body.append("evidence", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  body.append("intent", "submit");
  const res = await jar.fetch(pageUrl, { method: "POST", body, headers: { origin: baseUrl } });
  await res.arrayBuffer();
  expect([200, 303]).toContain(res.status);
}

/** Requests per minute and key on both instances (the default, 600, would make the test slow). */
const LIMIT = 300;

// Run on PostgreSQL only (vitest.system.config.ts leaves this file out on SQLite: one file, one writer).
describe("two app instances on one PostgreSQL database", () => {
  let app: SeededApp;
  let a: AppServer;
  let b: AppServer;
  let uploads: string;

  beforeAll(async () => {
    app = await seededApp("postgres");
    uploads = mkdtempSync(path.join(tmpdir(), "jixiao-uploads-"));
    // Same DATABASE_URL, AUTH_SECRET and UPLOAD_DIR: the settings every instance must share.
    a = new AppServer({ port: port(3), databaseUrl: app.url, uploadDir: uploads, env: { API_RATE_LIMIT: String(LIMIT) } });
    b = new AppServer({ port: port(4), databaseUrl: app.url, uploadDir: uploads, env: { API_RATE_LIMIT: String(LIMIT) } });
    await Promise.all([a.start(), b.start()]);
  });

  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await app?.close();
    if (uploads) rmSync(uploads, { recursive: true, force: true });
  });

  const servers = () => [a, b];

  it("distinct reports submitted through both at once: every one stored once, none lost", async () => {
    const slots = app.slots.filter((s) => s.month <= 6).slice(0, 160);
    const statuses: number[] = [];
    await pool(slots, 24, async (slot, i) => {
      const res = await postReport(servers()[i % 2].url, app.tokens[slot.reporter], reportBody(slot, i));
      statuses.push(res.status);
    });
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    const rows = await app.db.report.findMany({ where: { year: YEAR, month: { lte: 6 } } });
    expect(rows).toHaveLength(slots.length);
    const byKey = new Map(rows.map((r) => [slotKey(r), r]));
    slots.forEach((slot, i) => expect(byKey.get(slotKey(slot))).toMatchObject({ valueText: slot.value(i), version: 1, current: true }));
  });

  it("the same reports written through both at once: one winner per report and round, no duplicate current rows", async () => {
    const slots = app.slots.filter((s) => s.month === 8).slice(0, 8);
    const CLIENTS = 10; // per report, alternating A and B
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(
        slots.flatMap((slot, k) =>
          Array.from({ length: CLIENTS }, (_, c) =>
            postReport(servers()[c % 2].url, app.tokens[slot.reporter], reportBody(slot, 10_000 * round + 100 * k + c, round, "save")).then((r) => ({ k, c, r })),
          ),
        ),
      );
      for (let k = 0; k < slots.length; k++) {
        const mine = results.filter((x) => x.k === k);
        const won = mine.filter((x) => x.r.status === 201);
        expect(won, `report ${k}, round ${round}: ${mine.map((x) => x.r.status).join(",")}`).toHaveLength(1);
        for (const x of mine.filter((x) => x.r.status !== 201)) {
          expect(x.r.status).toBe(409);
          expect(isApiError(x.r.json, "conflict"), JSON.stringify(x.r.json)).toBe(true);
        }
        const rows = await app.db.report.findMany({ where: { indicatorId: slots[k].indicatorId, organizationId: slots[k].organizationId, year: YEAR, month: 8 } });
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ version: round + 1, valueText: slots[k].value(10_000 * round + 100 * k + won[0].c) });
      }
    }
    // Across the whole database: at most one current row per indicator, office and month.
    const dup = await app.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT COUNT(*)::int AS n FROM (SELECT 1 FROM "Report" WHERE "current" GROUP BY "indicatorId", "organizationId", "year", "month" HAVING COUNT(*) > 1) d`,
    );
    expect(dup[0].n).toBe(0);
  });

  it("a session made on A works on B (shared AUTH_SECRET)", async () => {
    const jar = await signIn(a.url, "jiangan");
    const session = await jar.fetch(`${b.url}/api/auth/session`);
    expect(session.status).toBe(200);
    const who = (await session.json()) as { user?: { name?: unknown } };
    expect(typeof who.user?.name).toBe("string");
    const mine = await jar.fetch(`${b.url}/api/v1/indicators?year=${YEAR}&month=6`);
    expect(mine.status).toBe(200);
    const lines = ((await mine.json()) as { data: { indicators: { office: { id: number } }[] } }).data.indicators;
    expect(lines.length).toBeGreaterThan(0);
    const user = await app.db.user.findUniqueOrThrow({ where: { username: "jiangan" }, include: { orgs: true } });
    expect(new Set(lines.map((l) => l.office.id))).toEqual(new Set(user.orgs.map((o) => o.organizationId)));
    // A page behind sign-in renders on B (no redirect to /login).
    const my = await jar.fetch(`${b.url}/my?year=${YEAR}&month=6`);
    expect(my.status).toBe(200);
    // Without the cookie B sends the visitor to sign in.
    const anon = await fetch(`${b.url}/my`, { redirect: "manual" });
    expect([302, 303, 307, 308]).toContain(anon.status);
    // A write with A's session cookie through B.
    const slot = app.slots.find((s) => s.reporter === "jiangan" && s.month === 11)!;
    const res = await jar.fetch(`${b.url}/api/v1/reports`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(reportBody(slot, 7)) });
    expect(res.status).toBe(201);
  });

  it("evidence uploaded through A downloads from B", async () => {
    const slot = app.slots.find((s) => s.reporter === "jiangan" && s.month === 12)!;
    const jar = await signIn(a.url, "jiangan");
    await submitForm(jar, a.url, slot, slot.value(4242), { name: "发放记录.pdf", bytes: PDF, type: "application/pdf" });
    const ev = await app.db.evidence.findFirst({ where: { report: { indicatorId: slot.indicatorId, organizationId: slot.organizationId, month: slot.month, year: YEAR } } });
    expect(ev, "the form post stored an evidence row").not.toBeNull();
    expect(ev).toMatchObject({ fileName: "发放记录.pdf", mime: "application/pdf", size: PDF.byteLength, sha256: createHash("sha256").update(PDF).digest("hex") });
    expect(readdirSync(uploads)).toContain(ev!.storageKey);

    for (const s of [b, a]) {
      const res = await fetch(`${s.url}/api/v1/evidence/${ev!.id}`, { headers: { authorization: `Bearer ${app.tokens.jiangan}` } });
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    }
    // The session from A downloads it from B too.
    const viaCookie = await jar.fetch(`${b.url}/api/v1/evidence/${ev!.id}`);
    expect(viaCookie.status).toBe(200);
    expect(Buffer.from(await viaCookie.arrayBuffer()).equals(PDF)).toBe(true);
  });
  it("the API rate limit is shared: requests split across both are refused at the one limit, with Retry-After", async () => {
    // Counted per address here (no credentials): one key, in one minute's window.
    if (Date.now() % 60_000 > 40_000) await new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 200));
    const headers = { "x-forwarded-for": "198.51.100.7" };
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    await pool(Array.from({ length: 2 * LIMIT + 100 }, (_, i) => i), 8, async (i) => {
      const res = await fetch(`${servers()[i % 2].url}/api/v1/indicators?year=${YEAR}`, { headers });
      await res.arrayBuffer();
      statuses.push(res.status);
      if (res.status === 429) retryAfter ??= res.headers.get("retry-after");
    });
    const admitted = statuses.filter((s) => s !== 429).length;
    expect(statuses.filter((s) => s !== 429 && s !== 401)).toEqual([]);
    // Each instance counting alone would admit 2 × LIMIT. Shared: LIMIT, plus at most what one
    // instance counted in-process and had not yet sent (below half the limit, ≤ 200 ms of it).
    expect(admitted).toBeGreaterThanOrEqual(LIMIT);
    expect(admitted).toBeLessThanOrEqual(LIMIT * 1.5);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    // Both instances refuse now.
    for (const s of servers()) expect((await fetch(`${s.url}/api/v1/indicators?year=${YEAR}`, { headers })).status).toBe(429);
  });

  it("the sign-in lockout is shared: failures on A and B add up, then the right password fails on both", async () => {
    // Failures are counted per account and per address: the guesses come from one address, the
    // right password from another, so only the account's count can refuse it.
    const user = "zhengyan";
    const attacker = "203.0.113.9";
    const owner = "203.0.113.20";
    for (let i = 0; i < 10; i++) await expect(signIn(servers()[i % 2].url, user, "wrong-password", attacker)).rejects.toThrow(/no session cookie/);
    for (const s of servers()) await expect(signIn(s.url, user, undefined, owner)).rejects.toThrow(/no session cookie/);
    // Another account from another address is not locked.
    await expect(signIn(b.url, "jianghan", undefined, owner)).resolves.toBeDefined();
  });

  it("both serve the city roll-up from the same stored lines, and a write through one shows on the other", async () => {
    const jar = await signIn(a.url, "finance");
    const city = async (s: AppServer) => {
      const res = await jar.fetch(`${s.url}/api/v1/city?year=${YEAR}&month=9`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { data: { computedAt: string; totals: { reported: number } } }).data;
    };
    const first = await city(a);
    expect(await city(b)).toEqual(first); // B computed nothing: A's lines, as stored
    const slot = app.slots.find((s) => s.month === 9)!;
    expect((await postReport(b.url, app.tokens[slot.reporter], reportBody(slot, 99))).status).toBe(201);
    let now = await city(a);
    for (let i = 0; i < 100 && now.totals.reported === first.totals.reported; i++) {
      await new Promise((r) => setTimeout(r, 100));
      now = await city(a);
    }
    expect(now.totals.reported).toBe(first.totals.reported + 1);
  });
});
