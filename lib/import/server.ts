import "server-only";
import type { CurrentUser } from "../auth";
import { ownDepartment } from "../auth";
import { asResult, type ActionError, type ActionResult } from "../actions";
import { fieldErrors, importConfirmInput, importPreviewInput } from "../validations";
import { previewFile, writeImport } from "./db";
import type { ImportSummary, PreviewResult } from "./types";
import { can } from "../access";

// The import as the page and the API run it: the signed-in admin, the input checked with the
// zod schemas of lib/validations/import.ts, `{ data } | { error }` results.
//
// Confirming checks what `mutate` checks (schema, session, role) and writes through mutate's
// transaction (lib/import/db.ts `writeImport`, `audited`, with a 120 s timeout).
// An admin imports into (and previews against) their own department's tables only.

async function admin(user: CurrentUser | null | undefined): Promise<{ user: CurrentUser } | { error: ActionError }> {
  // Auth.js only when the session is needed, as in lib/actions/mutation.ts (the CLI imports lib/import).
  const me = user === undefined ? await (await import("../auth/session")).currentUser() : user;
  if (!me) return { error: { code: "unauthenticated", message: { zh: "请先登录", en: "Please sign in" } } };
  if (!can(me.role, "import.run")) return { error: { code: "forbidden", message: { zh: "只有管理员可以导入指标表", en: "Only admins import tables" } } };
  return { user: me };
}

function invalid(issues: { path: PropertyKey[]; message: string }[]): { error: ActionError } {
  const fields = fieldErrors(issues);
  const first = issues[0]?.message ?? "";
  return { error: { code: "invalid", message: { zh: first.split(" / ")[0] || "输入有误", en: first.split(" / ")[1] ?? "Invalid input" }, fields } };
}

/** Reads the file and compares it with the year's tables. Writes nothing. */
export async function previewImport(input: unknown, user?: CurrentUser | null): Promise<ActionResult<PreviewResult>> {
  const who = await admin(user);
  if ("error" in who) return who;
  const parsed = importPreviewInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  try {
    const p = await previewFile(ownDepartment(who.user), parsed.data);
    // What confirming writes is worked out again on the server; the browser needs only what to show.
    return { data: { ...p, rows: p.rows.map((r) => ({ ...r, apply: null })) } };
  } catch (e) {
    return asResult(e);
  }
}

/** Writes the previewed file in one transaction, or nothing. */
export async function confirmImport(input: unknown, user?: CurrentUser | null): Promise<ActionResult<ImportSummary>> {
  const who = await admin(user);
  if ("error" in who) return who;
  const parsed = importConfirmInput.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  if (!parsed.data.digest) return { error: { code: "invalid", message: { zh: "请先预览，再确认导入", en: "Preview the file before confirming" } } };
  return writeImport(ownDepartment(who.user), parsed.data, who.user.id, "web");
}
