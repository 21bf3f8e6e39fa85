import { apiError, apiUser, unauthenticated } from "@/lib/api/http";
import { projectSelfEvaluation } from "@/lib/reports/self-eval";
import { selfEvalXlsx } from "@/lib/reports/xlsx";
import { LAYOUTS, PROJECT_SELF_EVAL } from "@/lib/reports/layouts";

/** GET /api/v1/self-eval/<project code>?year=2024&format=xlsx|json[&layout=id]: evaluators and managers. */
export async function GET(req: Request, { params }: { params: Promise<{ code: string }> }) {
  const user = await apiUser(req);
  if (!user) return unauthenticated();
  if (!["evaluator", "manager", "admin"].includes(user.role)) return apiError("forbidden", { zh: "只有评价人员和管理人员可以导出自评表", en: "Only evaluators and managers export self-evaluations" });
  const { code } = await params;
  const url = new URL(req.url);
  const year = Number(url.searchParams.get("year") ?? "2024");
  const format = url.searchParams.get("format") ?? "xlsx";
  const def = LAYOUTS[url.searchParams.get("layout") ?? PROJECT_SELF_EVAL.id];
  if (!/^\d{21}$/.test(code) || !Number.isInteger(year) || !["xlsx", "json"].includes(format) || !def)
    return apiError("invalid", { zh: "参数有误（项目编码、年度、格式 xlsx/json、版式）", en: "Bad parameters (project code, year, format xlsx/json, layout)" });
  const data = await projectSelfEvaluation(code, year);
  if (!data) return apiError("not_found", { zh: "项目不存在", en: "No such project" });
  if (format === "json") return Response.json({ data });
  const name = `项目支出绩效自评表-${data.projectName}-${year}.xlsx`;
  return new Response(new Uint8Array(await selfEvalXlsx(def, data)), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "private, no-store",
    },
  });
}
