// The indicator's JSON columns, decoded in one place and checked with zod. Pure: no Prisma.
// Indicator.targetOverride is the only column of the row that holds JSON text: an admin's
// confirmed parse of the target (lib/indicator/override.ts writes it).
import { z } from "zod";
import { jsonColumn } from "../validations";

const auto = z.literal("auto");

/** What an admin confirmed: the expression that is parsed instead of the printed text, and the choices made. */
export const targetOverrideSchema = z.object({
  expression: z.string().min(1),
  direction: z.union([auto, z.enum(["higher", "lower", "equal", "range"])]).default("auto"),
  accumulation: z.union([auto, z.enum(["cumulative", "level"])]).default("auto"),
});
export type TargetOverride = z.infer<typeof targetOverrideSchema>;

/** The stored override, or null when there is none or the stored text is not a valid override (the printed text then stands). */
export const decodeOverride = jsonColumn("Indicator.targetOverride", targetOverrideSchema.nullable(), (): TargetOverride | null => null);

/** The column's text for an override (null clears it). */
export function encodeOverride(o: TargetOverride | null): string | null {
  return o ? JSON.stringify({ expression: o.expression, direction: o.direction, accumulation: o.accumulation }) : null;
}
