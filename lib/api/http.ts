import "server-only";
import { NextResponse } from "next/server";
import { userByTokenHash } from "../db/hot-statements";
import type { ActionError, ActionResult } from "../actions";
import { hashToken, type CurrentUser } from "../auth";
import { fieldErrors } from "../validations";

// The JSON API's plumbing: who is calling (session cookie or `Authorization: Bearer <token>`),
// the one error shape { error: { code, message, fields } }, and HTTP codes for domain errors.

const STATUS: Record<ActionError["code"] | "too_large" | "bad_json" | "unsupported_type" | "too_many", number> = {
  invalid: 400,
  bad_json: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  period_closed: 409,
  locked: 409,
  too_large: 413,
  unsupported_type: 415,
  too_many: 429,
};

export const MAX_JSON_BYTES = 1024 * 1024;


export async function apiUser(req: Request): Promise<CurrentUser | null> {
  const auth = req.headers.get("authorization");
  if (auth?.startsWith("Bearer ")) {
    const token = auth.slice(7).trim();
    if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return null;
    return userByTokenHash(hashToken(token));
  }
  // Auth.js is loaded only when a request needs the session: the CLI imports this module (through lib/api) and cannot load next-auth.
  return (await import("../auth/session")).currentUser();
}

/** The finance bureau reads departments through the city roll-up, not their own lists (which would be the whole city's). */
export function cityOnly() {
  return apiError("forbidden", { zh: "市财政局账号请使用全市汇总 /api/v1/city", en: "Finance bureau accounts read the city roll-up, /api/v1/city" });
}

export function apiError(code: keyof typeof STATUS, message: { zh: string; en: string }, fields?: Record<string, string[]>) {
  return NextResponse.json({ error: { code, message, fields: fields ?? null } }, { status: STATUS[code] });
}

export function apiResult<T>(result: ActionResult<T>, okStatus = 200) {
  if ("error" in result) return apiError(result.error.code, result.error.message, result.error.fields);
  return NextResponse.json({ data: result.data }, { status: okStatus });
}

/** 400 for query parameters a zod schema refused, each field with its messages. */
export function invalidParams(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  return apiError("invalid", { zh: "参数有误，请检查标出的字段", en: "Bad parameters; see the marked fields" }, fieldErrors(issues));
}

export const unauthenticated = () => apiError("unauthenticated", { zh: "请先登录或提供有效的 API 令牌", en: "Sign in or send a valid API token" });

/**
 * Reads a JSON body (Content-Type application/json) of at most MAX_JSON_BYTES; returns a ready
 * error response otherwise. The type is required: a text/plain or form body is what a page on
 * another site can send without asking, so it is never taken as JSON.
 */
export async function readJson(req: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: NextResponse }> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json")
    return { ok: false, response: apiError("unsupported_type", { zh: "请求体须为 JSON（Content-Type: application/json）", en: "Send JSON (Content-Type: application/json)" }) };
  const tooLarge = () => ({ ok: false as const, response: apiError("too_large", { zh: "请求体过大（最大1MB）", en: "Request body too large (1 MB at most)" }) });
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BYTES) return tooLarge();
  const buf = await readAtMost(req, MAX_JSON_BYTES);
  if (!buf) return tooLarge();
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    return { ok: false, response: apiError("bad_json", { zh: "请求体不是有效的 UTF-8", en: "The body is not valid UTF-8" }) };
  }
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: apiError("bad_json", { zh: "请求体不是有效的 JSON", en: "The body is not valid JSON" }) };
  }
}

/** The body's bytes, or null past `max`: a body without Content-Length is not read to its end. */
async function readAtMost(req: Request, max: number): Promise<Uint8Array | null> {
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
