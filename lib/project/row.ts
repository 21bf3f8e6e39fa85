// The project's JSON columns, decoded in one place and checked with zod. Pure: no Prisma.
// Project.detailJson: table 12's header as printed (lead, phone, reason, …), its fund sources,
// spending lines and purchases, and the executing offices the seed or onboarding resolved.
// Project.amountsJson and SubProject.amountsJson: 表10's amounts by fund source, printed strings.
// Unreadable values yield the empty value (lib/validations/json-column.ts says why).
import { z } from "zod";
import { jsonColumn } from "../validations";

const printed = z.string().nullable();

/** One line of 资金来源 as printed: "1.一般公共预算财政拨款" 2702.43, "其中：…" null. */
export const fundSourceSchema = z.object({ name: z.string(), amount: printed });
export type FundSource = z.infer<typeof fundSourceSchema>;

/**
 * The detail: the fields the application reads are checked; the rest of the printed header
 * (spending, purchases, address, …) is kept as it is, so rollover copies it.
 */
export const projectDetailSchema = z.looseObject({
  fund_sources: z.array(fundSourceSchema).optional(),
  executingOrgIds: z.array(z.number().int()).optional(),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

export const decodeProjectDetail = jsonColumn("Project.detailJson", projectDetailSchema, (): ProjectDetail => ({}));

/** 表10's amounts by fund source (total, current_general, carry_general, special_account, unit_funds, …), printed 万元 or null. */
export const amountsSchema = z.record(z.string(), printed);
export type Amounts = z.infer<typeof amountsSchema>;

export const decodeProjectAmounts = jsonColumn("Project.amountsJson", amountsSchema, (): Amounts => ({}));
export const decodeSubProjectAmounts = jsonColumn("SubProject.amountsJson", amountsSchema, (): Amounts => ({}));
