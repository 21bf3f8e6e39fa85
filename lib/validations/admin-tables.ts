import { z } from "zod";

// Inputs of the admin's table maintenance (issue 6): the same schemas check the forms' FormData
// (strings) and the tests' / CLI's plain objects. Messages are in both languages.

const id = z.coerce.number().int({ error: "无效编号 / Invalid id" }).positive({ error: "无效编号 / Invalid id" });
const year = z.coerce.number().int({ error: "年份应为整数 / A year is a whole number" }).min(2000, { error: "年份不在范围内 / Year out of range" }).max(2100, { error: "年份不在范围内 / Year out of range" });

const text = (max: number, zh: string, en: string) =>
  z
    .string({ error: `请填写${zh} / Enter ${en}` })
    .trim()
    .min(1, { error: `请填写${zh} / Enter ${en}` })
    .max(max, { error: `${zh}最多${max}字 / ${en}: at most ${max} characters` });

/** An optional text: empty means none (stored as null). */
const optionalText = (max: number, zh: string, en: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${zh}最多${max}字 / ${en}: at most ${max} characters` })
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

/** "" or absent → null, else a positive id. */
const optionalId = z.preprocess((v) => (v === "" || v === undefined ? null : v), z.union([z.null(), id]));

const isoDate = z
  .string({ error: "请填写批复日期 / Enter the approval date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期格式为 YYYY-MM-DD / Use YYYY-MM-DD" })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { error: "不是有效日期 / Not a valid date" });

const indicatorFields = {
  level1: text(20, "一级指标", "the level-1 category"),
  level2: text(30, "二级指标", "the level-2 category"),
  level3: text(120, "三级指标名称", "the indicator name"),
  targetText: text(60, "指标值", "a target"),
  basis: optionalText(200, "指标值确定依据", "Basis"),
};

export const indicatorCreateInput = z.object({ goalId: id, ...indicatorFields });
export const indicatorUpdateInput = z.object({ indicatorId: id, ...indicatorFields });

export const tableEntity = z.enum(["indicator", "goal", "project"]);
export type TableEntity = z.infer<typeof tableEntity>;

export const moveInput = z.object({ entity: tableEntity, id, direction: z.enum(["up", "down"]) });
export const retireInput = z.object({ entity: tableEntity, id, action: z.enum(["retire", "restore"]) });

export const officeRole = z.enum(["lead", "support"], { error: "请选择牵头或配合 / Choose lead or support" });
export const officeAssignInput = z.object({
  indicatorId: id,
  organizationId: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number({ error: "请选择单位 / Choose an office" }).int().positive({ error: "请选择单位 / Choose an office" })),
  role: officeRole,
});
export const officeRemoveInput = z.object({ indicatorId: id, organizationId: id });

export const aggregationInput = z.object({
  indicatorId: id,
  /** auto: as the target's parse says. */
  accumulation: z.enum(["auto", "cumulative", "level"]),
  aggregation: z.enum(["auto", "sum", "mean"]),
});

export const revisionInput = z.object({
  indicatorId: id,
  targetText: text(60, "调整后的指标值", "the revised target"),
  docNo: text(60, "批复文号", "the approval document number"),
  approvedOn: isoDate,
  note: optionalText(200, "说明", "Note"),
});

export const goalCreateInput = z.object({
  year,
  /** null: a 表11 (department) goal. */
  projectId: optionalId,
  term: z.enum(["annual", "long_term"], { error: "请选择长期或年度 / Choose long-term or annual" }),
  text: text(500, "目标内容", "the goal"),
});
export const goalUpdateInput = z.object({ goalId: id, text: text(500, "目标内容", "the goal") });

export const projectCreateInput = z.object({
  year,
  code: z
    .string({ error: "请填写项目编码 / Enter the project code" })
    .trim()
    .regex(/^[0-9A-Za-z]{6,30}$/, { error: "项目编码为6–30位数字或字母 / A project code is 6–30 digits or letters" }),
  name: text(100, "项目名称", "the project name"),
  executingUnitText: optionalText(200, "项目执行单位", "Executing unit"),
});
export const projectUpdateInput = z.object({
  projectId: id,
  name: text(100, "项目名称", "the project name"),
  executingUnitText: optionalText(200, "项目执行单位", "Executing unit"),
});

export const rolloverInput = z
  .object({
    from: year,
    to: year,
    /** Project codes to carry over; absent: all of the year's projects. 表11 always goes. */
    projects: z.array(z.string().trim().min(1)).optional(),
  })
  .refine((r) => r.to === r.from + 1, { error: "只能结转到下一年（如2024→2025） / Roll over into the next year only (e.g. 2024 → 2025)", path: ["to"] });
export type RolloverInput = z.infer<typeof rolloverInput>;

/** The tables page's URL: which year and which table (表11, 表12-N, or "new" for a new project). */
export const tablesParams = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  table: z
    .string()
    .regex(/^(11|12-\d{1,2}|new)$/)
    .catch("11")
    .default("11"),
});
