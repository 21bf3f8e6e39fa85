"use server";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth";

const next = z.string().regex(/^\/(?!\/)[\w\-/?=&%.]*$/).catch("/");

export async function loginAction(_prev: { failed: boolean } | null, form: FormData) {
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
