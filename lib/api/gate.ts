import { errorResponse, isCrossSite, malformedActionEnvelope, rateKey, sharedWindowLimiter, undecodablePath } from "./guards";
import { dbWindowStore } from "./rate-store";
import { env } from "../env";

// What proxy.ts refuses before any route code runs, in one function, so that a route kept out of
// the proxy (for its cost: Next clones and buffers every request body the proxy sees) applies
// exactly the same checks as its first step (`gated`, docs/decisions/013 addendum). Refusals use
// the API's JSON error shape:
// - 400 for a path with a broken percent-escape (Next's router answers 500).
// - 429 past the /api/v1 rate limit (per token, session or address; shared by every instance
//   through the database, docs/decisions/012).
// - 403 for a cross-site state-changing request that would ride on the session cookie: the API,
//   server actions (Next's own Origin check answers a bare 500) and forms posted without
//   JavaScript. Auth.js's endpoints carry their own CSRF token and are left to it.
// - 400/415 for a server action whose envelope React could not decode (Next answers 500).

type Limiter = ReturnType<typeof sharedWindowLimiter>;

/**
 * One limiter per process, on the global object: Next bundles this module into the proxy's chunk
 * and each route's, each with its own module scope, and a route counting in a limiter of its own
 * would not see what the proxy has counted until its next sync.
 */
function limiter(): Limiter {
  const g = globalThis as unknown as { jixiaoApiLimiter?: Limiter };
  return (g.jixiaoApiLimiter ??= sharedWindowLimiter({ limit: env.API_RATE_LIMIT, windowMs: 60_000, store: dbWindowStore }));
}

/** The refusal for this request, or null when it may go on. */
export async function gate(req: Request, pathname = new URL(req.url).pathname): Promise<Response | null> {
  if (undecodablePath(pathname)) return errorResponse(400, "invalid", { zh: "请求地址无效", en: "Malformed URL" });
  if (pathname.startsWith("/api/v1/") && env.API_RATE_LIMIT > 0) {
    const hit = await limiter().hit(rateKey(req.headers));
    if (!hit.ok)
      return errorResponse(429, "too_many", { zh: `请求过于频繁，请${hit.retryAfterSeconds}秒后重试`, en: `Too many requests; try again in ${hit.retryAfterSeconds} s` }, { "retry-after": String(hit.retryAfterSeconds) });
  }
  if (!pathname.startsWith("/api/auth/") && isCrossSite(req.method, req.headers))
    return errorResponse(403, "forbidden", { zh: "拒绝来自其他站点的请求", en: "Requests from another site are refused" });
  if (req.method === "POST" && req.headers.has("next-action")) {
    const bad = await malformedActionEnvelope(req);
    if (bad === "type") return errorResponse(415, "unsupported_type", { zh: "服务端操作请求的类型无效", en: "Unsupported server action request type" });
    if (bad) return errorResponse(400, "bad_json", { zh: "服务端操作请求无法解析", en: "Malformed server action request" });
  }
  return null;
}

/**
 * A route handler that proxy.ts's matcher leaves out runs the proxy's checks
 * itself, first, before it reads anything.
 */
export function gated<C>(handler: (req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => (await gate(req)) ?? handler(req, ctx);
}
