import { NextResponse } from "next/server";
import { apiUser, cityOnly, invalidParams, unauthenticated } from "@/lib/api";
import { myIndicators } from "@/lib/reporting";
import { monthQuery } from "@/lib/validations";
import { workingYear } from "@/lib/catalogue";
import { can } from "@/lib/access";

/** GET my indicators with their lights: ?year=2024&month=6 (reporters: their offices' only). */
export async function GET(req: Request) {
  const user = await apiUser(req);
  if (!user) return unauthenticated();
  if (!can(user.role, "department.view")) return cityOnly();
  const parsed = monthQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return invalidParams(parsed.error.issues);
  const { year, month } = await workingYear(user, parsed.data);
  const lines = await myIndicators(user, year, month);
  return NextResponse.json({
    data: {
      year,
      month,
      indicators: lines.map((l) => ({
        id: l.indicator.id,
        table: l.indicator.tableNo,
        level3: l.indicator.level3,
        office: { id: l.org.id, name: l.org.name },
        target: l.indicator.targetText,
        office_target: l.target.value,
        light: l.status.light,
        explanation: l.status.explanation,
        report: l.current ? { id: l.current.id, status: l.current.status, version: l.current.version, valueText: l.current.valueText } : null,
      })),
    },
  });
}
