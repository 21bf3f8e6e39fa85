"use server";
import { revalidatePath } from "next/cache";
import { reviewReport } from "@/lib/reporting";
import type { ActionResult } from "@/lib/actions";

export async function reviewReportAction(_prev: ActionResult<{ status: string }> | null, form: FormData): Promise<ActionResult<{ status: string }>> {
  const result = await reviewReport(Object.fromEntries(form));
  if ("error" in result) return result;
  revalidatePath("/review");
  return { data: { status: result.data.report.status } };
}
