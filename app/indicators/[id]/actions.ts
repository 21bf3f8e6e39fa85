"use server";
import { revalidatePath } from "next/cache";
import { overrideTarget } from "@/lib/indicator";
import type { ActionResult } from "@/lib/actions";

export async function overrideTargetAction(_prev: ActionResult<{ id: number }> | null, form: FormData) {
  const result = await overrideTarget(Object.fromEntries(form));
  if ("data" in result) revalidatePath(`/indicators/${result.data.id}`);
  return result;
}
