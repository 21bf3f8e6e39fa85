import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, unlinkSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { test, expect } from "./fixtures";
import { BASE, E2E_DB, UPLOADS, actionBody, databaseDigest, inBatches, isErrorShape, query, serverActions, sessionCookie } from "./security-fixtures";

// The defences a reviewer would check by hand: security headers, cookie flags, the API's rate
// limit and the login limiter, cross-site request refusal, and how evidence files are checked,
// stored and served.

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

function expectSecurityHeaders(h: Headers, what: string, kind: "page" | "api") {
  const csp = h.get("content-security-policy") ?? "";
  expect(csp, `${what}: CSP frame-ancestors`).toContain("frame-ancestors 'none'");
  if (kind === "page") {
    expect(csp, `${what}: CSP`).toContain("default-src 'self'");
    expect(csp, `${what}: CSP object-src`).toContain("object-src 'none'");
  } else {
    // The API is never a page: nothing in an answer may run, even if a browser renders it.
    expect(csp, `${what}: CSP`).toContain("default-src 'none'");
    expect(csp, `${what}: CSP sandbox`).toContain("sandbox");
  }
  expect(h.get("x-content-type-options"), `${what}: nosniff`).toBe("nosniff");
  expect(h.get("referrer-policy"), `${what}: referrer policy`).toBe("strict-origin-when-cross-origin");
  expect(h.get("x-frame-options"), `${what}: X-Frame-Options`).toBe("DENY");
  expect(h.get("x-powered-by"), `${what}: no X-Powered-By`).toBeNull();
}

test.describe("security headers", () => {
  test("pages, API answers and the guards' own refusals all carry them", async () => {
    const admin = await sessionCookie("admin");
    const targets: [string, RequestInit & { path: string }][] = [
      ["the login page", { path: "/login" }],
      ["a signed-in page", { path: "/dashboard", headers: { cookie: admin } }],
      ["a 404 page", { path: "/no-such-page", headers: { cookie: admin } }],
      ["an API answer", { path: "/api/v1/indicators?year=2024&month=6", headers: { cookie: admin } }],
      ["an API refusal (401)", { path: "/api/v1/indicators" }],
      ["an API refusal (400)", { path: "/api/v1/indicators?year=abc", headers: { cookie: admin } }],
      ["a JSON 404 for an unknown endpoint", { path: "/api/v1/nope" }],
      ["a cross-site refusal (proxy)", { path: "/api/v1/reports", method: "POST", headers: { cookie: admin, origin: "https://evil.example.com", "content-type": "application/json" }, body: "{}" }],
      ["a malformed URL (proxy)", { path: "/indicators/%FF" }],
      ["a download", { path: "/api/v1/summary?year=2024&format=csv", headers: { cookie: admin } }],
    ];
    for (const [what, { path: p, ...init }] of targets) {
      const res = await fetch(BASE + p, { redirect: "manual", ...init });
      expectSecurityHeaders(res.headers, `${what} (HTTP ${res.status})`, p.startsWith("/api/v1/") ? "api" : "page");
    }
  });
});

test.describe("cookies", () => {
  test("the session cookie is HttpOnly and SameSite=Lax, and Secure with a __Secure- name behind TLS", async () => {
    for (const proto of ["http", "https"]) {
      const headers = { "x-forwarded-proto": proto };
      const csrf = await fetch(`${BASE}/api/auth/csrf`, { headers });
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { ...headers, cookie: jar, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, username: "evaluator", password: "Jixiao#2024", callbackUrl: "/" }),
      });
      const all = [...csrf.headers.getSetCookie(), ...res.headers.getSetCookie()];
      const session = all.find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
      expect(session, `a session over ${proto}`).toBeTruthy();
      expect(session).toMatch(/;\s*HttpOnly/i);
      expect(session).toMatch(/;\s*SameSite=Lax/i);
      expect(session).toMatch(/;\s*Path=\//i);
      // Every Auth.js cookie is HttpOnly (the CSRF token too): scripts never read credentials.
      for (const c of all.filter((x) => x.includes("authjs."))) expect(c, c.split("=")[0]).toMatch(/;\s*HttpOnly/i);
      if (proto === "https") {
        expect(session).toMatch(/^__Secure-authjs\.session-token=/);
        expect(session).toMatch(/;\s*Secure/i);
      } else {
        // Plain HTTP (this test server) cannot keep a Secure cookie; production sits behind TLS.
        expect(session).not.toMatch(/;\s*Secure/i);
      }
    }
  });

  test("the language cookie is HttpOnly and SameSite=Lax", async () => {
    const setLocale = serverActions({}).find((a) => a.name === "setLocale")!;
    const res = await fetch(`${BASE}${setLocale.page}`, { method: "POST", headers: { "next-action": setLocale.id }, body: actionBody(setLocale.id, [["lang", "en"]]) });
    const lang = res.headers.getSetCookie().find((c) => c.startsWith("lang="));
    expect(lang).toMatch(/^lang=en;/);
    expect(lang).toMatch(/;\s*HttpOnly/i);
    expect(lang).toMatch(/;\s*SameSite=Lax/i);
  });
});

test.describe("rate limits", () => {
  test("the API answers 429 with Retry-After and the error shape past the per-token limit; other callers are unaffected", async () => {
    test.setTimeout(120_000);
    // The server's limit (lib/env.ts; the e2e server inherits this environment).
    const limit = Number(process.env.API_RATE_LIMIT ?? 600);
    expect(limit, "API_RATE_LIMIT=0 turns the limiter off: nothing to test").toBeGreaterThan(0);
    // A token of its own (not a valid one: counted all the same), so no other spec's bucket fills.
    const token = { authorization: `Bearer ${randomBytes(32).toString("base64url")}` };
    // The limiter counts in fixed one-minute windows (proxy.ts): a burst that straddles a window's
    // end starts counting afresh. Start the burst with at least 30 s of its window left.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 30_000) await new Promise((r) => setTimeout(r, left + 100));
    const statuses = await inBatches(Array.from({ length: limit }, (_, i) => i), 50, async () => (await fetch(`${BASE}/api/v1/indicators`, { headers: token })).status);
    expect(new Set(statuses)).toEqual(new Set([401]));
    const limited = await fetch(`${BASE}/api/v1/indicators`, { headers: token });
    expect(limited.status).toBe(429);
    const retry = Number(limited.headers.get("retry-after"));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    const body: unknown = await limited.json();
    expect(isErrorShape(body) && body.error.code).toBe("too_many");
    // Writes are limited too, before any body is read.
    expect((await fetch(`${BASE}/api/v1/reports`, { method: "POST", headers: { ...token, "content-type": "application/json" }, body: "{}" })).status).toBe(429);
    // Another caller has its own window.
    const other = await fetch(`${BASE}/api/v1/indicators`, { headers: { authorization: `Bearer ${randomBytes(32).toString("base64url")}` } });
    expect(other.status).toBe(401);
    const signedIn = await fetch(`${BASE}/api/v1/indicators?year=2024&month=6`, { headers: { cookie: await sessionCookie("manager") } });
    expect(signedIn.status).toBe(200);
  });

  test("ten failed sign-ins from one address lock it out, even with the right password; the login form says so", async ({ page }) => {
    const ip = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
    const attempt = async (username: string, password: string, from: string) => {
      const csrf = await fetch(`${BASE}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { cookie: csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), "x-forwarded-for": from, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, username, password, callbackUrl: "/" }),
      });
      return res.headers.getSetCookie().some((c) => /^authjs\.session-token=[^;]+/.test(c));
    };
    // Made-up names: the address is what gets locked, never a real account.
    for (let i = 0; i < 10; i++) expect(await attempt(`nobody-${i}`, "wrong", ip)).toBe(false);
    expect(await attempt("manager", "Jixiao#2024", ip), "the right password from the locked address").toBe(false);
    expect(await attempt("manager", "Jixiao#2024", "198.51.100.1"), "the same account from elsewhere").toBe(true);

    await page.setExtraHTTPHeaders({ "x-forwarded-for": ip });
    await page.goto("/login");
    await page.getByLabel("用户名").fill("manager");
    await page.getByLabel("密码").fill("Jixiao#2024");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("status")).toHaveText("登录失败次数过多，请15分钟后再试");
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("cross-site requests (CSRF)", () => {
  test("a state-changing API request riding on the session cookie from another site is refused; a token request is not", async () => {
    const cookie = await sessionCookie("jiangan");
    const post = (headers: Record<string, string>) => fetch(`${BASE}/api/v1/reports`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ indicatorId: "x" }) });
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.example.com" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }];
    for (const h of crossSite) {
      const res = await post({ cookie, ...h });
      expect(res.status, JSON.stringify(h)).toBe(403);
      const body: unknown = await res.json();
      expect(isErrorShape(body) && body.error.code).toBe("forbidden");
    }
    // Same origin (the app's own pages), and non-browser clients without Origin, get through to validation.
    expect((await post({ cookie, origin: BASE, "sec-fetch-site": "same-origin" })).status).toBe(400);
    expect((await post({ cookie })).status).toBe(400);
    // A Bearer token is no ambient credential: exempt (an unknown one is simply 401).
    expect((await post({ origin: "https://evil.example.com", authorization: `Bearer ${randomBytes(32).toString("base64url")}` })).status).toBe(401);
  });

  test("a cross-origin server action (Next-Action header) is refused before it runs", async () => {
    const setLocale = serverActions({}).find((a) => a.name === "setLocale")!;
    const admin = await sessionCookie("admin");
    const send = (headers: Record<string, string>) =>
      fetch(`${BASE}${setLocale.page}`, { method: "POST", redirect: "manual", headers: { cookie: admin, "next-action": setLocale.id, ...headers }, body: actionBody(setLocale.id, [["lang", "en"]]) });
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.example.com" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }, { origin: BASE.replace("127.0.0.1", "localhost") }];
    for (const h of crossSite) {
      const res = await send(h);
      expect(res.status, JSON.stringify(h)).toBe(403);
      expect(res.headers.getSetCookie().some((c) => c.startsWith("lang=")), "the action did not run").toBe(false);
    }
    // The same request from the app's own origin runs.
    const ok = await send({ origin: BASE });
    expect(ok.status).toBe(200);
    expect(ok.headers.getSetCookie().some((c) => c.startsWith("lang=en"))).toBe(true);
  });

  test("a form posted from another site without JavaScript is refused too", async () => {
    const review = serverActions({}).find((a) => a.name === "reviewReportAction")!;
    const manager = await sessionCookie("manager");
    const before = databaseDigest();
    const f = new FormData();
    f.append(`$ACTION_ID_${review.id}`, "");
    f.append("reportId", "1");
    f.append("decision", "approve");
    const res = await fetch(`${BASE}${review.page}`, { method: "POST", redirect: "manual", headers: { cookie: manager, origin: "https://evil.example.com" }, body: f });
    expect(res.status).toBe(403);
    expect(databaseDigest()).toEqual(before);
  });
});

test.describe.serial("evidence uploads", () => {
  const made: { report?: number; storageKey?: string } = {};
  let evidenceId = 0;

  test.afterAll(() => {
    if (!made.report) return;
    const db = new Database(E2E_DB);
    db.pragma("busy_timeout = 5000");
    db.prepare(`DELETE FROM "Evidence" WHERE "reportId" = ?`).run(made.report);
    db.prepare(`DELETE FROM "AuditLog" WHERE "entity" = 'Indicator' AND "after" LIKE '%security spec upload%'`).run();
    db.prepare(`DELETE FROM "Report" WHERE "id" = ?`).run(made.report);
    db.close();
    if (made.storageKey && existsSync(path.join(UPLOADS, made.storageKey))) unlinkSync(path.join(UPLOADS, made.storageKey));
  });

  const fields = (ind: number, org: number): [string, string][] => [
    ["indicatorId", String(ind)],
    ["organizationId", String(org)],
    ["year", "2024"],
    ["month", "3"],
    ["valueText", "1"],
    ["deviationCategories", "其他"],
    ["deviationReason", "security spec upload"],
    ["correctiveMeasure", "security spec upload"],
    ["expectedVersion", "0"],
    ["intent", "save"],
  ];
  const target = () => {
    const [r] = query<{ ind: number; org: number }>(
      `SELECT i."id" AS ind, uo."organizationId" AS org FROM "Indicator" i JOIN "IndicatorOrg" io ON io."indicatorId" = i."id" JOIN "UserOrg" uo ON uo."organizationId" = io."organizationId" JOIN "User" u ON u."id" = uo."userId" WHERE u."username" = 'jiangan' AND i."level3" = '月社会保险业务经办量' AND i."term" = 'annual' AND i."year" = 2024`,
    );
    return r;
  };

  test("type and size are checked: by extension and by content, 10 MB at most", async () => {
    const cookie = await sessionCookie("jiangan");
    const { ind, org } = target();
    const action = serverActions({ indicatorId: String(ind) }).find((a) => a.name === "saveReportAction")!;
    const before = databaseDigest();
    const refused = async (name: string, bytes: Uint8Array, message: RegExp) => {
      const res = await fetch(`${BASE}/report/${ind}`, { method: "POST", headers: { cookie, "next-action": action.id }, body: actionBody(action.id, [...fields(ind, org), ["evidence", new Blob([new Uint8Array(bytes)]), name]]) });
      const text = await res.text();
      expect(res.status, name).toBe(200);
      expect(text, name).toMatch(message);
    };
    await refused("page.html", Buffer.from("<html><script>alert(1)</script></html>"), /类型不允许/);
    await refused("disguised.pdf", Buffer.from("<html><script>alert(1)</script></html>"), /类型不允许/);
    await refused("vector.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), /类型不允许/);
    await refused("big.pdf", Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), /超过10MB/);
    expect(databaseDigest()).toEqual(before);
  });

  test("a good file is stored outside the web root under a random name; a path in its name is dropped", async () => {
    const cookie = await sessionCookie("jiangan");
    const { ind, org } = target();
    const action = serverActions({ indicatorId: String(ind) }).find((a) => a.name === "saveReportAction")!;
    const res = await fetch(`${BASE}/report/${ind}`, {
      method: "POST",
      headers: { cookie, "next-action": action.id },
      body: actionBody(action.id, [...fields(ind, org), ["evidence", new Blob([new Uint8Array(PDF)], { type: "application/pdf" }), "../../../public/三月<佐证>.pdf"]]),
    });
    expect(await res.text()).toMatch(/^1:\{"data"/m);
    const [ev] = query<{ id: number; fileName: string; storageKey: string; reportId: number; mime: string }>(`SELECT "id", "fileName", "storageKey", "reportId", "mime" FROM "Evidence" ORDER BY "id" DESC LIMIT 1`);
    Object.assign(made, { report: ev.reportId, storageKey: ev.storageKey });
    evidenceId = ev.id;
    expect(ev.fileName).toBe("三月佐证.pdf");
    expect(ev.mime).toBe("application/pdf");
    expect(ev.storageKey).toMatch(/^[0-9a-f]{32}$/);
    const stored = path.join(UPLOADS, ev.storageKey);
    expect(readFileSync(stored).equals(PDF)).toBe(true);
    expect(path.relative(path.resolve("public"), stored).startsWith("..")).toBe(true);
    expect(existsSync(path.resolve("public", "三月佐证.pdf"))).toBe(false);
    // Not reachable as a static file by any guess at its path.
    for (const p of [`/uploads/${ev.storageKey}`, `/data/uploads/${ev.storageKey}`, `/${ev.storageKey}`, `/_next/static/..%2F..%2Fdata%2Fuploads%2F${ev.storageKey}`]) {
      const r = await fetch(`${BASE}${p}`, { headers: { cookie }, redirect: "manual" });
      expect(r.status, p).toBeGreaterThanOrEqual(400);
      expect(Buffer.from(await r.arrayBuffer()).includes(PDF.subarray(0, 8)), p).toBe(false);
    }
  });

  test("it is served only as an attachment, sniff-proof and sandboxed, to those who may see it", async () => {
    const res = await fetch(`${BASE}/api/v1/evidence/${evidenceId}`, { headers: { cookie: await sessionCookie("jiangan") } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename*=UTF-8''${encodeURIComponent("三月佐证.pdf")}`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'.*sandbox|sandbox.*default-src 'none'/);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    // 政研处 shares nothing with 江岸: as if the file did not exist.
    const other = await fetch(`${BASE}/api/v1/evidence/${evidenceId}`, { headers: { cookie: await sessionCookie("zhengyan") } });
    expect(other.status).toBe(404);
    expect((await fetch(`${BASE}/api/v1/evidence/${evidenceId}`)).status).toBe(401);
  });
});
