"use server";
import { revalidatePath } from "next/cache";
import { createUser, resetPassword, revokeApiToken, setUserStatus, updateUser } from "@/lib/admin";
import type { ActionResult } from "@/lib/actions";

// Thin wrappers for useActionState: every check and the audit row happen in lib/admin/accounts.

type State = ActionResult<unknown> | null;

/** Checkboxes named `orgIds` arrive as several entries; everything else once. */
const input = (form: FormData) => ({ ...Object.fromEntries(form), orgIds: form.getAll("orgIds") });

function done<T extends ActionResult<unknown>>(r: T, userId?: number): T {
  if ("data" in r) {
    revalidatePath("/admin/users");
    if (userId) revalidatePath(`/admin/users/${userId}`);
  }
  return r;
}

export async function createUserAction(_prev: State, form: FormData) {
  return done(await createUser(input(form)));
}

export async function updateUserAction(_prev: State, form: FormData) {
  const r = await updateUser(input(form));
  return done(r, "data" in r ? r.data.id : undefined);
}

export async function resetPasswordAction(_prev: State, form: FormData) {
  const r = await resetPassword(Object.fromEntries(form));
  return done(r, "data" in r ? r.data.id : undefined);
}

export async function setUserStatusAction(_prev: State, form: FormData) {
  const r = await setUserStatus(Object.fromEntries(form));
  return done(r, "data" in r ? r.data.id : undefined);
}

export async function revokeTokenAction(_prev: State, form: FormData) {
  const r = await revokeApiToken(Object.fromEntries(form));
  return done(r, "data" in r ? r.data.id : undefined);
}
