import "server-only";
import { cache } from "react";
import { z } from "zod";
import { prisma } from "../db/prisma";
import type { CurrentUser } from "../auth";
import { departmentOf } from "../auth";
import { defaultMonth } from "../validations";
import { chooseYear, YEAR_COOKIE, type YearChoice } from "./working-year";

const yearValue = z.coerce.number().int().min(2000).max(2100);

/** The years of a department (null: every department, the finance bureau's city-wide view) and which is the latest open one. */
export const departmentYears = cache(async (departmentId: number | null, remembered?: number): Promise<YearChoice> => {
  const [open, goals] = await Promise.all([
    prisma.year.findMany({ where: { status: "open" }, select: { year: true } }),
    prisma.goal.findMany({ where: { retiredAt: null, ...(departmentId == null ? {} : { departmentId }) }, distinct: ["year"], select: { year: true } }),
  ]);
  return chooseYear({ tables: goals.map((g) => g.year), open: open.map((y) => y.year), remembered, fallback: new Date().getFullYear() });
});

/** The CLI's and the document API's default: the department's latest open year (null: the finance bureau's, every department's). */
export async function latestYear(departmentId: number | null): Promise<number> {
  return (await departmentYears(departmentId)).latest;
}

/**
 * The year a page (or a signed-in API call) shows: ?year= when given, else the year the user
 * chose in the header (cookie), else the latest open year with the user's tables; with the month
 * (?month= or the month most likely reported in that year) and the years the selector offers.
 */
export async function workingYear(user: CurrentUser, asked: { year?: number; month?: number } = {}): Promise<YearChoice & { month: number }> {
  // Loaded here, not at the top: the CLI reads latestYear without paying for Next's request APIs.
  const { cookies } = await import("next/headers");
  const cookie = yearValue.safeParse((await cookies()).get(YEAR_COOKIE)?.value);
  const choice = await departmentYears(departmentOf(user), cookie.success ? cookie.data : undefined);
  const year = asked.year ?? choice.year;
  return { ...choice, year, month: asked.month ?? defaultMonth(year) };
}
