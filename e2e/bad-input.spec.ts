import { randomBytes } from "node:crypto";
import { test, expect } from "@playwright/test";
import {
  BASE,
  actionBody,
  appRoutes,
  fillPattern,
  databaseDigest,
  grantToken,
  inBatches,
  isErrorShape,
  mintedSession,
  query,
  serverActions,
  sessionCookie,
  uploadedFiles,
} from "./security-fixtures";

// A corpus of malformed, forged and out-of-scope requests against every API route, the Auth.js
// endpoints and every server action of the build. Each must be refused with a 4xx (the API's
// JSON error shape where the app answers), never a 5xx; the server must stay up; and nothing may
// change: every table but the limiters' counters (LoginAttempt, RateWindow) and the
// upload folder are compared before and after. The corpus is data: routes × mutation tables, so
// a new route or parameter adds its cases by adding a row.

type Caller = "anon" | "jiangan" | "evaluator" | "manager" | "admin" | "finance" | "token";
type Expect =
  | { kind: "api"; status?: number } // 4xx with { error: { code, message: { zh, en } } }
  | { kind: "method" } // 405 from Next for a method the route does not export
  | { kind: "authjs" } // Auth.js's own answers: below 500, and no session handed out
  | { kind: "action" }; // a server action: below 500, and when it ran, it answered { error }
type Body = string | Uint8Array | FormData | ReadableStream<Uint8Array>;
type Case = { route: string; name: string; as: Caller; method: string; path: string; headers?: Record<string, string>; body?: Body | (() => Body); expect: Expect };

// ---------------------------------------------------------------------------------------------
// Mutation tables

/** Values that are not a number the parameter accepts, as they would sit in a query string. */
const BAD_NUMBERS: [string, string][] = [
  ["empty", ""],
  ["letters", "abc"],
  ["NaN", "NaN"],
  ["Infinity", "Infinity"],
  ["-Infinity", "-Infinity"],
  ["1e309 (overflows to Infinity)", "1e309"],
  ["-1", "-1"],
  ["0", "0"],
  ["a fraction", "1.5"],
  ["2^53+1", "9007199254740993"],
  ["2^31 (past a 32-bit int)", "2147483648"],
  ["hex", "0x10"],
  ["SQL injection", "1' OR '1'='1"],
  ["script injection", "<script>alert(1)</script>"],
  ["full-width digits", "１２"],
  ["an emoji", "🙂"],
  ["invalid UTF-8 bytes", "%FF%FE%00"],
];
const BAD_FORMATS: [string, string][] = [
  ["empty format", ""],
  ["unknown format", "exe"],
  ["upper-case format", "JSON"],
  ["path traversal as format", "../../etc/passwd"],
  ["script as format", "<script>"],
  ["NUL in format", "json%00"],
];
const BAD_LAYOUTS: [string, string][] = [
  ["prototype key constructor", "constructor"],
  ["prototype key __proto__", "__proto__"],
  ["prototype key toString", "toString"],
  ["prototype key hasOwnProperty", "hasOwnProperty"],
  ["unknown layout", "nope"],
  ["61-character layout", "x".repeat(61)],
  ["path traversal as layout", "..%2F..%2Fetc%2Fpasswd"],
];
const BAD_IDS: [string, string, number?][] = [
  ["0", "0"],
  ["-1", "-1"],
  ["letters", "abc"],
  ["a fraction", "1.5"],
  ["1e309", "1e309"],
  ["NaN", "NaN"],
  ["Infinity", "Infinity"],
  ["2^53+1", "9007199254740993"],
  ["2^31", "2147483648"],
  ["an id nobody has", "999999"],
  ["encoded path traversal", "..%2F..%2F..%2Fetc%2Fpasswd"],
  ["NUL", "%00"],
  ["SQL injection", "1%20OR%201%3D1"],
  ["script injection", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"],
  ["invalid UTF-8 bytes (the URL itself is malformed: 400)", "%FF%FE", 400],
  ["an overlong UTF-8 slash", "%C0%AF", 400],
];
const BAD_CODES: [string, string][] = [
  ["letters", "abc"],
  ["20 digits", "42010022503003000010"],
  ["22 digits", "4201002250300300001011"],
  ["encoded path traversal", "..%2F..%2Fdepartment"],
  ["department with NUL", "department%00"],
  ["SQL injection", "department'%20OR%20'1'%3D'1"],
  ["script injection", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"],
];

/** Credentials that must all be refused with 401: missing, forged, expired, for nobody. */
async function badCredentials(): Promise<[string, Record<string, string>][]> {
  const other = "not-the-server-secret-0123456789abcdef";
  return [
    ["no credentials", {}],
    ["a garbage session cookie", { cookie: "authjs.session-token=garbage" }],
    ["a session sealed with another secret", { cookie: await mintedSession({ sub: "1", secret: other }) }],
    ["an expired session", { cookie: await mintedSession({ sub: "1", maxAge: -60 }) }],
    ["a session of a user that does not exist", { cookie: await mintedSession({ sub: "999999" }) }],
    ["a session whose subject is SQL", { cookie: await mintedSession({ sub: "1 OR 1=1" }) }],
    ["an empty Bearer token", { authorization: "Bearer " }],
    ["a short Bearer token", { authorization: "Bearer abc" }],
    ["an unknown Bearer token", { authorization: `Bearer ${randomBytes(32).toString("base64url")}` }],
    ["a Bearer token with SQL", { authorization: "Bearer ' OR '1'='1' --aaaaaaaaaaaaaaaa" }],
    ["an 8 KB Bearer token", { authorization: `Bearer ${"A".repeat(8000)}` }],
    ["Basic credentials of a real account", { authorization: `Basic ${Buffer.from("admin:Jixiao#2024").toString("base64")}` }],
  ];
}

// ---------------------------------------------------------------------------------------------
// The corpus

/** Routes that need no credentials: Auth.js's own, the health check, the JSON 404 for unknown paths. */
const UNGUARDED = new Set(["/api/auth/[...nextauth]", "/api/health", "/api/v1/[...path]"]);

const json = { "content-type": "application/json" };

async function corpus(ids: { ownIndicator: number; ownOrg: number; otherIndicator: number; otherOrg: number; fellowOrg: number }): Promise<Case[]> {
  const cases: Case[] = [];
  const add = (c: Case) => cases.push(c);
  const qs = (params: Record<string, string>) =>
    Object.entries(params)
      .map(([k, v]) => `${k}=${/%[0-9A-F]{2}/.test(v) ? v : encodeURIComponent(v)}`)
      .join("&");

  // GET routes: each parameter × each bad value, the others valid (json, so nothing heavy renders).
  const getRoutes: { route: string; path: string; as: Caller; valid: Record<string, string>; params: Record<string, [string, string][]> }[] = [
    { route: "GET /api/v1/indicators", path: "/api/v1/indicators", as: "jiangan", valid: { year: "2024", month: "6" }, params: { year: BAD_NUMBERS, month: BAD_NUMBERS } },
    { route: "GET /api/v1/self-eval/[code]", path: "/api/v1/self-eval/department", as: "evaluator", valid: { year: "2024", format: "json" }, params: { year: BAD_NUMBERS, version: BAD_NUMBERS, format: BAD_FORMATS, layout: BAD_LAYOUTS } },
    { route: "GET /api/v1/monitoring/[code]", path: "/api/v1/monitoring/department", as: "evaluator", valid: { year: "2024", month: "7", format: "json" }, params: { year: BAD_NUMBERS, month: BAD_NUMBERS, format: BAD_FORMATS } },
    { route: "GET /api/v1/summary", path: "/api/v1/summary", as: "manager", valid: { year: "2024", format: "json" }, params: { year: BAD_NUMBERS, format: BAD_FORMATS } },
    { route: "GET /api/v1/city", path: "/api/v1/city", as: "finance", valid: { year: "2024", month: "6" }, params: { year: BAD_NUMBERS, month: BAD_NUMBERS } },
    {
      route: "GET /api/v1/admin/tables",
      path: "/api/v1/admin/tables",
      as: "admin",
      valid: { year: "2024", template: "1" },
      params: { year: BAD_NUMBERS, format: BAD_FORMATS, template: [["2", "2"], ["yes", "yes"], ["empty", ""], ["script", "<script>"]] },
    },
  ];
  for (const r of getRoutes)
    for (const [param, values] of Object.entries(r.params))
      for (const [name, v] of values) {
        // A version or layout that parses but names nothing is a 404; every other bad value a 400.
        add({ route: r.route, name: `${param}: ${name}`, as: r.as, method: "GET", path: `${r.path}?${qs({ ...r.valid, [param]: v })}`, expect: { kind: "api" } });
      }

  // Path segments.
  for (const [name, id, status] of BAD_IDS) add({ route: "GET /api/v1/evidence/[id]", name: `id: ${name}`, as: "evaluator", method: "GET", path: `/api/v1/evidence/${id}`, expect: { kind: "api", status: status ?? 404 } });
  // Broken percent-escapes in page and route paths (the router cannot decode them).
  for (const p of ["/indicators/%FF", "/report/%E4%B8", "/offices/%C0%AF", "/api/v1/self-eval/%FF?format=json", "/api/v1/%FF%FE"])
    add({ route: "malformed URLs", name: p, as: "jiangan", method: "GET", path: p, expect: { kind: "api", status: 400 } });
  for (const base of ["self-eval", "monitoring"])
    for (const [name, code] of BAD_CODES) add({ route: `GET /api/v1/${base}/[code]`, name: `code: ${name}`, as: "evaluator", method: "GET", path: `/api/v1/${base}/${code}?format=json`, expect: { kind: "api", status: 400 } });

  // POST /api/v1/reports: a valid body (own indicator, own office) that can never write, since it
  // edits a report version that does not exist (409 after every other check), then one field at
  // a time made wrong.
  const base = {
    indicatorId: ids.ownIndicator,
    organizationId: ids.ownOrg,
    year: 2024,
    month: 6,
    valueText: "30000",
    note: "bad-input corpus",
    deviationCategories: ["其他"],
    deviationReason: "corpus",
    correctiveMeasure: "corpus",
    forecastText: "全年可完成",
    likelihood: "有可能",
    expectedVersion: 99,
    intent: "submit",
  };
  const post = (name: string, body: Body | (() => Body), as: Caller = "jiangan", expect: Expect = { kind: "api" }, headers: Record<string, string> = json) =>
    add({ route: "POST /api/v1/reports", name, as, method: "POST", path: "/api/v1/reports", headers, body, expect });
  post("the valid base body, stale version (409: nothing written)", JSON.stringify(base), "jiangan", { kind: "api", status: 409 });
  const long = (n: number) => "长".repeat(n);
  const fieldMutations: Record<string, unknown[]> = {
    indicatorId: [null, "abc", "NaN", "Infinity", 1.5, -1, 0, "1e309", 9007199254740993, {}, [], "' OR 1=1 --", { gt: 0 }, 999999],
    organizationId: [null, "abc", -1, 0, 1.5, "Infinity", 9007199254740993, [1, 2], { in: [1, 2, 3] }],
    year: [null, "abc", 1999, 2101, 2024.5, "NaN", "1e309", -2024, 2147483648],
    month: [null, 0, 13, -1, 6.5, "NaN", "Infinity", "六", 9007199254740993],
    valueText: [null, "", "   ", 30000, true, ["30000"], { value: 30000 }, long(101), "abc", "NaN", "Infinity", "-1", "1e309", "0x10", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "\u0000", "🙂"],
    note: [123, {}, ["x"], true, long(2001)],
    deviationCategories: ["nope", ["其他", "bad"], [{}], 5, ["其他", "其他", "其他", "其他", "其他", "其他"]],
    deviationReason: [1, long(2001), { a: 1 }],
    correctiveMeasure: [[], long(2001)],
    forecastText: [long(101), {}],
    likelihood: ["maybe", 1, "<script>alert(1)</script>", ["有可能"]],
    // (null, "" and [] coerce to 0, the version of a new report: valid, so not here.)
    expectedVersion: [-1, "abc", 1.5, "1e309", "Infinity", 9007199254740993, { v: 1 }],
    intent: ["delete", "SUBMIT", 1, null, ["save"]],
  };
  for (const [field, values] of Object.entries(fieldMutations))
    for (const v of values) {
      const label = typeof v === "string" && v.length > 40 ? `${v.length} characters` : JSON.stringify(v) ?? String(v);
      post(`${field}: ${label}`, JSON.stringify({ ...base, [field]: v }));
    }
  // Raw JSON that JSON.stringify cannot produce: a number literal past float range.
  post("indicatorId: 1e309 as a JSON number", JSON.stringify(base).replace(`"indicatorId":${ids.ownIndicator}`, `"indicatorId":1e309`));
  post("month: -0 as a JSON number", JSON.stringify(base).replace(`"month":6`, `"month":-0`));
  // Scope: other offices' ids (the indicator or the office is not mine).
  post("another office's indicator", JSON.stringify({ ...base, indicatorId: ids.otherIndicator, organizationId: ids.otherOrg }), "jiangan", { kind: "api", status: 403 });
  post("my indicator, another office's id", JSON.stringify({ ...base, organizationId: ids.otherOrg }), "jiangan", { kind: "api", status: 403 });
  post("a shared indicator, a fellow office's id", JSON.stringify({ ...base, organizationId: ids.fellowOrg }), "jiangan", { kind: "api", status: 403 });
  post("another office's indicator with my office id", JSON.stringify({ ...base, indicatorId: ids.otherIndicator }), "jiangan", { kind: "api", status: 403 });
  post("another office's indicator (API token)", JSON.stringify({ ...base, indicatorId: ids.otherIndicator, organizationId: ids.otherOrg }), "token", { kind: "api", status: 403 });
  post("my indicator, another office's id (API token)", JSON.stringify({ ...base, organizationId: ids.otherOrg }), "token", { kind: "api", status: 403 });
  // Roles that never write reports.
  for (const as of ["evaluator", "manager", "admin"] as const) post(`a valid body from ${as}`, JSON.stringify(base), as, { kind: "api", status: 403 });
  // Bodies that are not JSON, or not JSON of the right shape.
  const raw: [string, Body | (() => Body), number?][] = [
    ["an empty body", "", 400],
    ["truncated JSON", JSON.stringify(base).slice(0, 30), 400],
    ["a trailing comma", JSON.stringify(base).replace(/}$/, ",}"), 400],
    ["single quotes", "{'indicatorId': 1}", 400],
    ["a NaN literal", JSON.stringify(base).replace(`"month":6`, `"month":NaN`), 400],
    ["a comment", `/* x */${JSON.stringify(base)}`, 400],
    ["a byte-order mark (tolerated by the UTF-8 decoder: the stale version refuses)", `\ufeff${JSON.stringify(base)}`, 409],
    ["null", "null", 400],
    ["an array", JSON.stringify([base]), 400],
    ["a string", JSON.stringify("report"), 400],
    ["a number", "42", 400],
    ["invalid UTF-8 bytes", new Uint8Array([0x7b, 0x22, 0x76, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d]), 400],
    ["UTF-16 instead of UTF-8", new Uint8Array(Buffer.from(JSON.stringify(base), "utf16le")), 400],
    ["100 000 nested arrays", "[".repeat(100_000) + "]".repeat(100_000), 400],
    ["__proto__ pollution", JSON.stringify(base).replace(/^{/, '{"__proto__":{"role":"admin","orgIds":[1,2,3]},'), 409],
    ["constructor.prototype pollution", JSON.stringify({ ...base, constructor: { prototype: { role: "admin" } } }), 409],
    ["a body of 1 MB and one byte", JSON.stringify({ ...base, note: "x".repeat(1024 * 1024) }), 413],
    ["a 10 MB body", () => JSON.stringify({ ...base, note: "x".repeat(10 * 1024 * 1024) }), 413],
  ];
  for (const [name, body, status] of raw) post(name, body, "jiangan", { kind: "api", status });
  // A 10 MB body sent in chunks without Content-Length: read up to the limit only.
  post("a 10 MB chunked body without Content-Length", () => chunked(10 * 1024 * 1024), "jiangan", { kind: "api", status: 413 });
  // Content types a page on another site can send without asking (and some it cannot).
  for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/jsonx", "application/octet-stream"])
    post(`Content-Type ${type}`, JSON.stringify(base), "jiangan", { kind: "api", status: 415 }, { "content-type": type });
  post("no Content-Type", new TextEncoder().encode(JSON.stringify(base)), "jiangan", { kind: "api", status: 415 }, {});
  // Cross-site requests riding on the session cookie (CSRF); the same from a token is exempt.
  for (const [name, h] of [
    ["Origin of another site", { origin: "https://evil.example.com" }],
    ["Origin null (sandboxed frame)", { origin: "null" }],
    ["Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site same-site (a sibling subdomain)", { "sec-fetch-site": "same-site" }],
    ["a malformed Origin", { origin: "http://" }],
  ] as [string, Record<string, string>][])
    post(`cross-site: ${name}`, JSON.stringify(base), "jiangan", { kind: "api", status: 403 }, { ...json, ...h });

  // Every route handler found under app/ (a new one included) × every method it exports × every
  // bad credential: 401 before anything is read. Methods it does not export: Next's 405.
  const creds = await badCredentials();
  const validQuery: Record<string, string> = {
    "/api/v1/indicators": "?year=2024&month=6",
    "/api/v1/self-eval/[code]": "?format=json",
    "/api/v1/monitoring/[code]": "?format=json",
    "/api/v1/summary": "?format=json",
    "/api/v1/city": "?year=2024&month=6",
    "/dashboard/indicators/export": "?format=csv",
  };
  const validBody: Record<string, string> = { "/api/v1/reports": JSON.stringify(base) };
  for (const r of appRoutes().filter((x) => x.kind === "route" && !UNGUARDED.has(x.pattern))) {
    const url = fillPattern(r.pattern, { id: "1", code: "department" }) + (validQuery[r.pattern] ?? "");
    for (const m of r.methods.filter((x) => x !== "HEAD" && x !== "OPTIONS")) {
      const body = m === "GET" ? undefined : (validBody[r.pattern] ?? "{}");
      for (const [name, h] of creds) add({ route: `${m} ${r.pattern}`, name: `credentials: ${name}`, as: "anon", method: m, path: url, headers: { ...(body ? json : {}), ...h }, body, expect: { kind: "api", status: 401 } });
    }
  }
  for (const r of appRoutes().filter((x) => x.kind === "route" && x.pattern !== "/api/auth/[...nextauth]" && x.pattern !== "/api/v1/[...path]"))
    for (const m of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((x) => !r.methods.includes(x)))
      add({ route: `${m} ${r.pattern}`, name: "a method the route does not serve", as: "jiangan", method: m, path: fillPattern(r.pattern, { id: "1", code: "department" }), expect: { kind: "method" } });

  // Reporters do not export self-evaluations, monitoring forms or the summary; only admins reach /api/v1/admin.
  for (const p of ["/api/v1/self-eval/department?format=json", "/api/v1/monitoring/department?format=json", "/api/v1/summary?format=json"])
    for (const as of ["jiangan", "token", "finance"] as const) add({ route: `GET ${p.split("?")[0].replace("department", "[code]")}`, name: as === "finance" ? "the finance bureau (reads the city roll-up)" : `a reporter (${as === "token" ? "API token" : "session"})`, as, method: "GET", path: p, expect: { kind: "api", status: 403 } });
  for (const as of ["jiangan", "token", "manager", "evaluator", "admin"] as const)
    add({ route: "GET /api/v1/city", name: `not the finance bureau (${as})`, as, method: "GET", path: "/api/v1/city?year=2024&month=6", expect: { kind: "api", status: 403 } });
  for (const r of appRoutes().filter((x) => x.kind === "route" && x.pattern.startsWith("/api/v1/admin/")))
    for (const as of ["jiangan", "token", "manager", "evaluator"] as const)
      for (const m of r.methods.filter((x) => x !== "HEAD" && x !== "OPTIONS"))
        add({ route: `${m} ${r.pattern}`, name: `not an admin (${as})`, as, method: m, path: fillPattern(r.pattern, { id: "1" }), headers: m === "GET" ? {} : json, body: m === "GET" ? undefined : "{}", expect: { kind: "api", status: 403 } });

  // Paths under /api/v1 that no route serves: a JSON 404, not the HTML page.
  for (const p of ["/api/v1/nope", "/api/v1/reports/1", "/api/v1/evidence", "/api/v1/indicators/..%2F..%2Fetc%2Fpasswd", "/api/v1/%00", "/api/v1/self-eval"])
    add({ route: "unknown /api/v1 path", name: p, as: "jiangan", method: "GET", path: p, expect: { kind: "api", status: 404 } });

  // Auth.js's endpoints: their own answers (redirects to the login form, 400s), never a 500,
  // never a session. Failed sign-ins use made-up usernames, so no real account gets locked.
  const form = { "content-type": "application/x-www-form-urlencoded" };
  const authjs: [string, string, string, Record<string, string>?, Body?][] = [
    ["credentials without a CSRF token", "POST", "/api/auth/callback/credentials", form, "username=%27%20OR%201%3D1%20--&password=x"],
    ["credentials with a forged CSRF token", "POST", "/api/auth/callback/credentials", { ...form, cookie: "authjs.csrf-token=forged%7Cforged" }, "csrfToken=forged&username=x&password=y"],
    ["credentials as JSON", "POST", "/api/auth/callback/credentials", json, JSON.stringify({ username: "bad-input-json", password: "x" })],
    ["credentials with invalid UTF-8", "POST", "/api/auth/callback/credentials", form, new Uint8Array([0x75, 0x3d, 0xff, 0xfe, 0x26, 0x70, 0x3d, 0xc3])],
    ["an unknown provider's callback", "GET", "/api/auth/callback/nope"],
    ["sign-in with an unknown provider", "POST", "/api/auth/signin/nope", form, "csrfToken=x"],
    ["the error page asked for a configuration error", "GET", "/api/auth/error?error=Configuration"],
    ["an unknown action", "GET", "/api/auth/whatever"],
    ["a session update with a forged CSRF token", "POST", "/api/auth/session", json, JSON.stringify({ csrfToken: "forged", data: { role: "admin" } })],
    ["the session endpoint with a forged cookie", "GET", "/api/auth/session", { cookie: "authjs.session-token=forged" }],
    ["sign-out without a CSRF token", "POST", "/api/auth/signout", form, "callbackUrl=https%3A%2F%2Fevil.example.com"],
    ["a callback URL on another site", "GET", "/api/auth/signin?callbackUrl=https%3A%2F%2Fevil.example.com"],
  ];
  for (const [name, method, p, headers, body] of authjs) add({ route: "/api/auth/[...nextauth]", name, as: "anon", method, path: p, headers, body, expect: { kind: "authjs" } });

  // Server actions: every action of the build, without a session and as the role its page is
  // for, with fields no schema accepts; then forged ids, broken envelopes and cross-site posts.
  const samples = { id: "1", code: "420100225030030000105", indicatorId: String(ids.ownIndicator) };
  const junk: [string, string][] = Object.entries({
    id: "abc", userId: "-1", orgId: "1e309", aliasId: "NaN", goalId: "Infinity", projectId: "0x10", subProjectId: "9007199254740993", indicatorId: "<script>alert(1)</script>",
    reportId: "' OR 1=1 --", organizationId: "../../etc/passwd", year: "1e309", month: "NaN", from: "abc", to: "-1", scope: "../x", settings: "{bad json", decision: "drop table",
    expectedVersion: "Infinity", username: "' OR 1=1 --", password: "", role: "root", op: "nuke", entity: "User", lang: "xx", deadline: "2024-13-45", action: "explode",
    orgIds: "abc", name: "", valueText: "", amount: "NaN", kind: "nope", tier: "nope", weight: "-1", note: "x".repeat(3000),
  });
  const roleOf = (page: string): Caller => (page.startsWith("/admin") ? "admin" : page.startsWith("/evaluation") ? "evaluator" : page.startsWith("/review") || page.startsWith("/projects") ? "manager" : page.startsWith("/report") ? "jiangan" : page.startsWith("/login") ? "anon" : "admin");
  for (const a of serverActions(samples)) {
    const act = (as: Caller, name: string) =>
      add({ route: `action ${a.name} (${a.file})`, name, as, method: "POST", path: a.page, headers: { "next-action": a.id }, body: () => actionBody(a.id, junk), expect: { kind: "action" } });
    act("anon", "fields no schema accepts, without a session");
    if (roleOf(a.page) !== "anon") act(roleOf(a.page), `fields no schema accepts, as ${roleOf(a.page)}`);
  }
  const review = serverActions(samples).find((a) => a.name === "reviewReportAction");
  const report = serverActions(samples).find((a) => a.name === "saveReportAction");
  if (!review || !report) throw new Error("the build has no reviewReportAction / saveReportAction");
  const action = (name: string, as: Caller, headers: Record<string, string>, body: () => Body, path = review.page, expect: Expect = { kind: "action" }) =>
    add({ route: "server actions", name, as, method: "POST", path, headers, body, expect });
  const validReview = () => actionBody(review.id, [["reportId", "1"], ["decision", "approve"], ["expectedVersion", "1"]]);
  // Dates of the right shape that are no day at all (every other field valid, so only the date refuses).
  const period = serverActions(samples).find((a) => a.name === "changePeriodAction");
  if (period)
    for (const d of ["2024-13-45", "2024-02-30", "2023-02-29", "1900-01-01", "2024-1-1", "2024-11-31T00:00", "<script>alert(1)</script>"])
      add({ route: `action ${period.name} (${period.file})`, name: `deadline ${d}`, as: "admin", method: "POST", path: period.page, headers: { "next-action": period.id }, body: () => actionBody(period.id, [["year", "2024"], ["month", "11"], ["action", "set"], ["deadline", d]]), expect: { kind: "action" } });
  action("a forged action id", "manager", { "next-action": "60" + randomBytes(20).toString("hex") }, validReview);
  action("an empty action id", "manager", { "next-action": "" }, validReview);
  action("a path as action id", "manager", { "next-action": "../../etc/passwd" }, validReview);
  action("a 1000-character action id", "manager", { "next-action": "a".repeat(1000) }, validReview);
  action("a script as action id", "manager", { "next-action": "<script>alert(1)</script>" }, validReview);
  action("a forged $ACTION_ID field (no header)", "manager", {}, () => {
    const f = new FormData();
    f.append(`$ACTION_ID_${randomBytes(21).toString("hex")}`, "");
    return f;
  });
  const envelope = (name: string, body: () => Body, type?: string) => action(`envelope: ${name}`, "manager", { "next-action": review.id, ...(type ? { "content-type": type } : {}) }, body, review.page, { kind: "api" });
  envelope("truncated argument list", () => withRoot("[null,"));
  envelope("an object for the argument list", () => withRoot('{"reportId":1}'));
  envelope("no argument list", () => {
    const f = new FormData();
    f.append("_1_reportId", "1");
    return f;
  });
  envelope("a string where the form goes", () => withRoot('[null,"approve everything"]'));
  envelope("plain JSON arguments instead of a form", () => JSON.stringify([null, { reportId: 1, decision: "approve", expectedVersion: 1 }]), "text/plain;charset=UTF-8");
  envelope("text that is not JSON", () => "reportId=1", "text/plain");
  envelope("a JSON body", () => JSON.stringify({ reportId: 1 }), "application/json");
  envelope("a broken multipart body", () => "--x\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[null", "multipart/form-data; boundary=x");
  action("with a session, fields of the wrong office: a reporter approving", "jiangan", { "next-action": review.id }, validReview);
  action("a 10 MB comment", "manager", { "next-action": review.id }, () => actionBody(review.id, [["reportId", "1"], ["decision", "return"], ["expectedVersion", "1"], ["comment", "x".repeat(10 * 1024 * 1024)]]));
  action("cross-site: Origin of another site", "manager", { "next-action": review.id, origin: "https://evil.example.com" }, validReview, review.page, { kind: "api", status: 403 });
  action("cross-site: Origin null", "manager", { "next-action": review.id, origin: "null" }, validReview, review.page, { kind: "api", status: 403 });
  action("cross-site: a malformed Origin", "manager", { "next-action": review.id, origin: "garbage" }, validReview, review.page, { kind: "api", status: 403 });
  action("cross-site: Sec-Fetch-Site cross-site", "manager", { "next-action": review.id, "sec-fetch-site": "cross-site" }, validReview, review.page, { kind: "api", status: 403 });
  action("cross-site: a form posted without JavaScript from another site", "manager", { origin: "https://evil.example.com" }, () => {
    const f = new FormData();
    f.append(`$ACTION_ID_${review.id}`, "");
    f.append("reportId", "1");
    return f;
  }, review.page, { kind: "api", status: 403 });

  // Evidence uploads through the report form: names that climb out of the folder, types that are
  // not allowed, sizes past the limit, and good files on a report that is then refused.
  const pdf = new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"));
  const reportFields = (org: number, indicator: number, valueText = "30000"): [string, string][] => [
    ["indicatorId", String(indicator)],
    ["organizationId", String(org)],
    ["year", "2024"],
    ["month", "5"],
    ["valueText", valueText],
    ["deviationCategories", "其他"],
    ["deviationReason", "corpus"],
    ["correctiveMeasure", "corpus"],
    ["expectedVersion", "99"],
    ["intent", "submit"],
  ];
  const upload = (name: string, files: [string, Uint8Array, string][], fields = reportFields(ids.ownOrg, ids.ownIndicator)) =>
    action(`upload: ${name}`, "jiangan", { "next-action": report.id }, () => actionBody(report.id, [...fields, ...files.map(([n, bytes, type]): [string, Blob, string] => ["evidence", new Blob([new Uint8Array(bytes)], { type }), n])]), report.page);
  const text = new Uint8Array(Buffer.from("root:x:0:0:root:/root:/bin/bash\n"));
  const html = new Uint8Array(Buffer.from("<html><script>alert(document.cookie)</script></html>"));
  upload("path traversal in the name, text content", [["../../../../etc/passwd", text, "text/plain"]]);
  upload("Windows path traversal, a .pdf name over text", [["..\\..\\..\\app\\page.tsx.pdf", text, "application/pdf"]]);
  upload("an HTML file", [["<script>alert(1)</script>.html", html, "text/html"]]);
  upload("HTML named .pdf", [["report.pdf", html, "application/pdf"]]);
  upload("a PDF named .exe", [["setup.exe", pdf, "application/octet-stream"]]);
  upload("a PDF named .svg", [["image.svg", pdf, "image/svg+xml"]]);
  upload("an empty file", [["empty.pdf", new Uint8Array(0), "application/pdf"]]);
  upload("a NUL in the name", [["evil\u0000.pdf", text, "application/pdf"]]);
  upload("a PDF of 10 MB and one byte", [["big.pdf", Uint8Array.from({ length: 10 * 1024 * 1024 + 1 }, (_, i) => pdf[i] ?? 0x20), "application/pdf"]]);
  upload("six files (five at most)", Array.from({ length: 6 }, (_, i): [string, Uint8Array, string] => [`f${i}.pdf`, pdf, "application/pdf"]));
  upload("a good PDF with a traversal name, on another office's indicator", [["../../../../tmp/evil.pdf", pdf, "application/pdf"]], reportFields(ids.otherOrg, ids.otherIndicator));
  upload("a good PDF, on my indicator but another office's id", [["proof.pdf", pdf, "application/pdf"]], reportFields(ids.otherOrg, ids.ownIndicator));
  upload("a good PDF, a value that does not parse", [["proof.pdf", pdf, "application/pdf"]], reportFields(ids.ownOrg, ids.ownIndicator, "<script>alert(1)</script>"));
  upload("a good PDF, a stale version", [["proof.pdf", pdf, "application/pdf"]]);
  return cases;
}

function withRoot(root: string): FormData {
  const f = new FormData();
  f.append("_1_reportId", "1");
  f.append("0", root);
  return f;
}

function chunked(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode('{"note":"'));
    },
    pull(c) {
      if (sent >= bytes) {
        c.enqueue(new TextEncoder().encode('"}'));
        c.close();
        return;
      }
      c.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
}

// ---------------------------------------------------------------------------------------------

type Outcome = { c: Case; status: number; body: string; headers: Headers };

test.describe.serial("bad input, forged credentials and other offices' ids are refused, and change nothing", () => {
  const headersOf: Partial<Record<Caller, Record<string, string>>> = { anon: {} };
  let restoreToken = () => Promise.resolve();
  let cases: Case[] = [];
  let before: Record<string, string>;
  let filesBefore: string[];

  test.beforeAll(async () => {
    const [jiangan, evaluator, manager, admin, finance] = await Promise.all(["jiangan", "evaluator", "manager", "admin", "finance"].map((u) => sessionCookie(u)));
    Object.assign(headersOf, { jiangan: { cookie: jiangan }, evaluator: { cookie: evaluator }, manager: { cookie: manager }, admin: { cookie: admin }, finance: { cookie: finance } });
    const granted = await grantToken("jianghan");
    headersOf.token = { authorization: `Bearer ${granted.token}` };
    restoreToken = granted.restore;

    const one = <T>(sql: string, ...p: unknown[]) => {
      const rows = query<T>(sql, ...p);
      expect(rows.length, sql).toBeGreaterThan(0);
      return rows[0];
    };
    const orgOf = (u: string) => one<{ id: number }>(`SELECT uo."organizationId" AS id FROM "UserOrg" uo JOIN "User" u ON u."id" = uo."userId" WHERE u."username" = ?`, u).id;
    const annual = (level3: string, org: number) =>
      one<{ id: number }>(`SELECT i."id" AS id FROM "Indicator" i JOIN "IndicatorOrg" io ON io."indicatorId" = i."id" WHERE i."level3" = ? AND i."term" = 'annual' AND i."year" = 2024 AND io."organizationId" = ?`, level3, org).id;
    const ownOrg = orgOf("jiangan");
    const otherOrg = orgOf("zhengyan");
    cases = await corpus({ ownOrg, otherOrg, fellowOrg: orgOf("jianghan"), ownIndicator: annual("月社会保险业务经办量", ownOrg), otherIndicator: annual("开展新闻报道", otherOrg) });
    // Every sign-in and the token are in place: from here on, nothing may change.
    before = databaseDigest();
    filesBefore = uploadedFiles();
  });

  test.afterAll(() => restoreToken());

  test("the corpus covers every route with at least 300 cases", () => {
    const perRoute = new Map<string, number>();
    for (const c of cases) perRoute.set(c.route, (perRoute.get(c.route) ?? 0) + 1);
    console.log(`bad-input corpus: ${cases.length} cases\n${[...perRoute].map(([r, n]) => `  ${String(n).padStart(4)}  ${r}`).join("\n")}`);
    expect(cases.length).toBeGreaterThanOrEqual(300);
    for (const r of ["GET /api/v1/indicators", "POST /api/v1/reports", "GET /api/v1/evidence/[id]", "GET /api/v1/self-eval/[code]", "GET /api/v1/monitoring/[code]", "GET /api/v1/summary", "GET /api/v1/city", "GET /dashboard/indicators/export", "/api/auth/[...nextauth]", "server actions"])
      expect(perRoute.get(r) ?? 0, r).toBeGreaterThan(0);
    expect([...perRoute.keys()].filter((r) => r.startsWith("action ")).length, "every server action").toBeGreaterThanOrEqual(20);
    // Every route handler under app/ has cases (a new one gets its credential and method cases).
    for (const r of appRoutes().filter((x) => x.kind === "route")) expect([...perRoute.keys()].some((k) => k.includes(r.pattern) || (r.pattern === "/api/v1/[...path]" && k === "unknown /api/v1 path")), r.pattern).toBe(true);
  });

  test("every case is answered 4xx (JSON error shape from the API), never 5xx, and the server stays up", async () => {
    test.setTimeout(120_000);
    const failures: string[] = [];
    const outcomes = await inBatches(
      cases,
      10,
      async (c): Promise<Outcome> => {
        const body = typeof c.body === "function" ? c.body() : c.body;
        const res = await fetch(BASE + c.path, {
          method: c.method,
          headers: { ...headersOf[c.as], ...c.headers },
          body,
          redirect: "manual",
          ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
        } as RequestInit).catch((e: Error) => ({ status: 0, text: () => Promise.resolve(`network error: ${e.message}`), headers: new Headers() }));
        return { c, status: res.status, body: await res.text().catch(() => ""), headers: res.headers };
      },
      async () => {
        const login = await fetch(`${BASE}/login`);
        expect(login.status, "the server answers GET /login after each batch").toBe(200);
      },
    );
    for (const o of outcomes) {
      const problem = judge(o);
      if (problem) failures.push(`${o.c.route} — ${o.c.name}: ${problem} (HTTP ${o.status}: ${o.body.slice(0, 200).replace(/\s+/g, " ")})`);
    }
    expect(failures, failures.join("\n")).toEqual([]);
  });

  test("the database (every table but the limiters' counters) and the upload folder are unchanged", () => {
    expect(databaseDigest()).toEqual(before);
    expect(uploadedFiles()).toEqual(filesBefore);
  });
});

function judge({ c, status, body, headers }: Outcome): string | null {
  if (status === 0) return "no answer";
  if (status >= 500) return "a server error";
  const e = c.expect;
  if (e.kind === "method") return status === 405 ? null : "expected 405";
  if (e.kind === "authjs") {
    const cookie = headers.get("set-cookie") ?? "";
    if (/authjs\.session-token=[^;]+/.test(cookie) && !/authjs\.session-token=;/.test(cookie)) return "a session was handed out";
    if (status >= 300 && status < 400) {
      // Auth.js names the host as it sees it (localhost or 127.0.0.1): the port and path matter.
      const to = new URL(headers.get("location") ?? "", BASE);
      if (!["127.0.0.1", "localhost"].includes(to.hostname) || to.port !== new URL(BASE).port) return `redirected to another site: ${to.href}`;
      return /^\/(login|api\/auth\/)/.test(to.pathname) ? null : `redirected off the sign-in pages: ${to.href}`;
    }
    return status >= 400 || /^(null|\{"url"|\{\})/.test(body.trim()) || c.method === "GET" ? null : "accepted";
  }
  if (e.kind === "action") {
    if (status >= 400) return null;
    // The action ran: its answer (the RSC row "1:") must be an error, never { data }.
    return /^1:\{"data"/m.test(body) ? "the action succeeded" : null;
  }
  if (status < 400 || status >= 500) return "expected a 4xx";
  if (e.status && status !== e.status) return `expected ${e.status}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return "not JSON";
  }
  return isErrorShape(parsed) ? null : "not the API's error shape";
}
