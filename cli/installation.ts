import { z } from "zod";
import { flags, CliError } from "./args";
import { disconnect } from "../lib/db";
import { cliFailure, type ActionError } from "../lib/actions";
import { createDepartment, createFinanceAccount } from "../lib/admin";
import { createFinanceInput } from "../lib/validations";

// What the installation does, not a department's admin (docs/decisions/009):
//   finance create --username NAME --name 姓名
//     an account of the city finance bureau (role finance: reads every department at /city,
//     writes nothing, belongs to no department);
//   department create --code CODE --name 部门名称 --admin NAME --admin-name 姓名
//     a new department with its department-level office and its first admin, who then builds
//     its tables, offices and accounts in /admin (or imports them).
// Generated passwords are printed once; audit rows say they came from the command line
// (lib/admin/installation.ts).

const code = z.string().trim().regex(/^[0-9A-Za-z]{1,20}$/, { error: "1–20 letters or digits" });
const deptName = z.string().trim().min(2).max(64);

/**
 * A refusal: a name or code already in use is bad input (one line with the usage, exit 2; the
 * flag it is about first), anything else the command line's answer to a refusal.
 */
function fail(error: ActionError, flagOf: Record<string, string>): number {
  if (error.code === "conflict") {
    const field = Object.keys(error.fields ?? {})[0];
    throw new CliError(`${field && flagOf[field] ? `--${flagOf[field]}: ` : ""}${error.message.en}`);
  }
  return cliFailure(error, (s) => process.stderr.write(s));
}

export async function runFinance(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== "create") throw new CliError("finance takes create");
  const o = flags(rest, { username: createFinanceInput.shape.username, name: createFinanceInput.shape.name });
  try {
    const r = await createFinanceAccount({ username: o.username, name: o.name });
    if ("error" in r) return fail(r.error, { username: "username" });
    process.stdout.write(`${o.username}\t${r.data.password}\n`);
    process.stderr.write(`created the finance bureau account ${o.username}; its password (shown once) is above\n`);
    return 0;
  } finally {
    await disconnect();
  }
}

export async function runDepartment(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== "create") throw new CliError("department takes create");
  const o = flags(rest, { code, name: deptName, admin: createFinanceInput.shape.username, "admin-name": createFinanceInput.shape.name });
  try {
    const r = await createDepartment({ code: o.code, name: o.name, admin: o.admin, adminName: o["admin-name"] });
    if ("error" in r) return fail(r.error, { code: "code", username: "admin" });
    const dept = r.data.department;
    process.stdout.write(`${o.admin}\t${r.data.password}\n`);
    process.stderr.write(`created department ${dept.code} ${dept.name} and its admin ${o.admin}; the password (shown once) is above\n`);
    return 0;
  } finally {
    await disconnect();
  }
}
