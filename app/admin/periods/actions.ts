"use server";
import { revalidatePath } from "next/cache";
import { changePeriod } from "@/lib/reporting/periods";

export async function changePeriodAction(form: FormData) {
  const r = await changePeriod(Object.fromEntries(form));
  revalidatePath("/admin/periods");
  if ("error" in r) throw new Error(r.error.message.zh);
}
