import { z } from "zod";

/** An admin sets a month's deadline, closes it, or reopens it. */
export const periodInput = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1).max(12),
  action: z.enum(["set", "close", "reopen"]),
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期格式为 YYYY-MM-DD / Use YYYY-MM-DD" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
