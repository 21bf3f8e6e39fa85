import { z } from "zod";

/** An admin sets a month's deadline, closes it, or reopens it. */
export const periodInput = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1).max(12),
  action: z.enum(["set", "close", "reopen"]),
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期格式为 YYYY-MM-DD / Use YYYY-MM-DD" })
    // The shape alone lets 2024-13-45 through (an Invalid Date, a 500) and 2024-02-30 (1 March).
    .refine(realDate, { error: "没有这一天 / No such date" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

/** A calendar day between 2000 and 2101 that exists (no 13th month, no 30 February). */
function realDate(v: string): boolean {
  const [y, m, d] = v.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 2000 && y <= 2101 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
