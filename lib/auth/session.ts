import "server-only";
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "../env";
import { prisma } from "../db/prisma";
import { verifyPassword } from "./password";
import { attemptKeys, recordAttempt, tooManyFailures } from "./rate-limit";
import { ssoProvider, ssoUsername } from "./sso";

import { asCurrentUser, type CurrentUser, type Role } from "./user";

export type { CurrentUser, Role } from "./user";

const sso = ssoProvider(env);

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; username: string } & DefaultSession["user"];
  }
  interface User {
    role?: Role;
    username?: string;
  }
}

const credentials = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  // Auth.js's own error page answers 500 for "Configuration" (which a request for an unknown
  // provider reaches); sign-in errors go back to the login form instead.
  pages: { signIn: "/login", error: "/login" },
  // A wrong password is an expected outcome, not a server error worth a stack trace.
  logger: {
    error(e) {
      if (e.name !== "CredentialsSignin") console.error(e);
    },
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const keys = attemptKeys(parsed.data.username, clientIp(request));
        // Past the limit no password is checked at all, right or wrong.
        if (await tooManyFailures(keys)) return null;
        const user = await prisma.user.findUnique({ where: { username: parsed.data.username } });
        const ok = !!user && !user.disabled && (await verifyPassword(parsed.data.password, user.passwordHash));
        await recordAttempt(keys, ok);
        if (!ok || !user) return null;
        return { id: String(user.id), name: user.name, role: user.role as Role, username: user.username };
      },
    }),
    ...(sso ? [sso] : []),
  ],
  callbacks: {
    // An SSO identity is admitted only as an existing, enabled local account.
    async signIn({ account, profile }) {
      if (account?.provider !== "sso") return true;
      const username = ssoUsername(profile, env.OIDC_USERNAME_CLAIM);
      const user = username ? await prisma.user.findUnique({ where: { username } }) : null;
      return !!user && !user.disabled;
    },
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "sso") {
        const username = ssoUsername(profile, env.OIDC_USERNAME_CLAIM);
        const local = username ? await prisma.user.findUnique({ where: { username } }) : null;
        if (local) {
          token.sub = String(local.id);
          token.role = local.role;
          token.username = local.username;
          token.name = local.name;
        }
        return token;
      }
      if (user) {
        token.role = user.role;
        token.username = user.username;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role as Role;
      session.user.username = token.username as string;
      return session;
    },
  },
});

export function clientIp(request: Request | undefined): string | null {
  const fwd = request?.headers.get("x-forwarded-for");
  return fwd ? fwd.split(",")[0].trim() : (request?.headers.get("x-real-ip") ?? null);
}

/** The signed-in user, re-read from the database so a disabled account loses access at once. */
export async function currentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const user = await prisma.user.findUnique({ where: { id }, include: { orgs: true } });
  if (!user || user.disabled) return null;
  return asCurrentUser(user);
}
