import { z } from "zod";
import { flags } from "./args";
import { departmentFor } from "./department";
import { exportIndicators, latestYear } from "../lib/catalogue";
import { disconnect } from "../lib/db";
import { toCsvText } from "../lib/reports";

const csvColumns = ["table", "term", "goal_no", "project_code", "level1", "level2", "level3", "office_text", "offices", "2022", "2023", "target", "basis", "kind", "direction"] as const;

export async function runExport(args: string[]): Promise<number> {
  const opts = flags(args, {
    year: z.coerce.number().int().min(2000).max(2100).optional(), // missing: the working year
    format: z.enum(["json", "csv"]).default("json"),
    dept: z.string().min(1).optional(), // needed when the installation holds several departments
  });
  try {
    const dept = await departmentFor(opts.dept);
    const year = opts.year ?? (await latestYear(dept.id));
    const out = await exportIndicators(year, { departmentId: dept.id });
    if (out.indicators.length === 0) {
      process.stderr.write(`error: no indicators for year ${year}\n`);
      return 1;
    }
    if (opts.format === "json") {
      process.stdout.write(JSON.stringify(out) + "\n");
    } else {
      const rows = out.indicators.map((r) => [r.table, r.term, r.goal_no, r.project_code, r.level1, r.level2, r.level3, r.office_text, r.offices.join("、"),
        r.values?.["2022"], r.values?.["2023"], r.target.text, r.basis, r.target.kind, r.target.direction]);
      process.stdout.write(toCsvText([csvColumns, ...rows], "\n"));
    }
    return 0;
  } finally {
    await disconnect();
  }
}
