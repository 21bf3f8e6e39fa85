// Accounts and organisations (admin): the same functions the admin pages' server actions call,
// against this run's seeded database. Sign-in goes through Auth.js's own credentials endpoint.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../lib/db/prisma";
import { handlers } from "../lib/auth/session";
import type { CurrentUser } from "../lib/auth";
import { verifyPassword } from "../lib/auth/password";
import { apiUser } from "../lib/api/http";
import { createUser, listUsers, resetPassword, revokeApiToken, setUserStatus, updateUser } from "../lib/admin/accounts";
import { addAlias, createOrg, listOrgs, removeAlias, renameOrg } from "../lib/offices/orgs";
import { factory } from "../prisma/seed/factories";
import { asUser, orgByShortName } from "./users";

let admin: CurrentUser, manager: CurrentUser, jiangan: CurrentUser;
let jianganOrg: number;

beforeAll(async () => {
  [admin, manager, jiangan] = await Promise.all(["admin", "manager", "jiangan"].map(asUser));
  jianganOrg = (await orgByShortName("江岸社保处")).id;
});

/** A credentials sign-in through Auth.js: true when it hands out a session cookie. */
async function signsIn(username: string, password: string): Promise<boolean> {
  const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const csrf = await handlers.GET(new NextRequest("http://localhost/api/auth/csrf"));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await handlers.POST(
    new NextRequest("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
      body: new URLSearchParams({ csrfToken, username, password, callbackUrl: "/" }).toString(),
    }),
  );
  return res.headers.getSetCookie().some((c) => /^(__Secure-)?authjs\.session-token=./.test(c));
}

const bearer = (t: string) => new Request("http://localhost/api/v1/indicators", { headers: { authorization: `Bearer ${t}` } });
const audits = (entityId: number | string, entity = "User") => prisma.auditLog.findMany({ where: { entity, entityId: String(entityId) }, orderBy: { id: "asc" } });
const ok = <T,>(r: { data: T } | { error: unknown }): T => {
  if (!("data" in r)) throw new Error(JSON.stringify(r));
  return r.data;
};

describe("creating accounts", () => {
  it("creates a reporter for an office; the generated password is returned once and signs in", async () => {
    const made = ok(await createUser({ username: "jiangan2", name: "江岸社保处 新填报员", role: "reporter", orgIds: [String(jianganOrg)], password: "" }, admin));
    expect(made.password).toMatch(/^[A-Za-z2-9]{14}$/);
    const stored = await prisma.user.findUniqueOrThrow({ where: { username: "jiangan2" }, include: { orgs: true } });
    expect(stored.role).toBe("reporter");
    expect(stored.orgs.map((o) => o.organizationId)).toEqual([jianganOrg]);
    expect(stored.passwordHash).not.toContain(made.password);
    expect(await signsIn("jiangan2", made.password as string)).toBe(true);
    expect(await signsIn("jiangan2", "wrong-password-1")).toBe(false);
    const listed = (await listUsers(admin)).find((u) => u.username === "jiangan2");
    expect(listed).toMatchObject({ role: "reporter", disabled: false, hasToken: false, orgs: [{ id: jianganOrg, label: "江岸社保处" }] });
    expect(listed?.lastSignIn).toBeInstanceOf(Date);
  });

  it("refuses a reporter without an office, a short password and a bad username, writing nothing", async () => {
    const before = { users: await prisma.user.count(), audits: await prisma.auditLog.count() };
    const noOffice = await createUser({ username: "nooffice", name: "无单位", role: "reporter", orgIds: [], password: "long-enough-pw" }, admin);
    expect("error" in noOffice && noOffice.error.code).toBe("invalid");
    expect("error" in noOffice && noOffice.error.fields?.orgIds?.[0]).toMatch(/填报员必须至少选择一个负责单位/);
    const short = await createUser({ username: "shortpw", name: "短密码", role: "evaluator", password: "123456789" }, admin);
    expect("error" in short && short.error.fields?.password?.[0]).toMatch(/至少10个字符/);
    const badName = await createUser({ username: "Zhang San", name: "张三", role: "evaluator", password: "long-enough-pw" }, admin);
    expect("error" in badName && badName.error.fields?.username).toBeTruthy();
    const unknownOrg = await createUser({ username: "ghostorg", name: "x", role: "reporter", orgIds: [999999], password: "long-enough-pw" }, admin);
    expect("error" in unknownOrg && unknownOrg.error.fields?.orgIds).toBeTruthy();
    expect({ users: await prisma.user.count(), audits: await prisma.auditLog.count() }).toEqual(before);
  });

  it("refuses a duplicate username with a clear message", async () => {
    const r = await createUser({ username: "jiangan", name: "重复", role: "evaluator", password: "long-enough-pw" }, admin);
    expect("error" in r && r.error.code).toBe("conflict");
    expect("error" in r && r.error.message.zh).toBe("用户名「jiangan」已被使用，请换一个");
    expect("error" in r && r.error.message.en).toContain("taken");
    expect("error" in r && r.error.fields?.username).toBeTruthy();
  });

  it("a typed initial password is used as given and not returned", async () => {
    const made = ok(await createUser({ username: "pingjia2", name: "评价 二", role: "evaluator", password: "Typed-by-admin-1" }, admin));
    expect(made.password).toBeNull();
    expect(await signsIn("pingjia2", "Typed-by-admin-1")).toBe(true);
  });
});

describe("changing accounts", () => {
  it("reset password: the old one fails, the new one verifies; the audit holds no hash or password", async () => {
    const { id } = await prisma.user.findUniqueOrThrow({ where: { username: "pingjia2" } });
    ok(await resetPassword({ userId: id, password: "Second-password-2" }, admin));
    let stored = await prisma.user.findUniqueOrThrow({ where: { id } });
    expect(await verifyPassword("Typed-by-admin-1", stored.passwordHash)).toBe(false);
    expect(await verifyPassword("Second-password-2", stored.passwordHash)).toBe(true);
    expect(await signsIn("pingjia2", "Typed-by-admin-1")).toBe(false);
    expect(await signsIn("pingjia2", "Second-password-2")).toBe(true);

    const generated = ok(await resetPassword({ userId: id }, admin)).password as string;
    expect(generated).toHaveLength(14);
    stored = await prisma.user.findUniqueOrThrow({ where: { id } });
    expect(await verifyPassword(generated, stored.passwordHash)).toBe(true);
    expect(await verifyPassword("Second-password-2", stored.passwordHash)).toBe(false);

    const rows = await audits(id);
    expect(rows.map((a) => a.action)).toEqual(["user.create", "user.password.reset", "user.password.reset"]);
    const text = rows.map((a) => `${a.before ?? ""}${a.after ?? ""}`).join("\n");
    expect(text).not.toMatch(/scrypt/);
    expect(text).not.toContain(stored.passwordHash.split("$")[5]);
    for (const pw of ["Typed-by-admin-1", "Second-password-2", generated]) expect(text).not.toContain(pw);
    expect(rows.every((a) => a.userId === admin.id)).toBe(true);
  });

  it("changes role and offices; a reporter's offices cannot be emptied", async () => {
    const { id } = await prisma.user.findUniqueOrThrow({ where: { username: "jiangan2" } });
    const jianghanOrg = (await orgByShortName("江汉社保处")).id;
    ok(await updateUser({ userId: id, name: "江岸/江汉 填报员", role: "reporter", orgIds: [jianganOrg, jianghanOrg] }, admin));
    const r = await updateUser({ userId: id, name: "x", role: "reporter", orgIds: [] }, admin);
    expect("error" in r && r.error.code).toBe("invalid");
    const stored = await prisma.user.findUniqueOrThrow({ where: { id }, include: { orgs: true } });
    expect(stored.orgs.map((o) => o.organizationId).sort((a, b) => a - b)).toEqual([jianganOrg, jianghanOrg].sort((a, b) => a - b));
    expect((await apiUserFor(id))?.orgIds.length).toBe(2);
    ok(await updateUser({ userId: id, name: "江岸社保处 新填报员", role: "reporter", orgIds: [jianganOrg] }, admin));
    const last = (await audits(id)).at(-1);
    expect(last?.action).toBe("user.update");
    expect(JSON.parse(last?.before ?? "{}")).toMatchObject({ orgIds: expect.arrayContaining([jianganOrg, jianghanOrg]) as unknown });
  });

  it("disable: credentials sign-in and the API token are refused; enable restores both; revoke ends the token", async () => {
    const u = await prisma.user.findUniqueOrThrow({ where: { username: "jiangan2" } });
    const token = await factory(prisma).token({ id: u.id }); // revoked below
    const password = ok(await resetPassword({ userId: u.id }, admin)).password as string;
    expect((await apiUser(bearer(token)))?.username).toBe("jiangan2");
    expect(await signsIn("jiangan2", password)).toBe(true);

    ok(await setUserStatus({ userId: u.id, action: "disable" }, admin));
    expect(await signsIn("jiangan2", password)).toBe(false);
    expect(await apiUser(bearer(token))).toBeNull();
    expect((await listUsers(admin)).find((x) => x.id === u.id)?.disabled).toBe(true);

    ok(await setUserStatus({ userId: u.id, action: "enable" }, admin));
    expect(await signsIn("jiangan2", password)).toBe(true);
    expect((await apiUser(bearer(token)))?.username).toBe("jiangan2");

    expect((await listUsers(admin)).find((x) => x.id === u.id)?.hasToken).toBe(true);
    ok(await revokeApiToken({ userId: u.id }, admin));
    expect(await apiUser(bearer(token))).toBeNull();
    expect((await listUsers(admin)).find((x) => x.id === u.id)?.hasToken).toBe(false);
    expect((await audits(u.id)).map((a) => a.action).slice(-4)).toEqual(["user.password.reset", "user.disable", "user.enable", "token.revoke"]);
  });
});

describe("there is always an enabled admin", () => {
  it("an admin cannot disable or demote themselves", async () => {
    const before = await prisma.auditLog.count();
    const off = await setUserStatus({ userId: admin.id, action: "disable" }, admin);
    expect("error" in off && off.error.message.zh).toBe("不能停用自己的账户");
    const demote = await updateUser({ userId: admin.id, name: "系统管理员", role: "manager", orgIds: [] }, admin);
    expect("error" in demote && demote.error.message.zh).toBe("不能取消自己的管理员角色");
    expect(await prisma.auditLog.count()).toBe(before);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "admin", disabled: false });
  });

  it("the last enabled admin cannot be disabled or demoted by anyone", async () => {
    const second = ok(await createUser({ username: "admin2", name: "第二管理员", role: "admin", password: "Admin2-password" }, admin));
    const admin2 = await asUser("admin2");
    // admin2 disables the seeded admin: allowed, admin2 remains.
    ok(await setUserStatus({ userId: admin.id, action: "disable" }, admin2));
    // A request of the (now disabled) admin still in flight must not take away the last one.
    const r = await setUserStatus({ userId: second.id, action: "disable" }, admin);
    expect("error" in r && r.error.message.zh).toBe("这是最后一个启用的管理员账户，不能停用或降级");
    const d = await updateUser({ userId: second.id, name: "第二管理员", role: "evaluator", orgIds: [] }, admin);
    expect("error" in d && d.error.code).toBe("conflict");
    ok(await setUserStatus({ userId: admin.id, action: "enable" }, admin2));
    // With two enabled admins, one may demote the other.
    ok(await updateUser({ userId: second.id, name: "第二管理员", role: "evaluator", orgIds: [] }, admin));
    expect(await prisma.user.count({ where: { role: "admin", disabled: false } })).toBe(1);
  });
});

describe("only admins manage accounts and organisations", () => {
  it.each([
    ["create user", (u: CurrentUser | null) => createUser({ username: "sneaky", name: "x", role: "admin", password: "long-enough-pw" }, u)],
    ["reset password", (u: CurrentUser | null) => resetPassword({ userId: 1, password: "long-enough-pw" }, u)],
    ["disable", (u: CurrentUser | null) => setUserStatus({ userId: 1, action: "disable" }, u)],
    ["update", (u: CurrentUser | null) => updateUser({ userId: jiangan.id, name: "x", role: "admin", orgIds: [] }, u)],
    ["revoke token", (u: CurrentUser | null) => revokeApiToken({ userId: 1 }, u)],
    ["create office", (u: CurrentUser | null) => createOrg({ name: "新处室", kind: "division" }, u)],
    ["add alias", (u: CurrentUser | null) => addAlias({ orgId: jianganOrg, alias: "江岸处" }, u)],
  ])("%s: a manager and a reporter are refused, nobody signed in is unauthenticated", async (_n, run) => {
    const before = { audits: await prisma.auditLog.count(), users: await prisma.user.count() };
    for (const u of [manager, jiangan]) {
      const r = await run(u);
      expect("error" in r && r.error.code).toBe("forbidden");
    }
    const anon = await run(null);
    expect("error" in anon && anon.error.code).toBe("unauthenticated");
    expect({ audits: await prisma.auditLog.count(), users: await prisma.user.count() }).toEqual(before);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: jiangan.id } })).role).toBe("reporter");
  });
});

describe("organisations", () => {
  it("lists the tree with kinds, aliases and counts", async () => {
    const rows = await listOrgs(admin);
    expect(rows[0]).toMatchObject({ kind: "department", depth: 0 });
    const jiangan = rows.find((r) => r.id === jianganOrg);
    expect(jiangan).toMatchObject({ kind: "unit", depth: 1, code: "503003", shortName: "江岸社保处" });
    expect(jiangan?.indicators).toBeGreaterThan(0);
    expect(jiangan?.users).toBeGreaterThanOrEqual(1);
    const shared = jiangan?.aliases.find((a) => a.alias === "各社保处");
    expect(shared?.sharedWith).toHaveLength(8);
    const bureau = rows.find((r) => r.code === "503002");
    const div = rows.find((r) => r.name === "政研处");
    expect(div).toMatchObject({ kind: "division", parentId: bureau?.id, depth: 2 });
    // Depth-first: each division follows its unit.
    expect(rows.indexOf(div!)).toBeGreaterThan(rows.indexOf(bureau!));
  });

  it("creates an office, renames it keeping the old names as aliases, adds and removes aliases", async () => {
    const bureau = await prisma.organization.findFirstOrThrow({ where: { code: "503002" } });
    const { id } = ok(await createOrg({ name: "数据管理处", shortName: "", code: "", kind: "division", parentId: String(bureau.id) }, admin));
    const created = await prisma.organization.findUniqueOrThrow({ where: { id }, include: { aliases: true } });
    expect(created).toMatchObject({ kind: "division", parentId: bureau.id, departmentId: bureau.departmentId, shortName: null });
    expect(created.aliases.map((a) => a.alias)).toEqual(["数据管理处"]);

    const dup = await createOrg({ name: "政研处", kind: "division" }, admin);
    expect("error" in dup && dup.error.message.zh).toBe("已有名为「政研处」的单位");

    ok(await renameOrg({ orgId: id, name: "数据资源管理处", shortName: "数据处" }, admin));
    const renamed = await prisma.organization.findUniqueOrThrow({ where: { id }, include: { aliases: true } });
    expect(renamed).toMatchObject({ name: "数据资源管理处", shortName: "数据处" });
    expect(renamed.aliases.map((a) => a.alias).sort()).toEqual(["数据处", "数据管理处", "数据资源管理处"].sort());

    // A new alias nobody else uses.
    ok(await addAlias({ orgId: id, alias: "大数据处" }, admin));
    const again = await addAlias({ orgId: id, alias: "大数据处" }, admin);
    expect("error" in again && again.error.message.zh).toBe("「大数据处」已是本单位的别名");

    // An alias another office has: a warning naming it, then added only when confirmed.
    const warn = await addAlias({ orgId: id, alias: "财务处" }, admin);
    expect("error" in warn && warn.error.code).toBe("conflict");
    expect("error" in warn && warn.error.message.zh).toContain("已是 财务管理处 的别名");
    expect("error" in warn && warn.error.fields?.confirm).toEqual(["财务管理处"]);
    expect(await prisma.orgAlias.count({ where: { alias: "财务处", organizationId: id } })).toBe(0);
    const confirmed = ok(await addAlias({ orgId: id, alias: "财务处", confirm: "1" }, admin));
    expect(confirmed.sharedWith).toEqual(["财务管理处"]);

    // Remove: the alternative names go; the current name and short name stay.
    ok(await removeAlias({ aliasId: confirmed.id }, admin));
    const own = await prisma.orgAlias.findFirstOrThrow({ where: { alias: "数据处", organizationId: id } });
    const refused = await removeAlias({ aliasId: own.id }, admin);
    expect("error" in refused && refused.error.code).toBe("invalid");
    expect((await prisma.orgAlias.findMany({ where: { organizationId: id } })).map((a) => a.alias).sort()).toEqual(["大数据处", "数据处", "数据管理处", "数据资源管理处"].sort());

    const rows = await audits(id, "Organization");
    expect(rows.map((a) => a.action)).toEqual(["org.create", "org.rename", "org.alias.add", "org.alias.add", "org.alias.remove"]);
    expect(JSON.parse(rows[1].before ?? "{}")).toMatchObject({ name: "数据管理处" });
    expect(JSON.parse(rows[3].after ?? "{}")).toEqual({ alias: "财务处", sharedWith: ["财务管理处"] });
  });
});

/** The account as an API token presents it (the token goes again afterwards, as the factory found it). */
async function apiUserFor(id: number) {
  const build = factory(prisma);
  try {
    return await apiUser(bearer(await build.token({ id })));
  } finally {
    await build.drop();
  }
}
