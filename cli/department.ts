import { CliError } from "./args";
import { departmentsByCode, enabledAdmins } from "../lib/admin";
import { rolesFor, type Action } from "../lib/access";
import type { CurrentUser } from "../lib/auth";

/**
 * The department a command works on: the one named by --dept CODE, or the only one. An
 * installation with several departments must be told which (no silent "first").
 */
export async function departmentFor(code: string | undefined): Promise<{ id: number; code: string; name: string }> {
  const rows = await departmentsByCode(code);
  if (code && rows.length === 0) throw new CliError(`--dept: no department with code ${code}`);
  if (rows.length === 0) throw new CliError("the database has no department yet (run npm run db:setup)");
  if (rows.length > 1) {
    const codes = rows.map((r) => r.code);
    throw new CliError(`有多个部门，请用 --dept 指定其一：${codes.join("、")} / there are several departments: name one with --dept CODE (${codes.join(", ")})`, false);
  }
  return rows[0];
}

/** The department's enabled admin account making the change: the one --user names, or its only one. */
export async function adminAccount(username: string | undefined, departmentId: number, action: Action): Promise<CurrentUser> {
  const admins = await enabledAdmins({ id: departmentId }, rolesFor(action), username);
  if (username && admins.length === 0) throw new CliError(`--user: ${username} is not an enabled admin account of this department`);
  if (admins.length === 0) throw new CliError("the department has no enabled admin account");
  if (admins.length !== 1) throw new CliError("there are several admin accounts: name the one making the change with --user NAME");
  return admins[0];
}
