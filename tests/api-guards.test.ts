import { describe, expect, it } from "vitest";
import { clientIp, errorResponse, isCrossSite, malformedActionEnvelope, rateKey, sharedWindowLimiter, undecodablePath, type WindowStore } from "../lib/api/guards";

const h = (init: Record<string, string>) => new Headers(init);

/** The database's upsert in memory: adds to the key's window, a newer window starts afresh, an older one is ignored. */
function memoryStore() {
  const rows = new Map<string, { window: number; count: number }>();
  const calls: number[] = [];
  const store: WindowStore = (batch) => {
    calls.push(batch.length);
    const out = [];
    for (const b of batch) {
      const r = rows.get(b.key);
      if (r && r.window > b.window) continue;
      const count = r && r.window === b.window ? r.count + b.add : b.add;
      rows.set(b.key, { window: b.window, count });
      out.push({ key: b.key, window: b.window, count });
    }
    return Promise.resolve(out);
  };
  return { store, calls, rows };
}

describe("the API's rate limiter, shared by several instances", () => {
  it("admits `limit` requests per key and window, then refuses with the seconds left", async () => {
    const { store } = memoryStore();
    const l = sharedWindowLimiter({ limit: 3, windowMs: 60_000, store });
    const t0 = 1_020_000; // 17 windows of a minute in
    const hits = [];
    for (const i of [1, 2, 3]) hits.push(await l.hit("a", t0 + i));
    expect(hits).toEqual([
      { ok: true, remaining: 2 },
      { ok: true, remaining: 1 },
      { ok: true, remaining: 0 },
    ]);
    expect(await l.hit("a", t0 + 10)).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(await l.hit("a", t0 + 59_500)).toEqual({ ok: false, retryAfterSeconds: 1 });
    // Another key has its own window.
    expect(await l.hit("b", t0 + 10)).toEqual({ ok: true, remaining: 2 });
    // A new window starts afresh.
    expect(await l.hit("a", t0 + 60_001)).toEqual({ ok: true, remaining: 2 });
  });

  it("two instances on one store refuse at the shared limit, and below half the limit send nothing per request", async () => {
    const { store, calls, rows } = memoryStore();
    const a = sharedWindowLimiter({ limit: 10, windowMs: 60_000, store, syncMs: 60_000 });
    const b = sharedWindowLimiter({ limit: 10, windowMs: 60_000, store, syncMs: 60_000 });
    const t = 600_000;
    // Two each: counted in-process only.
    for (const l of [a, b, a, b]) expect((await l.hit("k", t)).ok).toBe(true);
    expect(calls).toEqual([]);
    await a.flush();
    await b.flush();
    expect(calls).toEqual([1, 1]); // one statement per instance for the batch
    expect(rows.get("k")).toEqual({ window: 10, count: 4 });
    // From here on, alternating: exactly 10 in all are admitted.
    const admitted = [];
    for (let i = 0; i < 12; i++) admitted.push((await [a, b][i % 2].hit("k", t)).ok);
    expect(admitted.filter(Boolean)).toHaveLength(6);
    expect(admitted.slice(6)).toEqual([false, false, false, false, false, false]);
    expect(rows.get("k")!.count).toBeGreaterThanOrEqual(10);
  });

  it("unsent counts of another instance are the only overshoot; a failing store leaves the local count deciding", async () => {
    const { store } = memoryStore();
    const a = sharedWindowLimiter({ limit: 10, windowMs: 60_000, store, syncMs: 60_000 });
    const b = sharedWindowLimiter({ limit: 10, windowMs: 60_000, store, syncMs: 60_000 });
    for (let i = 0; i < 4; i++) await b.hit("k", 0); // not sent yet
    let admitted = 0;
    for (let i = 0; i < 20; i++) if ((await a.hit("k", 0)).ok) admitted++;
    expect(admitted).toBe(10); // a alone: its own limit
    await b.flush(); // b's four arrive: both now see 14 (+ refused ones) and refuse
    expect((await b.hit("k", 0)).ok).toBe(false);
    const down = sharedWindowLimiter({ limit: 2, windowMs: 60_000, store: () => Promise.reject(new Error("database down")) });
    expect([(await down.hit("x", 0)).ok, (await down.hit("x", 0)).ok, (await down.hit("x", 0)).ok]).toEqual([true, true, false]);
  });

  it("keeps memory bounded: past windows go first, then the oldest", async () => {
    const { store } = memoryStore();
    const l = sharedWindowLimiter({ limit: 1, windowMs: 1_000, maxKeys: 3, store });
    await l.hit("a", 0);
    await l.hit("b", 1_500);
    await l.hit("c", 1_600);
    await l.hit("d", 1_700); // "a" is of a past window: dropped
    expect(l.size()).toBe(3);
    await l.hit("e", 1_800); // nothing past: the oldest ("b") makes room
    expect(l.size()).toBe(3);
  });
});

describe("whom a request is counted against", () => {
  it("its token, else its session cookie, else its address; credentials are hashed", () => {
    const token = rateKey(h({ authorization: "Bearer abcdefghijklmnopqrstuvwxyz", "x-forwarded-for": "203.0.113.9" }));
    expect(token).toMatch(/^token:[\w-]{22}$/);
    expect(token).not.toContain("abcdefghijklmnopqrstuvwxyz");
    expect(rateKey(h({ authorization: "Bearer other-token-0123456789" }))).not.toBe(token);
    const session = rateKey(h({ cookie: "lang=zh; authjs.session-token=eyJhbGciOi.secret; x=1" }));
    expect(session).toMatch(/^session:[\w-]{22}$/);
    expect(rateKey(h({ cookie: "__Secure-authjs.session-token.0=eyJhbGciOi.secret" }))).toBe(session);
    expect(rateKey(h({ cookie: "lang=zh", "x-forwarded-for": "203.0.113.9, 10.0.0.1" }))).toBe("ip:203.0.113.9");
    expect(rateKey(h({ "x-real-ip": "198.51.100.4" }))).toBe("ip:198.51.100.4");
    expect(rateKey(h({}))).toBe("ip:unknown");
    expect(clientIp(h({ "x-forwarded-for": " , " }))).toBeNull();
  });
});

describe("the cross-site (CSRF) check on state-changing requests", () => {
  const host = { host: "jixiao.example.gov.cn" };
  const cases: [string, string, Record<string, string>, boolean][] = [
    ["a same-origin POST from the app's pages", "POST", { ...host, origin: "https://jixiao.example.gov.cn", "sec-fetch-site": "same-origin" }, false],
    ["a POST from another site (Origin)", "POST", { ...host, origin: "https://evil.example.com" }, true],
    ["a POST from another site (Sec-Fetch-Site only)", "POST", { ...host, "sec-fetch-site": "cross-site" }, true],
    ["a POST from a sibling subdomain", "POST", { ...host, origin: "https://other.example.gov.cn", "sec-fetch-site": "same-site" }, true],
    ["a POST from a sandboxed frame (Origin: null)", "POST", { ...host, origin: "null" }, true],
    ["a POST with a malformed Origin", "POST", { ...host, origin: "not a url" }, true],
    ["a POST on another port of the same host", "POST", { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3001" }, true],
    ["a DELETE from another site", "DELETE", { ...host, origin: "https://evil.example.com" }, true],
    ["a POST behind a reverse proxy (X-Forwarded-Host)", "POST", { host: "127.0.0.1:3000", "x-forwarded-host": "jixiao.example.gov.cn", origin: "https://jixiao.example.gov.cn" }, false],
    ["a POST typed into the address bar or a bookmark (Sec-Fetch-Site: none)", "POST", { ...host, "sec-fetch-site": "none" }, false],
    ["a script without Origin (curl, the CLI)", "POST", { ...host }, false],
    ["a cross-site POST carrying a Bearer token (no ambient credential)", "POST", { ...host, origin: "https://evil.example.com", authorization: "Bearer abcdefghijklmnopqrstuvwxyz" }, false],
    ["a cross-site GET (reads change nothing)", "GET", { ...host, origin: "https://evil.example.com", "sec-fetch-site": "cross-site" }, false],
    ["a cross-site HEAD", "HEAD", { ...host, "sec-fetch-site": "cross-site" }, false],
    ["a cross-site POST with a lower-case 'bearer' (a cookie request after all)", "POST", { ...host, origin: "https://evil.example.com", authorization: "bearer x" }, true],
    ["a POST without a Host header", "POST", { origin: "https://jixiao.example.gov.cn" }, true],
  ];
  it.each(cases)("%s", (_name, method, headers, refused) => {
    expect(isCrossSite(method, h(headers))).toBe(refused);
  });
});

describe("the guards' error responses", () => {
  it("use the API's JSON error shape", async () => {
    const res = errorResponse(429, "too_many", { zh: "请求过于频繁", en: "Too many requests" }, { "retry-after": "12" });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("12");
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toEqual({ error: { code: "too_many", message: { zh: "请求过于频繁", en: "Too many requests" }, fields: null } });
  });
});

describe("server action envelopes", () => {
  const post = (body: BodyInit, type?: string) => new Request("http://localhost/review", { method: "POST", body, headers: { "next-action": "60abc", ...(type ? { "content-type": type } : {}) } });
  const form = (entries: [string, string][]) => {
    const f = new FormData();
    for (const [k, v] of entries) f.append(k, v);
    return f;
  };
  it("accepts what React's client sends: a JSON array as field 0 of a form, or as a text body", async () => {
    expect(await malformedActionEnvelope(post(form([["_1_reportId", "1"], ["0", '[null,"$K1"]']])))).toBeNull();
    expect(await malformedActionEnvelope(post(form([["_2_a", "1"], ["0", '[{"error":{"code":"invalid"}},"$K2"]']])))).toBeNull();
    expect(await malformedActionEnvelope(post('["$K1"]', "text/plain;charset=UTF-8"))).toBeNull();
  });
  it("refuses bodies React could not decode", async () => {
    expect(await malformedActionEnvelope(post(form([["0", "[null,"]])))).toBe("root");
    expect(await malformedActionEnvelope(post(form([["0", '{"a":1}']])))).toBe("root");
    expect(await malformedActionEnvelope(post(form([["_1_x", "1"]])))).toBe("root");
    expect(await malformedActionEnvelope(post("not json", "text/plain"))).toBe("root");
    // Well-formed, but no form where every action here reads one.
    expect(await malformedActionEnvelope(post(form([["0", '[null,"abc"]']])))).toBe("root");
    expect(await malformedActionEnvelope(post("[]", "text/plain"))).toBe("root");
    expect(await malformedActionEnvelope(post('[null,{"reportId":1}]', "text/plain"))).toBe("root");
    expect(await malformedActionEnvelope(post("--x\r\nbroken", "multipart/form-data; boundary=x"))).toBe("multipart");
    const nul = new FormData();
    nul.append("_1_evidence", new Blob(["x"]), "evil\u0000.pdf");
    nul.append("0", '[null,"$K1"]');
    expect(await malformedActionEnvelope(post(nul))).toBe("multipart");
    expect(await malformedActionEnvelope(post("{}", "application/json"))).toBe("type");
    expect(await malformedActionEnvelope(post("a=b", "application/x-www-form-urlencoded"))).toBe("type");
  });
});

describe("paths the router cannot decode", () => {
  it.each([
    ["/indicators/204", false],
    ["/api/v1/evidence/%E6%96%87", false],
    ["/api/v1/evidence/%FF%FE", true],
    ["/report/%E4%B8", true],
    ["/offices/%C0%AF", true],
    ["/x/%", true],
  ])("%s → %s", (p, bad) => expect(undecodablePath(p)).toBe(bad));
});
