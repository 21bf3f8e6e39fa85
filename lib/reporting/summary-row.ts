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

const checked: (json: string | null | undefined) => SummaryLine | null = jsonColumn("DepartmentSummary.dataJson", summaryLineSchema.nullable(), (): SummaryLine | null => null);

/**
 * Every /city request reads all the stored lines (600 at city scale), and a line's text changes
 * only when it is rebuilt: checking 600 lines with zod took 11–36 ms a request, JSON.parse alone
 * 1–5 ms. So each distinct text is checked once and its line kept (frozen: callers share it), at
 * most LINES_KEPT of them, forgotten all at once past that.
 */
const LINES_KEPT = 10_000;
const decoded = new Map<string, SummaryLine | null>();

export function decodeSummaryLine(json: string | null | undefined): SummaryLine | null {
  if (!json) return checked(json);
  let line = decoded.get(json);
  if (line === undefined) {
    line = checked(json);
    if (line) {
      Object.freeze(line.lights);
      if (line.selfEval) Object.freeze(line.selfEval);
      Object.freeze(line);
    }
    if (decoded.size >= LINES_KEPT) decoded.clear();
    decoded.set(json, line);
  }
  return line;
}
