import { NextResponse } from "next/server";
import { apiError, apiUser, invalidParams, unauthenticated } from "@/lib/api";
import { cityView } from "@/lib/reporting";
import { monthQuery } from "@/lib/validations";
import { workingYear } from "@/lib/catalogue";
import { can } from "@/lib/access";

/** GET the finance bureau's roll-up: every department's lights, reporting and budget at ?year=&month= (from the stored summaries; computedAt is the oldest line's time). */
export async function GET(req: Request) {
  const user = await apiUser(req);
  if (!user) return unauthenticated();
  if (!can(user.role, "city.view")) return apiError("forbidden", { zh: "只有市财政局账号可以查看全市汇总", en: "Only the finance bureau's accounts read the city roll-up" });
  const parsed = monthQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return invalidParams(parsed.error.issues);
  const { year, month } = await workingYear(user, parsed.data);
  const { value, computedAt } = await cityView(year, month);
  return NextResponse.json({ data: { ...value, computedAt } });
}
