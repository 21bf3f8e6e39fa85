import { z } from "zod";

const auto = z.literal("auto");
/** An admin's correction of a target parse. `expression` is re-parsed; the choices override it. */
export const targetOverrideInput = z.object({
  indicatorId: z.coerce.number().int().positive(),
  mode: z.enum(["set", "clear"]).default("set"),
  expression: z.string().trim().min(1, { message: "请填写指标值 / Enter a target" }).max(60, { message: "最多60字 / At most 60 characters" }),
  direction: z.union([auto, z.enum(["higher", "lower", "equal", "range"])]).default("auto"),
  accumulation: z.union([auto, z.enum(["cumulative", "level"])]).default("auto"),
});
export type TargetOverrideInput = z.infer<typeof targetOverrideInput>;
