import { z } from "zod";
import { CliError, flags } from "./args";
import { rolesFor } from "../lib/access";
import { departmentFor } from "./department";
import { prisma } from "../lib/db/prisma";
import { rollover } from "../lib/admin";
import { asCurrentUser, type CurrentUser } from "../lib/auth";

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
    const user = await adminAccount(o.user, dept.id);
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
    await prisma.$disconnect();
  }
}

/** The department's enabled admin account making the change: the one --user names, or its only one. */
async function adminAccount(username: string | undefined, departmentId: number): Promise<CurrentUser> {
  const admins = await prisma.user.findMany({ where: { role: { in: rolesFor("tables.edit") }, disabled: false, departmentId, ...(username ? { username } : {}) }, include: { orgs: true } });
  if (username && admins.length === 0) throw new CliError(`--user: ${username} is not an enabled admin account of this department`);
  if (admins.length === 0) throw new CliError("the department has no enabled admin account");
  if (admins.length !== 1) throw new CliError("there are several admin accounts: name the one making the change with --user NAME");
  return asCurrentUser(admins[0]);
}
