import { z } from "zod";
import { one } from "./params";

// Inputs of the Excel import and export (issue 6). The upload form checks a chosen file with
// importFileMeta before sending it; the server checks the whole input again.

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const year = z.coerce
  .number({ error: "请选择年度 / Choose a year" })
  .int({ error: "年份应为整数 / A year is a whole number" })
  .min(2000, { error: "年份不在范围内 / Year out of range" })
  .max(2100, { error: "年份不在范围内 / Year out of range" });

const fileName = z
  .string({ error: "请选择文件 / Choose a file" })
  .trim()
  .min(1, { error: "请选择文件 / Choose a file" })
  .max(200, { error: "文件名过长 / The file name is too long" })
  .refine((n) => /\.(xlsx|csv)$/i.test(n), { error: "只能导入 .xlsx 工作簿或 .csv 文件 / Only .xlsx workbooks and .csv files can be imported" });

/** What the browser can check before uploading. */
export const importFileMeta = z.object({
  fileName,
  size: z
    .number()
    .positive({ error: "文件是空的 / The file is empty" })
    .max(MAX_IMPORT_BYTES, { error: "文件超过 5 MB / The file is over 5 MB" }),
});

const bytes = z
  .instanceof(Uint8Array, { error: "请选择文件 / Choose a file" })
  .refine((b) => b.byteLength > 0, { error: "文件是空的 / The file is empty" })
  .refine((b) => b.byteLength <= MAX_IMPORT_BYTES, { error: "文件超过 5 MB / The file is over 5 MB" });

/** Preview: the year to import into and the file. */
export const importPreviewInput = z.object({ year, fileName, bytes });
export type ImportPreviewInput = z.infer<typeof importPreviewInput>;

/**
 * Confirm: the same, plus the digest of the preview the admin saw. The web form always sends it
 * (the import refuses when the tables changed since); the command line previews and writes at once.
 */
export const importConfirmInput = importPreviewInput.extend({
  digest: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: "请先预览 / Preview first" })
    .optional(),
});
export type ImportConfirmInput = z.infer<typeof importConfirmInput>;

/** GET /api/v1/admin/tables?year=2024&format=xlsx[&template=1]. */
export const tablesDownloadParams = z.object({
  year: year.optional(), // missing: the working year
  format: z.enum(["xlsx"], { error: "format 只能是 xlsx / format must be xlsx" }).default("xlsx"),
  template: z
    .enum(["0", "1", "true", "false"], { error: "template 为 1 或 0 / template is 1 or 0" })
    .optional()
    .transform((v) => v === "1" || v === "true"),
});

/** The import page's URL: which year (absent or bad: the default). */
export const importPageParams = z.object({
  year: z.preprocess(one, z.coerce.number().int().min(2000).max(2100).optional().catch(undefined)),
});
