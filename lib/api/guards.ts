// Guards in front of the JSON API and server actions, run by proxy.ts before any route code: a
// fixed-window request limiter shared by every instance and a cross-site (CSRF) check. Pure
// functions over headers (the limiter's store is passed in), so they are unit-tested without a
// server (tests/api-guards.test.ts).
import { createHash } from "node:crypto";

export type ErrorBody = { error: { code: string; message: { zh: string; en: string }; fields: null } };

/** The API's one error shape (lib/api/http.ts), built here without its server-only imports. */
export function errorResponse(status: number, code: string, message: { zh: string; en: string }, headers: Record<string, string> = {}): Response {
  const body: ErrorBody = { error: { code, message, fields: null } };
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

// ---------------------------------------------------------------------------------------------
// Rate limiting

export type Hit = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** Where the instances' counts meet: adds each key's hits to its window, answers the totals (lib/api/rate-store.ts). */
export type WindowStore = (batch: { key: string; window: number; add: number }[]) => Promise<{ key: string; window: number; count: number }[]>;

/**
 * Counts requests per key in fixed windows shared by every instance through `store`, cheaply:
 * the first half of a key's limit is counted in this process and sent to the store in batches
 * (every `syncMs`, one statement for all keys), so a request below it costs no database work;
 * past half, each request adds itself to the store in one statement and the store's total
 * decides. Accuracy (docs/decisions/012): the limit is exact for what the store has seen; what
 * it has not seen yet is at most each other instance's hits of the last `syncMs` while they
 * were below half the limit. A store that fails leaves this process's own counts deciding.
 */
export function sharedWindowLimiter(opts: { limit: number; windowMs: number; store: WindowStore; syncMs?: number; maxKeys?: number }) {
  const { limit, windowMs, store } = opts;
  const syncMs = opts.syncMs ?? 200;
  const maxKeys = opts.maxKeys ?? 50_000;
  const half = Math.ceil(limit / 2);
  // Per key: its window, the total the store last reported (with what this process has sent), and hits not sent yet.
  const keys = new Map<string, { window: number; known: number; pending: number }>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const retryAfter = (window: number, now: number) => Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
  const learn = (rows: { key: string; window: number; count: number }[]) => {
    for (const r of rows) {
      const s = keys.get(r.key);
      if (s && s.window === r.window) s.known = Math.max(s.known, r.count);
    }
  };

  async function flush() {
    timer = null;
    const batch: { key: string; window: number; add: number }[] = [];
    for (const [key, s] of keys) {
      if (s.pending === 0) continue;
      batch.push({ key, window: s.window, add: s.pending });
      s.known += s.pending;
      s.pending = 0;
    }
    if (batch.length) learn(await store(batch).catch(() => []));
  }

  return {
    async hit(key: string, now = Date.now()): Promise<Hit> {
      const window = Math.floor(now / windowMs);
      let s = keys.get(key);
      if (!s || s.window !== window) {
        if (s) keys.delete(key);
        else if (keys.size >= maxKeys) evict(window);
        s = { window, known: 0, pending: 0 };
        keys.set(key, s); // re-inserted: the Map's order stays oldest window first
      }
      if (s.known + s.pending >= limit) return { ok: false, retryAfterSeconds: retryAfter(window, now) };
      if (s.known + s.pending < half) {
        s.pending += 1;
        timer ??= setTimeout(() => void flush(), syncMs);
        return { ok: true, remaining: limit - s.known - s.pending };
      }
      // Past half the limit: this request (with any unsent ones) goes to the store now; its total decides.
      const add = s.pending + 1;
      s.pending = 0;
      s.known += add;
      const rows = await store([{ key, window, add }]).catch(() => []);
      learn(rows);
      const count = rows.find((r) => r.window === window)?.count ?? s.known;
      return count > limit ? { ok: false, retryAfterSeconds: retryAfter(window, now) } : { ok: true, remaining: limit - count };
    },
    /** Sends what is still counted only here (tests; a timer does it otherwise). */
    flush,
    size: () => keys.size,
  };

  // Past windows go first; past that (a flood of fresh keys) the oldest key is dropped, so memory stays bounded.
  function evict(window: number) {
    for (const [k, s] of keys) if (s.window < window) keys.delete(k);
    while (keys.size >= maxKeys) {
      const oldest = keys.keys().next();
      if (oldest.done) break;
      keys.delete(oldest.value);
    }
  }
}

const digest = (s: string) => createHash("sha256").update(s).digest("base64url").slice(0, 22);

/** The client's address as the reverse proxy reports it; null when the app is reached directly. */
export function clientIp(headers: Headers): string | null {
  const fwd = headers.get("x-forwarded-for");
  if (fwd) return fwd.split(",")[0].trim() || null;
  return headers.get("x-real-ip")?.trim() || null;
}

/**
 * Whom a request is counted against: its API token, else its session cookie, else its address.
 * Credentials are hashed so the limiter's memory never holds a usable one.
 */
export function rateKey(headers: Headers): string {
  const auth = headers.get("authorization");
  if (auth?.startsWith("Bearer ")) return `token:${digest(auth.slice(7).trim())}`;
  const session = sessionCookie(headers.get("cookie"));
  if (session) return `session:${digest(session)}`;
  return `ip:${clientIp(headers) ?? "unknown"}`;
}

function sessionCookie(cookie: string | null): string | null {
  if (!cookie) return null;
  for (const part of cookie.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    // Auth.js: authjs.session-token, __Secure-authjs.session-token, and .0/.1 chunks of either.
    if (/^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name)) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Cross-site request forgery

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Is this a state-changing request a browser sent from another site? The session cookie is an
 * ambient credential, so such requests are refused. A Bearer token is not ambient (a page on
 * another site cannot attach it without a CORS preflight this app never grants), so token
 * requests are exempt. Without Origin and Sec-Fetch-Site the caller is not a browser (curl, a
 * script), which cannot borrow anyone's cookie: allowed, as Next allows for server actions.
 */
export function isCrossSite(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (headers.get("authorization")?.startsWith("Bearer ")) return false;
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = headers.get("origin");
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host; // "null" (sandboxed frames, data: URLs) throws: refused
  } catch {
    return true;
  }
  // Behind a reverse proxy the public host is in X-Forwarded-Host (the check Next applies to actions).
  const host = headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host");
  return !host || originHost !== host;
}

// ---------------------------------------------------------------------------------------------
// Malformed requests

/** A path with a broken percent-escape (%FF, %E4%B8): Next's router throws on it (a 500). */
export function undecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

// (A tab is legal in a header and in a Linux file name.)
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/**
 * Why a server action request (a POST with a Next-Action header) is not one this app's pages
 * could have sent, or null when it is well-formed. React encodes an action's arguments as a JSON
 * array, either as the whole text/plain body or as the multipart field "0" (files and FormData
 * travel beside it, the FormData referenced as "$K<n>"). A body React cannot decode makes Next
 * answer 500, and so does an action handed a string where it reads a form; refused here, both
 * are a 4xx. Every server action in this app is a form action, its last argument the form: an
 * action meant to be called with other arguments would need this rule relaxed. The form's
 * fields are the action's to validate (lib/actions/mutation.ts).
 */
export async function malformedActionEnvelope(req: Request): Promise<"type" | "multipart" | "root" | null> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  let root: unknown;
  if (type === "multipart/form-data") {
    const form = await req.formData().catch(() => null);
    if (!form) return "multipart";
    // Control characters in a part's name or file name: browsers escape them, Next's own
    // multipart parser (stricter than this one) throws on them.
    for (const [name, value] of form) if (CONTROL.test(name) || (typeof value !== "string" && CONTROL.test(value.name))) return "multipart";
    root = form.get("0");
  } else if (type === "text/plain") {
    root = await req.text().catch(() => null);
  } else {
    return "type";
  }
  if (typeof root !== "string") return "root";
  let args: unknown;
  try {
    args = JSON.parse(root);
  } catch {
    return "root";
  }
  if (!Array.isArray(args)) return "root";
  const last: unknown = args[args.length - 1];
  return typeof last === "string" && /^\$K[0-9a-f]+$/.test(last) ? null : "root";
}
