import { z } from "zod";

const points = z.number({ error: "请输入数字 / Enter a number" }).finite().min(0, { error: "不能为负 / Cannot be negative" }).max(100, { error: "最多100分 / At most 100 points" });
const reason = z.string().trim().min(1, { error: "请填写调整理由 / Give the reason for the adjustment" }).max(1000, { error: "最多1000字 / At most 1000 characters" });

/** The evaluator's choices for one indicator row of a self-evaluation. */
export const rowSettings = z.object({
  applicable: z.boolean().optional(),
  weight: points.optional(),
  tier: z.enum(["met", "partial", "failed"], { error: "等级无效 / Unknown tier" }).optional(),
  /** Fraction of the row's weight (0–1) inside the tier's band. */
  tierScore: z.number().finite().min(0).max(1, { error: "等级得分为0–100% / Tier score is 0–100%" }).optional(),
  adjustment: z.object({ score: points, reason }).optional(),
});
export type RowSettings = z.infer<typeof rowSettings>;

/** Everything an evaluator sets on one self-evaluation (stored as Evaluation.settingsJson). */
export const evaluationSettings = z.object({
  weights: z.object({ budget: points, output: points, outcome: points, satisfaction: points }).partial().optional(),
  rows: z.record(z.string().regex(/^\d+$/), rowSettings).optional(),
  /** 年度总体目标 · 实际完成情况, in the evaluator's words. */
  goalActual: z.string().trim().max(4000, { error: "最多4000字 / At most 4000 characters" }).optional(),
  /** Department form: 全年执行数 per funds row, 万元 (the department's spending is not reported by month). */
  spent: z.record(z.string().max(40), z.number().finite().min(0).max(1e9)).optional(),
});
export type EvaluationSettings = z.infer<typeof evaluationSettings>;

export const scopeInput = z.string().regex(/^(project:\d{21}|department)$/, { error: "评价对象无效 / Unknown evaluation scope" });

/** Save settings (optimistic: the version the evaluator edited). */
export const saveEvaluationInput = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  scope: scopeInput,
  settings: evaluationSettings,
  expectedVersion: z.coerce.number().int().min(0),
});

export const finaliseInput = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  scope: scopeInput,
  note: z.string().trim().max(500).optional(),
});
