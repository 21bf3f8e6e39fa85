import "server-only";
import { apiError, apiUser, invalidParams, unauthenticated } from "../api";
import { ownDepartment } from "../auth";
import { documentRequest, documentResponse, renderDocument } from "./documents";
import { can } from "../access";

/** GET handler body shared by the report downloads: who may read, the parameters, the file. */
export async function documentGet(req: Request, params: Record<string, string | undefined>): Promise<Response> {
  const user = await apiUser(req);
  if (!user) return unauthenticated();
  if (!can(user.role, "evaluation.read")) return apiError("forbidden", { zh: "只有评价人员和管理人员可以导出报表", en: "Only evaluators and managers export reports" });
  const q = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = documentRequest.safeParse({ ...q, ...params });
  if (!parsed.success) return invalidParams(parsed.error.issues);
  const doc = await renderDocument(parsed.data, ownDepartment(user));
  if (!doc) return apiError("not_found", { zh: "没有这个项目、年度或版本", en: "No such project, year or version" });
  return documentResponse(doc);
}

/** "department" stays; a 21-digit code becomes "project:<code>"; anything else is left to fail validation. */
export const scopeOf = (code: string) => (/^\d{21}$/.test(code) ? `project:${code}` : code);
