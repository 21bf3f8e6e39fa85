// The optional OpenID Connect provider (a government single sign-on), configured only by
// environment variables. An SSO identity signs in as the local account whose username equals
// its OIDC_USERNAME_CLAIM: roles and offices stay managed in Jixiao.
import type { Env } from "../env";

export type SsoConfig = { id: "sso"; name: string; type: "oidc"; issuer: string; clientId: string; clientSecret: string };

export function ssoProvider(env: Pick<Env, "OIDC_ISSUER" | "OIDC_CLIENT_ID" | "OIDC_CLIENT_SECRET" | "OIDC_NAME">): SsoConfig | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return { id: "sso", name: env.OIDC_NAME, type: "oidc", issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET };
}

/** The local username an SSO profile maps to, or null when the claim is missing or not a plain name. */
export function ssoUsername(profile: Record<string, unknown> | undefined, claim: string): string | null {
  const v = profile?.[claim];
  return typeof v === "string" && /^[\w.@-]{1,64}$/.test(v) ? v : null;
}
