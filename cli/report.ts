import { writeFileSync } from "node:fs";
import { z } from "zod";
import { CliError, flags } from "./args";
import { prisma } from "../lib/db/prisma";
import { projectSelfEvaluation } from "../lib/reports/self-eval";
import { selfEvalXlsx } from "../lib/reports/xlsx";
import { LAYOUTS, PROJECT_SELF_EVAL } from "../lib/reports/layouts";

/** `report self-eval --year 2024 --project <code> --format xlsx|json|csv --out FILE [--layout id]`. */
export async function runReport(args: string[]): Promise<number> {
  const [kind, ...rest] = args;
  if (kind !== "self-eval") throw new CliError("report takes self-eval");
  if (rest.includes("--department")) throw new CliError("--department: the 部门整体支出绩效自评表 is not available yet; use --project <code>");
  const o = flags(rest, {
    year: z.coerce.number().int().min(2000).max(2100),
    project: z.string().regex(/^\d{21}$/, { error: "a 21-digit project code, e.g. 420100225030030000107" }),
    format: z.enum(["xlsx", "json", "csv"]),
    out: z.string().min(1),
    layout: z.string().optional(),
  });
  const def = o.layout ? LAYOUTS[o.layout] : PROJECT_SELF_EVAL;
  if (!def) throw new CliError(`unknown layout ${o.layout}; known: ${Object.keys(LAYOUTS).join(", ")}`);
  try {
    const data = await projectSelfEvaluation(o.project, o.year);
    if (!data) throw new CliError(`no project ${o.project} in ${o.year}`);
    if (o.format === "json") writeFileSync(o.out, JSON.stringify(data, null, 2) + "\n");
    else if (o.format === "csv") {
      const esc = (s: string | number) => (/[",\n]/.test(String(s)) ? `"${String(s).replace(/"/g, '""')}"` : String(s));
      const lines = [def.grid.map((c) => c.title), ...data.rows.map((r) => def.grid.map((c) => esc(r[c.key as keyof typeof r] ?? "")))];
      lines.push(["总分", "", "", "", "", "", String(data.total), data.grade]);
      writeFileSync(o.out, "\ufeff" + lines.map((l) => l.join(",")).join("\r\n") + "\r\n");
    } else writeFileSync(o.out, await selfEvalXlsx(def, data));
    process.stderr.write(`wrote ${o.out}: ${data.projectName}, ${data.rows.length} indicators, total ${data.total.toFixed(2)} (${data.grade})\n`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}
