import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { CliError, flags } from "./args";
import { rolesFor } from "../lib/access";
import { enabledAdmins } from "../lib/admin";
import { disconnect } from "../lib/db";
import { budgetYear, codeFromUnits, deptCode, documentMeta, documentText, DocumentRefused, extractBudget, hasWrites, previewOnboarding, writeOnboarding, type Counts, type OnboardPreview } from "../lib/onboard";
import { AppError } from "../lib/actions";

/**
 * `onboard --file <部门预算.txt|.pdf> [--dept CODE] [--year 2025] [--confirm] [--user NAME] [--format text|json]`:
 * reads a department's published budget, extracts its tables and prints what importing it would
 * do — the department, its units and offices, 表10 projects and second-level projects, every goal
 * table with its row count, each new / changed / unchanged, and every problem by page and line —
 * writing nothing. With --confirm it writes all of it in one transaction, or nothing. The
 * department is --dept CODE or the one the document's unit codes imply (503002… → 503); a new
 * department is created (the installation's task, like `department create`). Audited as the
 * department's admin (--user, or its only one) when it has one, else as the installation.
 * Exit 0 ok, 2 bad input (one line, Chinese / English; nothing written).
 */
export async function runOnboard(args: string[]): Promise<number> {
  try {
    return await onboardCommand(args, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
  } finally {
    await disconnect();
  }
}

type Write = (s: string) => void;

export async function onboardCommand(args: string[], out: Write, err: Write): Promise<number> {
  const confirm = args.includes("--confirm");
  const o = flags(
    args.filter((a) => a !== "--confirm"),
    {
      file: z.string().min(1),
      dept: deptCode.optional(),
      year: budgetYear.optional(),
      user: z.string().min(1).optional(),
      format: z.enum(["text", "json"]).default("text"),
    },
  );
  const bad = (m: { zh: string; en: string }) => {
    err(`error: ${m.zh} / ${m.en}\n`);
    return 2;
  };
  let size: number;
  try {
    size = statSync(o.file).size;
  } catch {
    throw new CliError(`--file: cannot read ${o.file}`);
  }
  // By name and size first: a 50 MB file is refused before a byte of it is read.
  const meta = documentMeta.safeParse({ fileName: path.basename(o.file), size });
  if (!meta.success) {
    const [zh, en] = meta.error.issues[0].message.split(" / ");
    return bad({ zh, en: en ?? zh });
  }
  let text: string;
  try {
    text = await documentText(readFileSync(o.file), path.basename(o.file));
  } catch (e) {
    if (e instanceof DocumentRefused) return bad(e.bilingual);
    throw e;
  }
  const extraction = extractBudget(text);
  const code = o.dept ?? codeFromUnits(extraction);
  if (!code) return bad({ zh: "文档中的单位编码看不出部门编码，请用 --dept 指定", en: "The document's unit codes do not give the department's code: name it with --dept CODE" });
  const input = { extraction, text, code, year: o.year ?? extraction.year };
  try {
    const preview = await previewOnboarding(input);
    out(o.format === "json" ? `${JSON.stringify(preview)}\n` : previewText(preview, o.file));
    if (!preview.canConfirm) {
      const first = preview.problems.find((p) => p.severity === "error");
      const n = preview.problems.filter((p) => p.severity === "error").length;
      return bad({
        zh: `没有写入任何内容：${first?.message.zh ?? "文档无法导入"}${n > 1 ? `（另有${n - 1}个问题，见上）` : ""}`,
        en: `nothing written: ${first?.message.en ?? "the document cannot be imported"}${n > 1 ? ` (and ${n - 1} more, listed above)` : ""}`,
      });
    }
    if (!confirm) {
      err("nothing written: add --confirm to import / 未写入：加 --confirm 导入\n");
      return 0;
    }
    if (!hasWrites(preview)) {
      err(`nothing to write: the database already holds this document's ${preview.year} tables for department ${code} / 数据库已有该文档的全部内容，未写入\n`);
      return 0;
    }
    const user = preview.department.action === "create" ? null : await adminOf(code, o.user);
    const r = await writeOnboarding(input, user?.id ?? null, preview.digest);
    if ("error" in r) return bad(r.error.message);
    const done = r.data;
    err(`onboarded ${o.file} into department ${done.departmentCode}, ${done.year}: ${done.created} indicators new, ${done.updated} changed, ${done.unchanged} unchanged; ${done.writes} writes${done.auditId ? `; audit #${done.auditId}` : ""}\n`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) return bad(e.error.message);
    throw e;
  }
}

/** The department's enabled admin: the one --user names, or its only one; none (the installation acts) when it has none. */
async function adminOf(code: string, username: string | undefined): Promise<{ id: number } | null> {
  const admins = await enabledAdmins({ code }, rolesFor("onboard.run"), username);
  if (username && admins.length === 0) throw new CliError(`--user: ${username} is not an enabled admin account of department ${code}`);
  if (admins.length > 1) throw new CliError("there are several admin accounts: name the one making the change with --user NAME");
  return admins[0] ?? null;
}

const ACTION = { create: "新增 new", update: "变更 changed", unchanged: "不变 unchanged" } as const;
const counted = (c: Counts) => `${c.create} new, ${c.update} changed, ${c.unchanged} unchanged`;
const TERM = { annual: "年度 annual", long_term: "长期 long-term" } as const;

/** The preview as an operator reads it in a terminal. */
export function previewText(p: OnboardPreview, file: string): string {
  const c = p.counts;
  const lines = [
    `${file} · ${p.year}`,
    `部门 / department: ${p.department.code} ${p.department.name} (${p.department.action === "create" ? "新增 new" : "已有 exists"})`,
    `单位 / offices: ${p.offices.length} (${counted(c.offices)})`,
  ];
  for (const o of p.offices.filter((x) => x.action === "create")) lines.push(`  + ${o.name}${o.shortName ? `（${o.shortName}）` : ""} [${o.kind}]`);
  lines.push(`项目 / projects (表10): ${p.projects.length} (${counted(c.projects)}); 二级项目 / second-level projects: ${p.projects.reduce((n, x) => n + x.subProjects.length, 0)} (${counted(c.subProjects)})`);
  for (const x of p.projects) lines.push(`  表${x.tableNo} ${x.code} ${x.name}: ${x.subProjects.length} 二级项目 · ${ACTION[x.action]}`);
  lines.push(`目标表 / goal tables: ${p.tables.length} (${counted(c.tables)})`);
  for (const t of p.tables) {
    const rc = { create: 0, update: 0, unchanged: 0 };
    for (const r of t.rows) rc[r.action]++;
    lines.push(`  表${t.tableNo} ${TERM[t.term]}${t.goalNo != null ? ` 目标${t.goalNo}` : ""}${t.projectName ? ` ${t.projectName}` : ""}: ${t.rows.length} rows (${counted(rc)})`);
  }
  lines.push(`指标 / indicators: ${c.indicators.create + c.indicators.update + c.indicators.unchanged} (${counted(c.indicators)}); ${c.notInDocument} of the year's rows not in the document (left alone)`);
  for (const t of p.tables)
    for (const r of t.rows.filter((x) => x.action === "update")) {
      lines.push(`  表${t.tableNo}${t.goalNo != null ? ` 目标${t.goalNo}` : ""} #${r.index} ${r.namePrinted}`);
      for (const ch of r.changes) lines.push(`      ${ch.field}: ${ch.before || "(empty)"} → ${ch.after || "(empty)"}`);
    }
  for (const n of p.notInDocument) lines.push(`  not in the document: 表${n.tableNo} #${n.id} ${n.name}`);
  const errors = p.problems.filter((x) => x.severity === "error").length;
  lines.push(`问题 / problems: ${errors} error(s), ${p.problems.length - errors} warning(s)`);
  for (const pr of p.problems) {
    const at = [pr.page != null ? `第${pr.page}页` : null, pr.line != null ? `第${pr.line}行` : null, pr.table ? `表${pr.table}` : null].filter(Boolean).join(" ");
    const atEn = [pr.page != null ? `page ${pr.page}` : null, pr.line != null ? `line ${pr.line}` : null, pr.table ? `table ${pr.table}` : null].filter(Boolean).join(", ");
    lines.push(`  [${pr.severity}] ${at || "文档"}: ${pr.message.zh}`, `          ${atEn || "document"}: ${pr.message.en}`);
  }
  return `${lines.join("\n")}\n`;
}
