import { describe, expect, it } from "vitest";
import { clientIp, errorResponse, fixedWindowLimiter, isCrossSite, malformedActionEnvelope, rateKey, undecodablePath } from "../lib/api/guards";

const h = (init: Record<string, string>) => new Headers(init);

describe("the API's fixed-window rate limiter", () => {
  it("admits `limit` requests per key and window, then refuses with the seconds left", () => {
    const l = fixedWindowLimiter({ limit: 3, windowMs: 60_000 });
    const t0 = 1_000_000;
    expect([1, 2, 3].map((i) => l.hit("a", t0 + i))).toEqual([
      { ok: true, remaining: 2 },
      { ok: true, remaining: 1 },
      { ok: true, remaining: 0 },
    ]);
    expect(l.hit("a", t0 + 10)).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect(l.hit("a", t0 + 59_500)).toEqual({ ok: false, retryAfterSeconds: 1 });
    // Another key has its own window.
    expect(l.hit("b", t0 + 10)).toEqual({ ok: true, remaining: 2 });
    // A new window starts afresh.
    expect(l.hit("a", t0 + 60_001)).toEqual({ ok: true, remaining: 2 });
  });

  it("keeps memory bounded: expired windows go first, then the oldest", () => {
    const l = fixedWindowLimiter({ limit: 1, windowMs: 1_000, maxKeys: 3 });
    l.hit("a", 0);
    l.hit("b", 500);
    l.hit("c", 600);
    l.hit("d", 1_200); // "a" expired: dropped
    expect(l.size()).toBe(3);
    expect(l.hit("b", 1_300)).toEqual({ ok: false, retryAfterSeconds: 1 });
    l.hit("e", 1_400); // nothing expired: the oldest ("b") makes room
    expect(l.size()).toBe(3);
    expect(l.hit("b", 1_450)).toEqual({ ok: true, remaining: 0 });
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
