import { z } from "zod";

/** Spending to date (累计执行数) of a second-level project for a month, typed in 万元. */
export const spendingInput = z.object({
  subProjectId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1, { error: "月份为1–12 / Month is 1–12" }).max(12, { error: "月份为1–12 / Month is 1–12" }),
  spentWan: z
    .string()
    .trim()
    .regex(/^\d{1,9}(\.\d{1,4})?$/, { error: "请填写金额（万元），如 120.5 / Enter an amount in 万元, e.g. 120.5" }),
  note: z.string().trim().max(500).optional(),
  expectedVersion: z.coerce.number().int().min(0).default(0),
});
