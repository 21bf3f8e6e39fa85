import { one } from "./params";
import { z } from "zod";

const opt = <T extends z.ZodType>(s: T) => z.preprocess((v) => { const x = one(v); return x === "" ? undefined : x; }, s.optional().catch(undefined));
const LIGHTS = ["green", "yellow", "red", "blue", "overdue", "nodata", "none", "pending"] as const;

/** The status table's view, all in the URL: filters, sort and page. */
export const statusTableParams = z.object({
  year: z.preprocess(one, z.coerce.number().int().min(2000).max(2100).optional().catch(undefined)), // missing: the working year
  month: z.preprocess(one, z.coerce.number().int().min(1).max(12).optional().catch(undefined)),
  light: opt(z.enum(LIGHTS)),
  table: opt(z.string().regex(/^(11|12-\d{1,2})$/)),
  org: opt(z.coerce.number().int().positive()),
  level1: opt(z.string().max(40)),
  q: opt(z.string().trim().max(100)),
  sort: opt(z.string().regex(/^[a-z0-9]+\.(asc|desc)$/i)),
  page: opt(z.coerce.number().int().min(1).max(100000)),
  cols: opt(z.string().max(200)),
});
export type StatusTableParams = z.infer<typeof statusTableParams>;
/** The view once the working year and month are known. */
export type StatusTableView = StatusTableParams & { year: number; month: number };
