import { writeFileSync } from "node:fs";
import { z } from "zod";
import { CliError, flags } from "./args";
import { departmentFor } from "./department";
import { disconnect } from "../lib/db";
import { documentRequest, renderDocument, closePdfBrowser } from "../lib/reports";

/**
 * `report self-eval|monitoring --year 2024 --project <code> | --department --format xlsx|pdf|csv|json --out FILE`
 * (self-eval: [--version N] [--layout id]; monitoring: [--month 7]) and `report summary --year 2024 --format … --out FILE`;
 * [--dept CODE] names the department when the installation has several.
 */
export async function runReport(args: string[]): Promise<number> {
  const [kind, ...rest] = args;
  if (kind !== "self-eval" && kind !== "monitoring" && kind !== "summary") throw new CliError("report takes self-eval, monitoring or summary");
  // --department is a switch; the flag parser takes --key value pairs.
  const department = rest.includes("--department");
  const o = flags(
    rest.filter((a) => a !== "--department"),
    {
      year: z.string().optional(), // missing: the working year
      format: z.string(),
      out: z.string().min(1),
      project: z.string().optional(),
      version: z.string().optional(),
      layout: z.string().optional(),
      month: z.string().optional(),
      dept: z.string().optional(),
    },
  );
  if (kind !== "summary" && department === (o.project !== undefined)) throw new CliError("give either --project <code> or --department");
  const scope = department ? "department" : `project:${o.project}`;
  const parsed = documentRequest.safeParse({ kind, scope, year: o.year, format: o.format, version: o.version, layout: o.layout, month: o.month });
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new CliError(`--${i.path.join(".").replace("scope", "project")}: ${i.message}`);
  }
  try {
    const doc = await renderDocument(parsed.data, (await departmentFor(o.dept)).id);
    if (!doc) throw new CliError(`nothing to report: no ${department ? "department tables" : `project ${o.project}`} in ${o.year}${o.version ? ` (version ${o.version})` : ""}${o.layout ? ` or unknown layout ${o.layout}` : ""}`);
    writeFileSync(o.out, doc.body);
    process.stderr.write(`wrote ${o.out}: ${doc.summary}\n`);
    return 0;
  } finally {
    await Promise.all([disconnect(), closePdfBrowser()]);
  }
}
