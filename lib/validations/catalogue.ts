import { one } from "./params";
import { z } from "zod";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** The catalogue's URL: every filter is a search param, so a link reproduces the view. */
export const catalogueParams = z.object({
  year: z.preprocess(one, z.coerce.number().int().min(2000).max(2100).optional().catch(undefined)), // missing: the working year
  table: z.preprocess((v) => blankToUndefined(one(v)), z.string().regex(/^(11|12-[1-9]\d*)$/).optional().catch(undefined)),
  term: z.preprocess((v) => blankToUndefined(one(v)), z.enum(["annual", "long_term"]).optional().catch(undefined)),
  org: z.preprocess((v) => blankToUndefined(one(v)), z.coerce.number().int().positive().optional().catch(undefined)),
  level1: z.preprocess((v) => blankToUndefined(one(v)), z.string().max(40).optional().catch(undefined)),
  level2: z.preprocess((v) => blankToUndefined(one(v)), z.string().max(40).optional().catch(undefined)),
  q: z.preprocess((v) => blankToUndefined(one(v)), z.string().trim().max(100).optional().catch(undefined)),
});
export type CatalogueParams = z.infer<typeof catalogueParams>;
