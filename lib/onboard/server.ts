import "server-only";
import { z } from "zod";
import { prisma } from "../db/prisma";
import { resolveUser, mutate, type ActionError, type ActionResult } from "../actions";
import type { CurrentUser } from "../auth";
import { ownDepartment } from "../auth";
import { codeFromUnits, documentMeta, documentText, DocumentRefused, extractBudget } from "./document";
import { applyOnboarding, hasWrites, previewOnboarding, type OnboardInput, type OnboardPreview, type OnboardSummary } from "./import";
import { can, rolesFor } from "../access";

// Onboarding as the admin page runs it: the signed-in admin onboards a document into their own
// department (its code, whatever the document says; a document whose unit codes are another
// department's is refused — a new department is the installation's, `cli onboard --dept NEW`).
// Confirming goes through `mutate` (admin role, one transaction, the import's audit row).

export type Upload = { fileName: unknown; bytes: Uint8Array | null; digest?: unknown };
export type OnboardReview = OnboardPreview & { fileName: string; lineCount: number };

const fail = (zh: string, en: string, code: ActionError["code"] = "invalid"): { error: ActionError } => ({ error: { code, message: { zh, en } } });
const split = (m: string) => {
  const [zh, en] = m.split(" / ");
  return { zh, en: en ?? zh };
};

async function prepared(upload: Upload, who: CurrentUser | null | undefined): Promise<{ error: ActionError } | { input: OnboardInput; fileName: string; user: CurrentUser }> {
  const user = await resolveUser(who);
  if (!user) return fail("请先登录", "Please sign in", "unauthenticated");
  if (!can(user.role, "onboard.run")) return fail("只有管理员可以导入部门预算", "Only admins onboard budget documents", "forbidden");
  const meta = documentMeta.safeParse({ fileName: upload.fileName, size: upload.bytes?.byteLength ?? 0 });
  if (!meta.success || !upload.bytes) {
    const m = split(meta.success ? "请选择文件 / Choose a file" : meta.error.issues[0].message);
    return fail(m.zh, m.en);
  }
  let text: string;
  try {
    text = await documentText(upload.bytes, meta.data.fileName);
  } catch (e) {
    if (e instanceof DocumentRefused) return fail(e.bilingual.zh, e.bilingual.en);
    throw e;
  }
  const dept = await prisma.department.findUniqueOrThrow({ where: { id: ownDepartment(user) }, select: { code: true } });
  const extraction = extractBudget(text);
  const implied = codeFromUnits(extraction);
  if (implied && implied !== dept.code)
    return fail(
      `这是部门 ${implied} 的预算文件，只能导入本部门（${dept.code}）的文件；新部门由系统安装方用命令行 onboard --dept 创建`,
      `This is department ${implied}'s budget: an admin onboards their own department's (${dept.code}); a new department is created by the installation with the command line (onboard --dept)`,
      "forbidden",
    );
  return { input: { extraction, text, code: dept.code, year: extraction.year }, fileName: meta.data.fileName, user };
}

/** Reads the document and plans it against the department's tables. Writes nothing. */
export async function previewOnboard(upload: Upload, who?: CurrentUser | null): Promise<ActionResult<OnboardReview>> {
  const p = await prepared(upload, who);
  if ("error" in p) return p;
  return { data: { ...(await previewOnboarding(p.input)), fileName: p.fileName, lineCount: p.input.extraction.lineCount } };
}

const confirmInput = z.object({ digest: z.string().regex(/^[0-9a-f]{64}$/, { error: "请先预览 / Preview first" }) });

/** Writes the previewed document in one transaction (all of it or nothing), audited. */
export async function confirmOnboard(upload: Upload, who?: CurrentUser | null): Promise<ActionResult<OnboardSummary>> {
  const p = await prepared(upload, who);
  if ("error" in p) return p;
  const d = confirmInput.safeParse({ digest: upload.digest });
  if (!d.success) return fail("请先预览，再确认导入", "Preview the document before confirming");
  const preview = await previewOnboarding(p.input);
  if (preview.canConfirm && !hasWrites(preview) && preview.digest === d.data.digest) {
    const c = preview.counts.indicators;
    return { data: { year: preview.year, departmentId: ownDepartment(p.user), departmentCode: p.input.code, created: 0, updated: 0, unchanged: c.unchanged, writes: 0, auditId: null } };
  }
  return mutate({
    input: d.data,
    schema: confirmInput,
    roles: rolesFor("onboard.run"),
    user: p.user,
    timeout: 120_000,
    run: async (tx, user, { digest }) => {
      const { summary, audit } = await applyOnboarding(tx, p.input, user.id, digest);
      return { data: { ...summary, auditId: null }, audit: { ...audit, after: { ...audit.after, via: "web", fileName: p.fileName } } };
    },
  });
}
