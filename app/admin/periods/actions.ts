"use server";
import { revalidatePath } from "next/cache";
import { changePeriod } from "@/lib/reporting";

/** Returns `{ data } | { error }` for AdminForm to show: a refused input is a message, not a 500. */
export async function changePeriodAction(form: FormData) {
  const r = await changePeriod(Object.fromEntries(form));
  if ("data" in r) revalidatePath("/admin/periods");
  return r;
}
