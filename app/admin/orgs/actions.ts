"use server";
import { revalidatePath } from "next/cache";
import { addAlias, createOrg, removeAlias, renameOrg } from "@/lib/offices";
import type { ActionResult } from "@/lib/actions";

// Thin wrappers for useActionState: every check and the audit row happen in lib/offices/orgs.

type State = ActionResult<unknown> | null;

function done<T extends ActionResult<unknown>>(r: T, orgId?: number): T {
  if ("data" in r) {
    revalidatePath("/admin/orgs");
    if (orgId) revalidatePath(`/admin/orgs/${orgId}`);
  }
  return r;
}

export async function createOrgAction(_prev: State, form: FormData) {
  return done(await createOrg(Object.fromEntries(form)));
}

export async function renameOrgAction(_prev: State, form: FormData) {
  const r = await renameOrg(Object.fromEntries(form));
  return done(r, "data" in r ? r.data.id : undefined);
}

export async function addAliasAction(_prev: State, form: FormData) {
  const r = await addAlias(Object.fromEntries(form));
  return done(r, Number(form.get("orgId")) || undefined);
}

export async function removeAliasAction(_prev: State, form: FormData) {
  const r = await removeAlias(Object.fromEntries(form));
  return done(r, "data" in r ? r.data.orgId : undefined);
}
