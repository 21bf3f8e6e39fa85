import "server-only";
import { prisma } from "../db/prisma";
import { mutate } from "../actions";
import type { CurrentUser } from "../auth";
import { periodInput } from "../validations";
import { rolesFor } from "../access";

/** The default deadline of a month's reports: the 10th of the following month, end of day (UTC+8). */
export function defaultDeadline(year: number, month: number): Date {
  return new Date(Date.UTC(month === 12 ? year + 1 : year, month % 12, 10, 15, 59, 59));
}

export async function listPeriods(year: number) {
  const rows = await prisma.period.findMany({ where: { year } });
  const now = Date.now();
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const p = rows.find((r) => r.month === month);
    const closed = !!p && !p.reopened && (p.closed || p.deadline.getTime() < now);
    return { month, deadline: p?.deadline ?? null, closed, reopened: p?.reopened ?? false, configured: !!p };
  });
}

export function changePeriod(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    schema: periodInput,
    roles: rolesFor("periods.manage"),
    user,
    run: async (tx, _me, i) => {
      const before = await tx.period.findUnique({ where: { year_month: { year: i.year, month: i.month } } });
      const deadline = i.deadline ? new Date(`${i.deadline}T23:59:59+08:00`) : (before?.deadline ?? defaultDeadline(i.year, i.month));
      const state =
        i.action === "close" ? { closed: true, reopened: false } : i.action === "reopen" ? { closed: false, reopened: true } : { closed: before?.closed ?? false, reopened: false };
      const after = await tx.period.upsert({
        where: { year_month: { year: i.year, month: i.month } },
        create: { year: i.year, month: i.month, deadline, ...state },
        update: { deadline, ...state },
      });
      return { data: after, audit: { action: `period.${i.action}`, entity: "Period", entityId: `${i.year}-${i.month}`, before, after } };
    },
  });
}
