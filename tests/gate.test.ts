import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { gate, gated } from "../lib/api/gate";
import { env } from "../lib/env";

const ROOT = path.resolve(import.meta.dirname, "..");
const BASE = "http://127.0.0.1:3000";

/** The paths proxy.ts's matcher leaves out, besides Next's static files. */
function ungated(): string[] {
  const src = readFileSync(path.join(ROOT, "proxy.ts"), "utf8");
  const m = /matcher:\s*\["\/\(\(\?!([^)]*)\)\.\*\)"\]/.exec(src);
  if (!m) throw new Error("proxy.ts: matcher not in the expected form /((?!a|b|…).*)");
  return m[1]
    .split("|")
    .map((p) => p.replace(/\\\\/g, "\\").replace(/\$$/, ""))
    .filter((p) => !/^(_next\/static|_next\/image|favicon\\\.ico)$/.test(p));
}

describe("routes kept out of the proxy run its checks themselves", () => {
  it("every route the matcher leaves out exists and wraps each of its handlers in gated", () => {
    const left = ungated();
    expect(left).toContain("api/v1/reports");
    for (const p of left) {
      expect(p, "only exact API paths may be left out (no pages, no patterns)").toMatch(/^api\/v1\/[a-z/-]+$/);
      const file = path.join(ROOT, "app", p, "route.ts");
      expect(existsSync(file), file).toBe(true);
      const src = readFileSync(file, "utf8");
      const handlers = [...src.matchAll(/export\s+(?:async\s+function|const|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)].map((h) => h[1]);
      expect(handlers.length, `${p} exports a handler`).toBeGreaterThan(0);
      for (const h of handlers) expect(src, `${p}: ${h} = gated(…)`).toMatch(new RegExp(`export const ${h} = gated\\(`));
    }
  });
});

describe("gate: the proxy's refusals, as a route applies them", () => {
  const post = (headers: Record<string, string>, url = `${BASE}/api/v1/reports`) => new Request(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: "{}" });

  it("refuses a cross-site POST riding on the session cookie (403), lets a token or a same-origin POST through", async () => {
    const cookie = "authjs.session-token=abc";
    const refused = await gate(post({ cookie, origin: "https://evil.example.com", host: "127.0.0.1:3000" }));
    expect(refused?.status).toBe(403);
    expect(((await refused!.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    expect(await gate(post({ cookie, origin: BASE, host: "127.0.0.1:3000" }))).toBeNull();
    expect(await gate(post({ origin: "https://evil.example.com", authorization: `Bearer ${randomBytes(24).toString("base64url")}` }))).toBeNull();
  });

  it("refuses a path with a broken percent-escape (400)", async () => {
    expect((await gate(new Request(`${BASE}/api/v1/reports%FF`)))?.status).toBe(400);
  });

  it("counts toward the /api/v1 limit the proxy counts, and answers 429 with Retry-After past it", async () => {
    expect(env.API_RATE_LIMIT).toBeGreaterThan(0);
    const token = { authorization: `Bearer ${randomBytes(24).toString("base64url")}` };
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 10_000) await new Promise((r) => setTimeout(r, left + 100)); // one fixed window for the whole burst
    for (let i = 0; i < env.API_RATE_LIMIT; i++) expect(await gate(post(token))).toBeNull();
    const limited = await gate(post(token));
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it("gated runs the handler only when the gate lets the request through", async () => {
    let ran = 0;
    const handler = gated(() => {
      ran++;
      return Promise.resolve(new Response("ok"));
    });
    expect((await handler(post({ cookie: "authjs.session-token=abc", origin: "https://evil.example.com", host: "127.0.0.1:3000" }), undefined)).status).toBe(403);
    expect(ran).toBe(0);
    expect((await handler(post({ authorization: `Bearer ${randomBytes(24).toString("base64url")}` }), undefined)).status).toBe(200);
    expect(ran).toBe(1);
  });
});
