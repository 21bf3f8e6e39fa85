import { z } from "zod";
import { flags } from "./args";
import { exportIndicators } from "../lib/catalogue/export";
import { prisma } from "../lib/db/prisma";
import { latestYear } from "../lib/catalogue/year";

const csvColumns = ["table", "term", "goal_no", "project_code", "level1", "level2", "level3", "office_text", "offices", "2022", "2023", "target", "basis", "kind", "direction"] as const;

function csvCell(v: string | number | null | undefined): string {
  const s = v == null ? "" : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function runExport(args: string[]): Promise<number> {
  const opts = flags(args, {
    year: z.coerce.number().int().min(2000).max(2100).optional(), // missing: the working year
    format: z.enum(["json", "csv"]).default("json"),
  });
  try {
    const year = opts.year ?? (await latestYear(null));
    const out = await exportIndicators(year);
    if (out.indicators.length === 0) {
      process.stderr.write(`error: no indicators for year ${year}\n`);
      return 1;
    }
    if (opts.format === "json") {
      process.stdout.write(JSON.stringify(out) + "\n");
    } else {
      const lines = [csvColumns.join(",")];
      for (const r of out.indicators) {
        const values = r.values;
        lines.push(
          [r.table, r.term, r.goal_no, r.project_code, r.level1, r.level2, r.level3, r.office_text, r.offices.join("、"),
            values?.["2022"], values?.["2023"], r.target.text, r.basis, r.target.kind, r.target.direction].map(csvCell).join(","),
        );
      }
      process.stdout.write("\ufeff" + lines.join("\n") + "\n");
    }
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}
