"use server";
import { revalidatePath } from "next/cache";
import { confirmOnboard, previewOnboard, type Upload } from "@/lib/onboard";

// Thin bridges from the upload form to lib/onboard/server.ts; each returns `{ data } | { error }`.

async function upload(form: FormData): Promise<Upload> {
  const file = form.get("file");
  if (!(file instanceof File)) return { fileName: null, bytes: null, digest: form.get("digest") };
  return { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), digest: form.get("digest") ?? undefined };
}

export async function previewOnboardAction(form: FormData) {
  return previewOnboard(await upload(form));
}

export async function confirmOnboardAction(form: FormData) {
  const r = await confirmOnboard(await upload(form));
  if ("data" in r && r.data.writes > 0) revalidatePath("/", "layout");
  return r;
}
