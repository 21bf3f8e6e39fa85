"use server";
import { AuthError } from "next-auth";
import { z } from "zod";
import { headers } from "next/headers";
import { signIn } from "@/lib/auth/session";
import { attemptKeys, tooManyFailures } from "@/lib/auth";

const next = z.string().regex(/^\/(?!\/)[\w\-/?=&%.]*$/).catch("/");

export async function loginAction(_prev: { failed: boolean; limited?: boolean } | null, form: FormData) {
  const raw = form.get("username");
  const username = (typeof raw === "string" ? raw : "").slice(0, 64);
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0].trim() ?? h.get("x-real-ip");
  if (await tooManyFailures(attemptKeys(username, ip))) return { failed: true, limited: true };
  try {
    await signIn("credentials", {
      username: form.get("username"),
      password: form.get("password"),
      redirectTo: next.parse(form.get("next") ?? "/"),
    });
    return null;
  } catch (e) {
    if (e instanceof AuthError) return { failed: true };
    throw e; // the redirect after a successful sign-in
  }
}

export async function ssoAction(form: FormData) {
  await signIn("sso", { redirectTo: next.parse(form.get("next") ?? "/") });
}
