import { one } from "./params";
import { z } from "zod";
import { CITY_SORTS } from "../dashboard/client";


/**
 * ?year=2024&month=6 on reporting and review pages; a missing or bad value is left out, and the
 * page takes the working year and its month (workingYear, lib/catalogue/year.ts).
 */
export const monthParams = z.object({
  year: z.preprocess(one, z.coerce.number().int().min(2000).max(2100).optional().catch(undefined)),
  month: z.preprocess(one, z.coerce.number().int().min(1).max(12).optional().catch(undefined)),
  org: z.preprocess(one, z.coerce.number().int().positive().optional().catch(undefined)),
});

/** The month a reporter most likely reports: last month of the plan year, or December once it is over. */
export function defaultMonth(year = 2024, today = new Date()): number {
  if (today.getFullYear() > year) return 12;
  if (today.getFullYear() < year) return 1;
  return Math.max(1, today.getMonth());
}

const whole = (min: number, max: number, message: string) =>
  z.string().regex(/^\d{1,4}$/, { error: message }).transform(Number).pipe(z.number().int().min(min, { error: message }).max(max, { error: message }));

/**
 * ?year=2024&month=6 on the JSON API: unlike the pages, a bad value is refused (400), not
 * replaced by the default, so a script learns its mistake instead of reading another month.
 */
export const monthQuery = z
  .object({
    year: whole(2000, 2100, "年度为2000–2100 / Year is 2000–2100").optional(),
    month: whole(1, 12, "月份为1–12 / Month is 1–12").optional(),
  })
  .transform(({ year, month }) => ({ year, month })); // missing: the working year (workingYear)

/** The finance bureau's city page: ?month=&sort=&q=&page= (bad values fall back, as on every page). */
export const cityParams = monthParams.extend({
  sort: z.preprocess(one, z.enum(CITY_SORTS).catch("attention")).default("attention"),
  q: z.preprocess(one, z.string().trim().max(50).optional().catch(undefined)),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
});
