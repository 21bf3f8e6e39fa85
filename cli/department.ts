import { prisma } from "../lib/db/prisma";
import { CliError } from "./args";

/**
 * The department a command works on: the one named by --dept CODE, or the only one. An
 * installation with several departments must be told which (no silent "first").
 */
export async function departmentFor(code: string | undefined): Promise<{ id: number; code: string; name: string }> {
  const rows = await prisma.department.findMany({ where: code ? { code } : {}, select: { id: true, code: true, name: true }, orderBy: { code: "asc" } });
  if (code && rows.length === 0) throw new CliError(`--dept: no department with code ${code}`);
  if (rows.length === 0) throw new CliError("the database has no department yet (run npm run db:setup)");
  if (rows.length > 1) {
    const codes = rows.map((r) => r.code);
    throw new CliError(`有多个部门，请用 --dept 指定其一：${codes.join("、")} / there are several departments: name one with --dept CODE (${codes.join(", ")})`, false);
  }
  return rows[0];
}
