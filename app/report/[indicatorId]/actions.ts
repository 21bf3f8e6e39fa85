"use server";
import { revalidatePath } from "next/cache";
import { saveReport, checkFile, discardStored, EVIDENCE_MAX_FILES, storeFile, type StoredFile } from "@/lib/reporting";
import type { ActionResult } from "@/lib/actions";

type Result = ActionResult<{ status: string; light: string; explanation: { zh: string; en: string }; version: number }>;

export async function saveReportAction(_prev: Result | null, form: FormData): Promise<Result> {
  const uploads = form.getAll("evidence").filter((f): f is File => typeof f === "object" && f !== null && "arrayBuffer" in f && f.size > 0);
  if (uploads.length > EVIDENCE_MAX_FILES)
    return { error: { code: "invalid", message: { zh: `一次最多上传${EVIDENCE_MAX_FILES}个文件`, en: `At most ${EVIDENCE_MAX_FILES} files at a time` }, fields: { evidence: ["too many"] } } };
  if (uploads.reduce((n, f) => n + f.size, 0) > 20 * 1024 * 1024)
    return { error: { code: "invalid", message: { zh: "一次上传的文件合计不能超过20MB", en: "Files in one save may total 20 MB at most" }, fields: { evidence: ["too large"] } } };
  const checked: { name: string; bytes: Uint8Array; mime: string }[] = [];
  for (const f of uploads) {
    const bytes = new Uint8Array(await f.arrayBuffer());
    const c = checkFile(f.name, bytes);
    if (!c.ok) return { error: { code: "invalid", message: c.error, fields: { evidence: [`${c.error.zh} / ${c.error.en}`] } } };
    checked.push({ name: f.name, bytes, mime: c.mime });
  }
  const input = { ...Object.fromEntries([...form.entries()].filter(([k]) => k !== "evidence" && k !== "deviationCategories")), deviationCategories: form.getAll("deviationCategories") };
  // Files are written first under random names; the rows that point at them are written in the
  // report's transaction, so a refused report leaves no evidence attached, and its files are
  // deleted again (otherwise refused saves could fill the disk with orphans).
  const stored: StoredFile[] = [];
  let result: Awaited<ReturnType<typeof saveReport>>;
  try {
    for (const c of checked) stored.push(await storeFile(c.name, c.bytes, c.mime));
    result = await saveReport(input, undefined, stored);
  } catch (e) {
    await discardStored(stored);
    throw e;
  }
  if ("error" in result) {
    await discardStored(stored);
    return result;
  }
  revalidatePath("/my");
  revalidatePath(`/report/${result.data.report.indicatorId}`);
  return { data: { status: result.data.report.status, light: result.data.status.light, explanation: result.data.status.explanation, version: result.data.report.version } };
}
