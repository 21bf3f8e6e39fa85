import { z } from "zod";

export const DEVIATION_CATEGORIES = ["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他"] as const;
export type DeviationCategory = (typeof DEVIATION_CATEGORIES)[number];
export const LIKELIHOODS = ["确定能", "有可能", "完全不可能"] as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `最多${max}字 / At most ${max} characters` })
    .optional()
    .transform((v) => (v === "" ? undefined : v));

/** A reporter's monthly report on one indicator (form and API). */
export const reportInput = z.object({
  indicatorId: z.coerce.number({ error: "指标无效 / Invalid indicator" }).int().positive(),
  organizationId: z.coerce.number({ error: "单位无效 / Invalid office" }).int().positive(),
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number({ error: "月份无效 / Invalid month" }).int().min(1, { error: "月份为1–12 / Month is 1–12" }).max(12, { error: "月份为1–12 / Month is 1–12" }),
  valueText: z.string({ error: "请填写实际完成值 / Enter the actual value" }).trim().min(1, { error: "请填写实际完成值 / Enter the actual value" }).max(100, { error: "最多100字 / At most 100 characters" }),
  note: text(2000),
  deviationCategories: z
    .preprocess((v): unknown[] => (v == null || v === "" ? [] : Array.isArray(v) ? (v as unknown[]) : [v]), z.array(z.enum(DEVIATION_CATEGORIES, { error: "偏差原因类别无效 / Unknown deviation category" })).max(5))
    .default([]),
  deviationReason: text(2000),
  correctiveMeasure: text(2000),
  forecastText: text(100),
  likelihood: z
    .preprocess((v) => (v === "" ? undefined : v), z.enum(LIKELIHOODS, { error: "完成可能性无效 / Unknown likelihood" }).optional()),
  /** The version the user edited (0 for a new report): a stale one is refused (409). */
  expectedVersion: z.coerce.number().int().min(0).default(0),
  intent: z.enum(["save", "submit"]).default("save"),
});
export type ReportInput = z.infer<typeof reportInput>;

export const reviewInput = z.object({
  reportId: z.coerce.number().int().positive(),
  decision: z.enum(["approve", "return"]),
  comment: text(2000),
  expectedVersion: z.coerce.number().int().min(1),
});
export type ReviewInput = z.infer<typeof reviewInput>;
