// The city roll-up's stored line, decoded and checked with zod. Pure: no Prisma.
// DepartmentSummary.dataJson: one department's figures at an as-of month (lib/reporting/summaries.ts
// writes it, summaryView reads it). An unreadable line yields null, which summaryView treats as a
// line not built (it rebuilds it) rather than as empty figures.
import { z } from "zod";
import { jsonColumn } from "../validations";
import type { Light } from "../status";
import type { DepartmentLine } from "./city";

const LIGHTS = ["green", "yellow", "red", "blue", "overdue", "nodata", "none", "pending"] as const satisfies readonly Light[];
const count = z.number().int().min(0);

export const summaryLineSchema = z.object({
  indicators: count,
  owed: count,
  reported: count,
  submitted: count,
  lights: z.object({ ...Object.fromEntries(LIGHTS.map((l) => [l, count])), total: count } as Record<Light | "total", typeof count>),
  budgetYuan: z.number(),
  spentYuan: z.number(),
  budgetLight: z.enum(LIGHTS),
  selfEval: z.object({ number: z.number().int(), total: z.number(), grade: z.string() }).nullable(),
});
export type SummaryLine = Omit<DepartmentLine, "id" | "code" | "name">;

export const decodeSummaryLine: (json: string | null | undefined) => SummaryLine | null = jsonColumn("DepartmentSummary.dataJson", summaryLineSchema.nullable(), (): SummaryLine | null => null);
