"use server";
import { revalidatePath } from "next/cache";
import { confirmImport, previewImport } from "@/lib/import";

// Thin bridges from the upload form to lib/import/server.ts; each returns `{ data } | { error }`.

async function fileInput(form: FormData) {
  const file = form.get("file");
  if (!(file instanceof File)) return { year: form.get("year") };
  return { year: form.get("year"), fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export async function previewImportAction(form: FormData) {
  return previewImport(await fileInput(form));
}

export async function confirmImportAction(form: FormData) {
  const r = await confirmImport({ ...(await fileInput(form)), digest: form.get("digest") ?? undefined });
  if ("data" in r) revalidatePath("/", "layout");
  return r;
}
