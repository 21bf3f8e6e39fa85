import { z } from "zod";
import { flags } from "./args";
import { adminAccount, departmentFor } from "./department";
import { disconnect } from "../lib/db";
import { rollover } from "../lib/admin";

/**
 * `rollover --from 2024 --to 2025 [--projects code,code] [--user NAME] [--dept CODE]`: starts a
 * department's tables of next year as a copy of this year's, through the same audited mutation as
 * the admin page. --dept names the department by code (needed only when the installation has
 * several); --user names the department's admin account making the change, or its only enabled
 * admin account is used. Other departments' tables are neither read nor written.
 */
export async function runRollover(args: string[]): Promise<number> {
  const o = flags(args, {
    from: z.string().regex(/^\d{4}$/, { error: "a year such as 2024" }),
    to: z.string().regex(/^\d{4}$/, { error: "a year such as 2025" }),
    projects: z.string().min(1).optional(),
    user: z.string().min(1).optional(),
    dept: z.string().min(1).optional(),
  });
  try {
    const dept = await departmentFor(o.dept);
    const user = await adminAccount(o.user, dept.id, "tables.edit");
    const r = await rollover({ from: o.from, to: o.to, projects: o.projects?.split(",").map((c) => c.trim()).filter(Boolean) }, user);
    if ("error" in r) {
      const field = r.error.fields ? Object.keys(r.error.fields)[0] : undefined;
      process.stderr.write(`error: ${field ? `--${field.split(".")[0]}: ` : ""}${r.error.message.en}\n${r.error.message.zh}\n`);
      return r.error.code === "invalid" ? 2 : 1;
    }
    const s = r.data;
    process.stdout.write(`${JSON.stringify(s)}\n`);
    process.stderr.write(`rolled ${s.from} into ${s.to}: ${s.projects.length} projects, ${s.goals} goal tables, ${s.indicators} indicators (previous-year values: ${s.fromResults} results, ${s.fromTargets} targets)\n`);
    return 0;
  } finally {
    await disconnect();
  }
}
