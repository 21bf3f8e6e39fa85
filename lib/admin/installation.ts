import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "../db/prisma";
import type { Tx } from "../db/writer";
import { audited, DomainError, type Audit } from "../actions";
import { hashPassword, hashToken } from "../auth";
import { generatePassword, usernameFree } from "./accounts";

// What the installation does, not a department's admin (docs/decisions/009), for the command
// line: the city finance bureau's accounts, a new department with its first admin, API tokens.
// The installation acts (no account): `mutate`'s write without its session checks (`audited`),
// and every audit row says it came from the command line. Generated passwords and tokens are
// returned once; only their hashes are kept.

/** The departments a command may work on: the one with this code, or all of them (by code). */
export function departmentsByCode(code?: string): Promise<{ id: number; code: string; name: string }[]> {
  return prisma.department.findMany({ where: code ? { code } : {}, select: { id: true, code: true, name: true }, orderBy: { code: "asc" } });
}

/** The account and its audit row (written by `audited` in the same transaction). */
async function createAccount(tx: Tx, data: { username: string; name: string; role: string; departmentId: number | null; passwordHash: string }): Promise<Audit> {
  await usernameFree(tx, data.username);
  const u = await tx.user.create({ data });
  return { action: "user.create", entity: "User", entityId: String(u.id), before: undefined, after: { username: u.username, name: u.name, role: u.role, departmentId: u.departmentId, via: "cli" } };
}

/** An account of the city finance bureau (role finance: reads every department, writes nothing, belongs to none). */
export async function createFinanceAccount(input: { username: string; name: string }) {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const r = await audited({ userId: null, departmentId: null }, async (tx) => ({
    data: { username: input.username, password },
    audit: await createAccount(tx, { username: input.username, name: input.name, role: "finance", departmentId: null, passwordHash }),
  }));
  return "error" in r ? r : { data: r.data };
}

/** A new department with its department-level office and its first admin, who then builds its tables, offices and accounts. */
export async function createDepartment(input: { code: string; name: string; admin: string; adminName: string }) {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const r = await audited({ userId: null, departmentId: null }, async (tx) => {
    if (await tx.department.findUnique({ where: { code: input.code } }))
      throw new DomainError({
        code: "conflict",
        message: { zh: `已有代码为 ${input.code} 的部门`, en: `a department with code ${input.code} exists` },
        fields: { code: ["代码已被使用 / Code in use"] },
      });
    const d = await tx.department.create({ data: { code: input.code, name: input.name } });
    await tx.organization.create({ data: { departmentId: d.id, name: input.name, kind: "department", sortOrder: 0 } });
    const account = await createAccount(tx, { username: input.admin, name: input.adminName, role: "admin", departmentId: d.id, passwordHash });
    return {
      data: { department: { code: d.code, name: d.name }, admin: input.admin, password },
      audit: [{ action: "department.create", entity: "Department", entityId: String(d.id), before: undefined, after: { code: d.code, name: d.name, via: "cli" } }, account],
    };
  });
  return "error" in r ? r : { data: r.data };
}

/** A new API token for an account (returned once), or its token revoked. */
export async function setApiToken(input: { username: string; action: "create" | "revoke" }) {
  const token = input.action === "create" ? randomBytes(32).toString("base64url") : null;
  const r = await audited({ userId: null, departmentId: null }, async (tx) => {
    const user = await tx.user.findUnique({ where: { username: input.username } });
    if (!user) throw new DomainError({ code: "not_found", message: { zh: `没有名为 ${input.username} 的用户`, en: `no user named ${input.username}` } });
    await tx.user.update({ where: { id: user.id }, data: { apiTokenHash: token ? hashToken(token) : null } });
    return {
      data: { username: user.username, token },
      audit: { action: token ? "token.create" : "token.revoke", entity: "User", entityId: String(user.id), before: undefined, after: { username: user.username, via: "cli" } },
    };
  });
  return "error" in r ? r : { data: r.data };
}
