import { z } from "zod";
import { flags, CliError } from "./args";
import { prisma } from "../lib/db/prisma";
import { audited, type Audit, cliFailure } from "../lib/actions";
import { hashPassword } from "../lib/auth";
import { generatePassword } from "../lib/admin";
import { createFinanceInput } from "../lib/validations";

// What the installation does, not a department's admin (docs/decisions/009):
//   finance create --username NAME --name 姓名
//     an account of the city finance bureau (role finance: reads every department at /city,
//     writes nothing, belongs to no department);
//   department create --code CODE --name 部门名称 --admin NAME --admin-name 姓名
//     a new department with its department-level office and its first admin, who then builds
//     its tables, offices and accounts in /admin (or imports them).
// Generated passwords are printed once; audit rows say they came from the command line.

const code = z.string().trim().regex(/^[0-9A-Za-z]{1,20}$/, { error: "1–20 letters or digits" });
const deptName = z.string().trim().min(2).max(64);

async function usernameFree(username: string) {
  if (await prisma.user.findUnique({ where: { username } })) throw new CliError(`${username} is taken`);
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

/** The account and its audit row (written by `audited` in the same transaction). */
async function createAccount(tx: Tx, data: { username: string; name: string; role: string; departmentId: number | null; passwordHash: string }): Promise<Audit> {
  const u = await tx.user.create({ data });
  return { action: "user.create", entity: "User", entityId: String(u.id), before: undefined, after: { username: u.username, name: u.name, role: u.role, departmentId: u.departmentId, via: "cli" } };
}

const fail = (r: { error: Parameters<typeof cliFailure>[0] }) => cliFailure(r.error, (s) => process.stderr.write(s));

export async function runFinance(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== "create") throw new CliError("finance takes create");
  const o = flags(rest, { username: createFinanceInput.shape.username, name: createFinanceInput.shape.name });
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    await usernameFree(o.username);
    // The installation acts (no account): mutate's write without its session checks.
    const r = await audited({ userId: null, departmentId: null }, async (tx) => ({ data: null, audit: await createAccount(tx, { username: o.username, name: o.name, role: "finance", departmentId: null, passwordHash }) }));
    if ("error" in r) return fail(r);
    process.stdout.write(`${o.username}\t${password}\n`);
    process.stderr.write(`created the finance bureau account ${o.username}; its password (shown once) is above\n`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

export async function runDepartment(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== "create") throw new CliError("department takes create");
  const o = flags(rest, { code, name: deptName, admin: createFinanceInput.shape.username, "admin-name": createFinanceInput.shape.name });
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    if (await prisma.department.findUnique({ where: { code: o.code } })) throw new CliError(`--code: a department with code ${o.code} exists`);
    await usernameFree(o.admin);
    const r = await audited({ userId: null, departmentId: null }, async (tx) => {
      const d = await tx.department.create({ data: { code: o.code, name: o.name } });
      await tx.organization.create({ data: { departmentId: d.id, name: o.name, kind: "department", sortOrder: 0 } });
      const account = await createAccount(tx, { username: o.admin, name: o["admin-name"], role: "admin", departmentId: d.id, passwordHash });
      return { data: d, audit: [{ action: "department.create", entity: "Department", entityId: String(d.id), before: undefined, after: { code: d.code, name: d.name, via: "cli" } }, account] };
    });
    if ("error" in r) return fail(r);
    const dept = r.data;
    process.stdout.write(`${o.admin}\t${password}\n`);
    process.stderr.write(`created department ${dept.code} ${dept.name} and its admin ${o.admin}; the password (shown once) is above\n`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}
