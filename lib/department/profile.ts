// The department profile's JSON column, decoded in one place and checked with zod. Pure: no Prisma.
// DepartmentProfile.detailJson: table 11's 部门资金 rows and its 项目支出情况 list, as printed.
// An unreadable value yields the empty profile (lib/validations/json-column.ts says why).
import { z } from "zod";
import { jsonColumn } from "../validations";

const printed = z.string().nullish();

/** A funds row: 收入构成 / 财政拨款 67,502.25 96.76%, with the two years before (y2023, y2022 in 2024's). */
export const fundRowSchema = z.looseObject({ group: z.string(), item: z.string(), amount: z.string(), share: printed, y2023: printed, y2022: printed });
/** A line of 项目支出情况: name, category, total, current year's amount, purpose. */
export const projectLineSchema = z.looseObject({ name: printed, category: printed, total: printed, current: printed, purpose: printed });

export const profileDetailSchema = z.object({
  funds: z.array(fundRowSchema).default([]),
  projects: z.array(projectLineSchema).default([]),
});
export type ProfileDetail = z.infer<typeof profileDetailSchema>;

export const decodeProfileDetail = jsonColumn("DepartmentProfile.detailJson", profileDetailSchema, (): ProfileDetail => ({ funds: [], projects: [] }));
