"use server";
import { revalidatePath } from "next/cache";
import { recordSpending } from "@/lib/reporting";
import type { ActionResult } from "@/lib/actions";

export async function recordSpendingAction(_prev: ActionResult<{ month: number }> | null, form: FormData): Promise<ActionResult<{ month: number }>> {
  const r = await recordSpending(Object.fromEntries(form));
  if ("error" in r) return r;
  revalidatePath("/projects/[code]", "page");
  return { data: { month: r.data.month } };
}
