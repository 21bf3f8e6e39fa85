import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { CliError, flags } from "./args";
import { adminAccount, departmentFor } from "./department";
import { latestYear } from "../lib/catalogue";
import { disconnect } from "../lib/db";
import { previewFile, tablesFile, writeImport, ACCUMULATION_TEXT, AGGREGATION_TEXT, FIELD_LABELS, placeOf } from "../lib/import";
import { AppError, cliFailure } from "../lib/actions";
import type { Change, Preview } from "../lib/import";
import { importPreviewInput } from "../lib/validations";

/**
 * `tables export --year 2024 --out FILE [--template] [--dept CODE]`: the department's annual
 * indicator tables of the year as a workbook in the document's shape (or the blank template).
 * `tables import --year 2024 --file FILE [--confirm] [--user NAME] [--dept CODE] [--format text|json]`:
 * previews the file against the department's tables of the year (every row: new / changed /
 * unchanged; every problem by sheet, row and column) and, with --confirm, writes it in one
 * transaction, audited as the department's admin --user names (or its only enabled admin). Exit 3
 * when the file has errors (nothing written). --dept names the department by code; it is needed
 * only when the installation has several.
 *
 * Like cli/rollover.ts it mirrors the page's checks rather than calling lib/import/server.ts,
 * which loads the session (next-auth does not load under the CLI's react-server condition).
 */
export async function runTables(args: string[]): Promise<number> {
  try {
    return await tablesCommand(args, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
  } finally {
    await disconnect();
  }
}

type Write = (s: string) => void;

/** The command without the process around it (tests call this with their own writers). */
export async function tablesCommand(args: string[], out: Write, err: Write): Promise<number> {
  const [sub, ...rest] = args;
  // --template and --confirm are switches; the flag parser takes --key value pairs.
  const switches = (names: string[]) => ({ on: names.filter((n) => rest.includes(`--${n}`)), rest: rest.filter((a) => !names.some((n) => a === `--${n}`)) });
  const year = z.string().regex(/^\d{4}$/, { error: "a year such as 2024" }).optional(); // missing: the working year

  if (sub === "export") {
    const s = switches(["template"]);
    const o = flags(s.rest, { year, out: z.string().min(1), dept: z.string().min(1).optional() });
    const dept = await departmentFor(o.dept);
    const y = o.year ? Number(o.year) : await latestYear(dept.id);
    const body = await tablesFile(dept.id, y, { template: s.on.includes("template") });
    if (!body) {
      err(`error: no tables for year ${y}\n`);
      return 1;
    }
    writeFileSync(o.out, body);
    err(`wrote ${o.out}: ${s.on.includes("template") ? "blank template" : "annual indicator tables"} of ${y}\n`);
    return 0;
  }

  if (sub === "import") {
    const s = switches(["confirm"]);
    const o = flags(s.rest, { year, file: z.string().min(1), user: z.string().min(1).optional(), dept: z.string().min(1).optional(), format: z.enum(["text", "json"]).default("text") });
    const dept = await departmentFor(o.dept);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(o.file);
    } catch {
      throw new CliError(`--file: cannot read ${o.file}`);
    }
    const input = importPreviewInput.safeParse({ year: o.year ?? (await latestYear(dept.id)), fileName: path.basename(o.file), bytes });
    if (!input.success) throw new CliError(`--file: ${input.error.issues[0].message.split(" / ").at(-1)}`);
    try {
      const preview = await previewFile(dept.id, input.data);
      if (o.format === "json") out(`${JSON.stringify({ ...preview, rows: preview.rows.map((r) => ({ ...r, apply: undefined })) })}\n`);
      else out(summaryText(preview, o.file));
      if (!preview.canConfirm) {
        err(`nothing written: the file has ${preview.counts.errors} error(s)\n`);
        return 3;
      }
      if (!s.on.includes("confirm")) {
        err("nothing written: add --confirm to import\n");
        return 0;
      }
      const user = await adminAccount(o.user, dept.id, "import.run");
      const r = await writeImport(dept.id, { ...input.data, digest: preview.digest }, user.id, "cli");
      if ("error" in r) return cliFailure(r.error, err, 3);
      const done = r.data;
      err(`imported ${o.file} into ${done.year}: ${done.created} new, ${done.updated} changed, ${done.unchanged} unchanged, ${done.notInFile} not in file (left alone); audit #${done.auditId}\n`);
      return 0;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return cliFailure(e.error, err, 3);
    }
  }

  throw new CliError(sub ? `unknown command: tables ${sub}` : "tables takes export or import");
}

const shown = (c: Change, side: "before" | "after") => {
  const v = c[side];
  if (v === "") return "(empty)";
  if (c.field === "accumulation") return ACCUMULATION_TEXT[v]?.zh ?? v;
  if (c.field === "aggregation") return AGGREGATION_TEXT[v]?.zh ?? v;
  return v;
};

/** The preview as an admin reads it in a terminal. */
export function summaryText(p: Preview & { sha256: string }, file: string): string {
  const c = p.counts;
  const lines = [
    `${p.year} · ${file} · sha256 ${p.sha256.slice(0, 12)}…`,
    `rows ${c.rows}: ${c.create} new, ${c.update} changed, ${c.unchanged} unchanged, ${c.error} with errors; ${c.notInFile} of the year's rows not in the file (left alone)`,
    `problems: ${c.errors} error(s), ${c.warnings} warning(s)`,
  ];
  for (const pr of p.problems) {
    const at = placeOf(pr);
    lines.push(`  [${pr.severity}] ${at.zh}: ${pr.message.zh}`, `          ${at.en}: ${pr.message.en}`);
  }
  const changed = p.rows.filter((r) => r.action === "create" || r.action === "update");
  if (changed.length) lines.push("changes:");
  for (const r of changed) {
    lines.push(`  ${r.sheet} row ${r.row} ${r.action === "create" ? "NEW" : "CHANGED"} ${r.name}`);
    for (const ch of r.changes) lines.push(`      ${FIELD_LABELS[ch.field].zh} / ${FIELD_LABELS[ch.field].en}: ${shown(ch, "before")} → ${shown(ch, "after")}`);
  }
  const byTable = new Map<string, number>();
  for (const n of p.notInFile) if (!n.tableInFile) byTable.set(n.tableNo, (byTable.get(n.tableNo) ?? 0) + 1);
  const listed = p.notInFile.filter((n) => n.tableInFile);
  if (listed.length || byTable.size) lines.push("not in file (left alone):");
  for (const n of listed) lines.push(`  表${n.tableNo}${n.goalNo ? ` 目标${n.goalNo}` : ""} #${n.indicatorId} ${n.name}`);
  for (const [t, n] of byTable) lines.push(`  表${t}: ${n} row(s) (the table is not in the file)`);
  return `${lines.join("\n")}\n`;
}
