// The one place that reads process.env. Everything else imports `env`.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { zoneFormatter } from "./time";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:./data/jixiao.db")
    .refine((u) => u.startsWith("file:") || /^postgres(ql)?:\/\//.test(u), {
      message: "DATABASE_URL must be file:… (SQLite) or postgresql://… (PostgreSQL)",
    }),
  AUTH_SECRET: z.string().min(16).optional(),
  JIXIAO_ALLOW_RESEED: z.enum(["0", "1"]).default("0"),
  /**
   * Where evidence files are kept (default data/uploads, relative to the working directory).
   * Several app instances must share it (one volume or NFS): see docs/decisions/005-durability.md.
   */
  UPLOAD_DIR: z.string().min(1).optional(),
  // Government single sign-on (OpenID Connect): all three set, or none.
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("统一身份认证"),
  /** The claim that carries the local username an SSO identity maps to. */
  OIDC_USERNAME_CLAIM: z.string().min(1).default("preferred_username"),
  /** The Chromium that prints PDF reports (Debian's package by default). */
  CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
  /** /api/v1 requests per minute per API token, session or client address (proxy.ts); 0 turns the limit off. */
  API_RATE_LIMIT: z.coerce.number().int().min(0).default(600),
  /** The time zone pages show times in (an IANA name); Beijing time by default. */
  TIME_ZONE: z
    .string()
    .default("Asia/Shanghai")
    .refine((z) => { try { return !!zoneFormatter(z); } catch { return false; } }, { message: "TIME_ZONE must be an IANA time zone such as Asia/Shanghai" }),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema
    .refine((e) => [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].every((v) => v) || [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].every((v) => !v), {
      message: "set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together",
      path: ["OIDC_ISSUER"],
    })
    .safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/**
 * Without AUTH_SECRET (a first run on one machine), a random secret is made once and kept in
 * data/.auth-secret, so sessions survive restarts. Several instances must share AUTH_SECRET.
 */
function localSecret(): string {
  const dir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "data");
  const file = path.join(dir, ".auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    return readFileSync(file, "utf8").trim(); // another process made it first
  }
}

const loaded = load();
export const env: Env & { AUTH_SECRET: string } = { ...loaded, AUTH_SECRET: loaded.AUTH_SECRET ?? localSecret() };
