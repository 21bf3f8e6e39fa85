import { apiError, apiUser, invalidParams, unauthenticated } from "@/lib/api";
import { ownDepartment } from "@/lib/auth";
import { tablesFile } from "@/lib/import";
import { workingYear } from "@/lib/catalogue";
import { tablesDownloadParams } from "@/lib/validations";
import { can } from "@/lib/access";

/**
 * GET /api/v1/admin/tables?year=2024&format=xlsx — a year's annual indicator tables as a workbook
 * in the document's shape (the import's format); &template=1 — the same sheets with headers only.
 * Admins only, of their own department's tables.
 */
export async function GET(req: Request) {
  const user = await apiUser(req);
  if (!user) return unauthenticated();
  if (!can(user.role, "tables.edit")) return apiError("forbidden", { zh: "只有管理员可以导出指标表", en: "Only admins export the tables" });
  const parsed = tablesDownloadParams.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) return invalidParams(parsed.error.issues);
  const { template } = parsed.data;
  const year = parsed.data.year ?? (await workingYear(user)).year;
  const body = await tablesFile(ownDepartment(user), year, { template });
  if (!body) return apiError("not_found", { zh: `${year}年没有指标表`, en: `${year} has no tables` });
  const name = template ? `绩效目标表-${year}-导入模板.xlsx` : `绩效目标表-${year}.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "private, no-store",
    },
  });
}
