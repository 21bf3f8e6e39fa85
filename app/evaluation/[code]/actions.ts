"use server";
import { revalidatePath } from "next/cache";
import { finaliseEvaluation, saveEvaluation } from "@/lib/reports";
import type { ActionResult } from "@/lib/actions";

const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");
const path = (scope: string) => `/evaluation/${scope === "department" ? "department" : scope.slice("project:".length)}`;

export async function saveEvaluationAction(_prev: ActionResult<{ version: number }> | null, form: FormData) {
  let settings: unknown;
  try {
    settings = JSON.parse(text(form.get("settings")) || "{}");
  } catch {
    settings = null;
  }
  const scope = text(form.get("scope"));
  const result = await saveEvaluation({ year: form.get("year"), scope, settings, expectedVersion: form.get("expectedVersion") });
  if ("data" in result) revalidatePath(path(scope));
  return result;
}

export async function finaliseAction(_prev: ActionResult<{ number: number }> | null, form: FormData) {
  const scope = text(form.get("scope"));
  const result = await finaliseEvaluation({ year: form.get("year"), scope, note: form.get("note") || undefined });
  if ("data" in result) revalidatePath(path(scope));
  return result;
}
