import "server-only";
import { z } from "zod";
import { DEPARTMENT_SELF_EVAL, LAYOUTS, PROJECT_SELF_EVAL } from "./layouts";
import { selfEvaluation } from "./self-eval";
import { selfEvalSheet } from "./self-eval-sheet";
import { departmentMonitoring, projectMonitoring } from "./monitoring";
import { PROJECT_MONITORING, monitoringSheet } from "./monitoring-layout";
import { annualSummary, summarySheets } from "./summary";
import type { Sheet } from "./sheet";
import { latestYear } from "../catalogue";
import { sheetsToXlsx } from "./render/xlsx";
import { sheetToCsv } from "./render/csv";
import { sheetsToPdf } from "./render/pdf";

// Every downloadable report in one place: which data, which layout, which format. The API, the
// pages' download links and the CLI all come through here, so a form looks the same wherever
// it is fetched from.

export const FORMATS = ["xlsx", "pdf", "csv", "json"] as const;
export type Format = (typeof FORMATS)[number];

const year = z.coerce.number({ error: "年度无效 / Invalid year" }).int().min(2000).max(2100).optional(); // missing: the department's working year
const format = z.enum(FORMATS, { error: "格式为 xlsx、pdf、csv 或 json / Format is xlsx, pdf, csv or json" }).default("xlsx");
const scope = z.string().regex(/^(project:\d{21}|department)$/, { error: "项目编码为21位数字，或 department / A 21-digit project code, or department" });

export const documentRequest = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("self-eval"), scope, year, format, version: z.coerce.number().int().min(1).optional(), layout: z.string().max(60).optional() }),
  z.object({ kind: z.literal("monitoring"), scope, year, format, month: z.coerce.number({ error: "月份为1–12 / Month is 1–12" }).int().min(1, { error: "月份为1–12 / Month is 1–12" }).max(12, { error: "月份为1–12 / Month is 1–12" }).default(7) }),
  z.object({ kind: z.literal("summary"), year, format }),
]);
export type DocumentRequest = z.infer<typeof documentRequest>;

export type RenderedDocument = { fileName: string; contentType: string; body: Buffer };

const CONTENT_TYPES: Record<Format, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

async function render(format: Format, title: string, sheets: Sheet[], data: unknown): Promise<Buffer> {
  if (format === "json") return Buffer.from(JSON.stringify(data, null, 2) + "\n");
  if (format === "csv") return Buffer.from("\ufeff" + sheets.map((s) => sheetToCsv(s).replace(/^\ufeff/, "")).join("\r\n"));
  if (format === "pdf") return sheetsToPdf(sheets, title);
  return sheetsToXlsx(sheets);
}

/**
 * Builds one of a department's documents, or null when its subject does not exist (no such
 * project, version or year in that department).
 */
export async function renderDocument(req: DocumentRequest, departmentId: number): Promise<(RenderedDocument & { summary: string }) | null> {
  const year = req.year ?? (await latestYear(departmentId));
  const ext = req.format;
  if (req.kind === "self-eval") {
    const data = await selfEvaluation(departmentId, req.scope, year, req.version);
    if (!data) return null;
    // Own keys only: ?layout=constructor would otherwise find Object.prototype.constructor.
    const def = req.layout ? (Object.hasOwn(LAYOUTS, req.layout) ? LAYOUTS[req.layout] : undefined) : data.kind === "department" ? DEPARTMENT_SELF_EVAL : PROJECT_SELF_EVAL;
    if (!def) return null;
    const v = data.frozen ? `-第${data.frozen.number}版` : "";
    return {
      fileName: `${def.title}-${data.projectName}-${year}${v}.${ext}`,
      contentType: CONTENT_TYPES[req.format],
      body: await render(req.format, def.title, [selfEvalSheet(def, data)], data),
      summary: `${data.projectName}, ${data.rows.length} indicators, total ${data.total.toFixed(2)} (${data.grade})${data.frozen ? `, version ${data.frozen.number}` : ""}`,
    };
  }
  if (req.kind === "monitoring") {
    const list = req.scope === "department" ? await departmentMonitoring(departmentId, year, req.month) : [await projectMonitoring(departmentId, req.scope.slice("project:".length), year, req.month)];
    const forms = list.filter((m) => m !== null);
    if (forms.length === 0) return null;
    const subject = req.scope === "department" ? forms[0].department : forms[0].projectName;
    return {
      fileName: `${PROJECT_MONITORING.title}-${subject}-${year}年1-${req.month}月.${ext}`,
      contentType: CONTENT_TYPES[req.format],
      body: await render(req.format, PROJECT_MONITORING.title, forms.map((m) => monitoringSheet(PROJECT_MONITORING, m)), req.scope === "department" ? forms : forms[0]),
      summary: `${subject}, ${forms.length} project(s), January–${req.month}`,
    };
  }
  const s = await annualSummary(departmentId, year);
  return {
    fileName: `年度绩效自评汇总-${year}.${ext}`,
    contentType: CONTENT_TYPES[req.format],
    body: await render(req.format, "年度绩效自评汇总", summarySheets(s), s),
    summary: `summary of ${year}`,
  };
}

/** The HTTP response of a rendered document (a download, never cached by proxies). */
export function documentResponse(doc: RenderedDocument): Response {
  return new Response(new Uint8Array(doc.body), {
    headers: {
      "content-type": doc.contentType,
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
