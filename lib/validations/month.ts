import { one } from "./params";
import { z } from "zod";


/** ?year=2024&month=6 on reporting and review pages; bad values fall back to defaults. */
export const monthParams = z.object({
  year: z.preprocess(one, z.coerce.number().int().min(2000).max(2100).catch(2024)).default(2024),
  month: z.preprocess(one, z.coerce.number().int().min(1).max(12).catch(defaultMonth())).default(defaultMonth()),
  org: z.preprocess(one, z.coerce.number().int().positive().optional().catch(undefined)),
});

/** The month a reporter most likely reports: last month of the plan year, or December once it is over. */
export function defaultMonth(year = 2024, today = new Date()): number {
  if (today.getFullYear() > year) return 12;
  if (today.getFullYear() < year) return 1;
  return Math.max(1, today.getMonth());
}
