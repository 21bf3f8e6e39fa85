import "server-only";
import { randomInt } from "node:crypto";
import { prisma } from "../db/prisma";
import type { Tx } from "../db/writer";
import { DomainError, mutate } from "../actions";
import type { CurrentUser, Role } from "../auth";
import { asCurrentUser, ownDepartment, hashPassword, attemptKeys } from "../auth";
import { createUserInput, resetPasswordInput, revokeTokenInput, updateUserInput, userStatusInput } from "../validations";
import { rolesFor } from "../access";

// Accounts (admin only). Passwords and API tokens never reach the audit trail: it records that a
// password was set or reset, and by whom, not the hash.
//
// An admin manages their own department's accounts: every read and write by id carries
// `departmentId` in its `where`, so another department's account (or the finance bureau's, which
// has none) is not found. A new account joins the admin's department; finance bureau accounts
// are made by the installation (lib/admin/installation.ts, `cli finance create`).

/** 14 characters without look-alikes (0/O, 1/l/I): about 80 bits, easy to read out over the phone. */
export function generatePassword(length = 14): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");
}

export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];

/** The admin's department's accounts with their offices, token state and last successful password sign-in. */
export async function listUsers(admin: CurrentUser) {
  const users = await prisma.user.findMany({ where: { departmentId: ownDepartment(admin) }, orderBy: { id: "asc" }, include: { orgs: true } });
  const orgs = await prisma.organization.findMany({ where: { id: { in: [...new Set(users.flatMap((u) => u.orgs.map((o) => o.organizationId)))] } } });
  const orgLabel = new Map(orgs.map((o) => [o.id, o.shortName ?? o.name]));
  const lastSignIn = await lastSignIns(users.map((u) => u.username));
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role as Role,
    disabled: u.disabled,
    hasToken: u.apiTokenHash != null,
    createdAt: u.createdAt,
    orgs: u.orgs.map((o) => ({ id: o.organizationId, label: orgLabel.get(o.organizationId) ?? String(o.organizationId) })),
    lastSignIn: lastSignIn.get(u.username) ?? null,
  }));
}

/**
 * The last successful credentials sign-in, from the attempts the sign-in limit records
 * (key `user:<name>`). Single sign-on does not record attempts, so it does not show here.
 */
async function lastSignIns(usernames: string[]): Promise<Map<string, Date>> {
  const keyOf = new Map(usernames.map((u) => [attemptKeys(u, null)[0], u]));
  if (keyOf.size === 0) return new Map();
  const rows = await prisma.loginAttempt.groupBy({ by: ["key"], where: { key: { in: [...keyOf.keys()] }, ok: true }, _max: { at: true } });
  const out = new Map<string, Date>();
  for (const r of rows) {
    const u = keyOf.get(r.key);
    if (u && r._max.at) out.set(u, r._max.at);
  }
  return out;
}

export async function getUser(admin: CurrentUser, id: number) {
  const row = (await listUsers(admin)).find((u) => u.id === id);
  if (!row) return null;
  const audit = await prisma.auditLog.findMany({
    where: { entity: "User", entityId: String(id) },
    include: { user: { select: { name: true } } },
    orderBy: { id: "desc" },
    take: 50,
  });
  return { ...row, audit };
}

const notFound = () => new DomainError({ code: "not_found", message: { zh: "账户不存在", en: "No such account" } });

/** The offices chosen are all the department's own. */
async function checkOrgs(tx: Tx, departmentId: number, ids: number[]) {
  if (ids.length === 0) return;
  const found = await tx.organization.count({ where: { id: { in: ids }, departmentId } });
  if (found !== ids.length)
    throw new DomainError({ code: "invalid", message: { zh: "所选单位不存在", en: "An office chosen does not exist" }, fields: { orgIds: ["单位不存在 / No such office"] } });
}

/**
 * Every department must always have one enabled admin, and an admin never locks themselves out:
 * nobody disables or demotes their own account, and the department's last enabled admin stays one.
 */
async function keepAnAdmin(tx: Tx, me: CurrentUser, target: { id: number; role: string; disabled: boolean; departmentId: number | null }, change: "disable" | "demote") {
  if (target.id === me.id)
    throw new DomainError({
      code: "forbidden",
      message:
        change === "disable"
          ? { zh: "不能停用自己的账户", en: "You cannot disable your own account" }
          : { zh: "不能取消自己的管理员角色", en: "You cannot remove your own admin role" },
    });
  if (target.role !== "admin" || target.disabled) return;
  const others = await tx.user.count({ where: { role: "admin", disabled: false, departmentId: target.departmentId ?? -1, id: { not: target.id } } });
  if (others === 0)
    throw new DomainError({
      code: "conflict",
      message: { zh: "这是最后一个启用的管理员账户，不能停用或降级", en: "This is the last enabled admin account; it cannot be disabled or demoted" },
    });
}

/**
 * A department's enabled accounts allowed `roles` (the department by id or by code), with their
 * offices: the accounts a command-line run may act as. Only the one named when `username` is given.
 */
export async function enabledAdmins(department: { id: number } | { code: string }, roles: Role[], username?: string): Promise<CurrentUser[]> {
  const rows = await prisma.user.findMany({
    where: { role: { in: roles }, disabled: false, ...("id" in department ? { departmentId: department.id } : { department: { code: department.code } }), ...(username ? { username } : {}) },
    include: { orgs: true },
    orderBy: { id: "asc" },
  });
  return rows.map(asCurrentUser);
}

export async function usernameFree(tx: Tx, username: string) {
  const taken = await tx.user.findUnique({ where: { username } });
  if (taken)
    throw new DomainError({
      code: "conflict",
      message: { zh: `用户名「${username}」已被使用，请换一个`, en: `The username "${username}" is taken; choose another` },
      fields: { username: ["用户名已被使用 / Username taken"] },
    });
}

/**
 * A new account in the admin's department. With no password typed, one is generated and
 * returned once (never stored in clear).
 */
export function createUser(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: createUserInput,
    roles: rolesFor("accounts.manage"),
    run: async (tx, me, i) => {
      await usernameFree(tx, i.username);
      const departmentId = ownDepartment(me);
      await checkOrgs(tx, departmentId, i.orgIds);
      const generated = i.password ? null : generatePassword();
      const created = await tx.user.create({
        data: {
          username: i.username,
          name: i.name,
          role: i.role,
          departmentId,
          passwordHash: await hashPassword(i.password ?? generated ?? ""),
          orgs: { create: i.orgIds.map((organizationId) => ({ organizationId })) },
        },
      });
      return {
        data: { id: created.id, username: created.username, password: generated },
        audit: {
          action: "user.create",
          entity: "User",
          entityId: String(created.id),
          before: null,
          after: { username: created.username, name: created.name, role: created.role, departmentId, orgIds: i.orgIds, password: generated ? "generated" : "set by admin" },
        },
      };
    },
  });
}

/** Changes an account's name, role and offices. */
export function updateUser(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: updateUserInput,
    roles: rolesFor("accounts.manage"),
    run: async (tx, me, i) => {
      const target = await tx.user.findFirst({ where: { id: i.userId, departmentId: ownDepartment(me) }, include: { orgs: true } });
      if (!target) throw notFound();
      if (target.role === "admin" && i.role !== "admin") await keepAnAdmin(tx, me, target, "demote");
      await checkOrgs(tx, ownDepartment(me), i.orgIds);
      await tx.userOrg.deleteMany({ where: { userId: target.id } });
      if (i.orgIds.length) await tx.userOrg.createMany({ data: i.orgIds.map((organizationId) => ({ userId: target.id, organizationId })) });
      const after = await tx.user.update({ where: { id: target.id }, data: { name: i.name, role: i.role } });
      return {
        data: { id: target.id },
        audit: {
          action: "user.update",
          entity: "User",
          entityId: String(target.id),
          before: { username: target.username, name: target.name, role: target.role, orgIds: target.orgs.map((o) => o.organizationId) },
          after: { username: after.username, name: after.name, role: after.role, orgIds: i.orgIds },
        },
      };
    },
  });
}

/** Sets a new password (typed by the admin, or generated and returned once). */
export function resetPassword(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: resetPasswordInput,
    roles: rolesFor("accounts.manage"),
    run: async (tx, me, i) => {
      const target = await tx.user.findFirst({ where: { id: i.userId, departmentId: ownDepartment(me) } });
      if (!target) throw notFound();
      const generated = i.password ? null : generatePassword();
      await tx.user.update({ where: { id: target.id }, data: { passwordHash: await hashPassword(i.password ?? generated ?? "") } });
      return {
        data: { id: target.id, username: target.username, password: generated },
        audit: {
          action: "user.password.reset",
          entity: "User",
          entityId: String(target.id),
          before: null,
          after: { username: target.username, password: generated ? "generated" : "set by admin" },
        },
      };
    },
  });
}

/**
 * Disables or enables an account. A disabled account cannot sign in, its API token is refused,
 * and its session stops working at the next request (currentUser and apiUser re-read `disabled`).
 */
export function setUserStatus(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: userStatusInput,
    roles: rolesFor("accounts.manage"),
    run: async (tx, me, i) => {
      const target = await tx.user.findFirst({ where: { id: i.userId, departmentId: ownDepartment(me) } });
      if (!target) throw notFound();
      if (i.action === "disable") await keepAnAdmin(tx, me, target, "disable");
      await tx.user.update({ where: { id: target.id }, data: { disabled: i.action === "disable" } });
      return {
        data: { id: target.id },
        audit: {
          action: i.action === "disable" ? "user.disable" : "user.enable",
          entity: "User",
          entityId: String(target.id),
          before: { username: target.username, disabled: target.disabled },
          after: { username: target.username, disabled: i.action === "disable" },
        },
      };
    },
  });
}

/** Revokes an account's API token (a new one is made with `cli token create`). */
export function revokeApiToken(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: revokeTokenInput,
    roles: rolesFor("accounts.manage"),
    run: async (tx, me, i) => {
      const target = await tx.user.findFirst({ where: { id: i.userId, departmentId: ownDepartment(me) } });
      if (!target) throw notFound();
      await tx.user.update({ where: { id: target.id }, data: { apiTokenHash: null } });
      return {
        data: { id: target.id },
        audit: {
          action: "token.revoke",
          entity: "User",
          entityId: String(target.id),
          before: { username: target.username, hadToken: target.apiTokenHash != null },
          after: { username: target.username, hadToken: false },
        },
      };
    },
  });
}
