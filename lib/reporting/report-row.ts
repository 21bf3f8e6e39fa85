// The monthly report's JSON column, decoded in one place and checked with zod. Pure: no Prisma.
// Report.deviationCategories: the cause boxes ticked (经费保障 | 制度保障 | 人员保障 | 硬件条件保障 | 其他),
// a JSON array, or null when none is ticked. An unreadable value yields no boxes ticked
// (lib/validations/json-column.ts says why); a name that is not one of the five is left out.
import { z } from "zod";
import { DEVIATION_CATEGORIES, jsonColumn, type DeviationCategory } from "../validations";

const isCategory = (c: string): c is DeviationCategory => (DEVIATION_CATEGORIES as readonly string[]).includes(c);

export const deviationCategoriesSchema = z.array(z.string()).transform((cs) => cs.filter(isCategory));

export const decodeDeviationCategories = jsonColumn("Report.deviationCategories", deviationCategoriesSchema, (): DeviationCategory[] => []);

/** The column's text for the boxes ticked (null when none). */
export function encodeDeviationCategories(cs: readonly DeviationCategory[]): string | null {
  return cs.length ? JSON.stringify(cs) : null;
}
