import "server-only";
import { prisma } from "../db/prisma";
import type { Tx } from "../db/writer";
import { DomainError, mutate } from "../actions";
import type { CurrentUser } from "../auth";
import { ownDepartment } from "../auth";
import { addAliasInput, createOrgInput, removeAliasInput, renameOrgInput } from "../validations";
import { rolesFor } from "../access";

// Organisations (单位 / 处室) and their aliases. The alias table holds every full name, short name
// and alternative name the documents print; importing a table resolves its office brackets through
// it, so an alias shared by several offices (各社保处 → nine offices) makes a row belong to all.
//
// An admin manages their own department's offices: every read and write carries `departmentId`
// in its `where` (an alias: its office's), so another department's office is not found, and an
// alias is "shared" only with offices of the same department (the import resolves within it).

export type OrgRow = {
  id: number;
  name: string;
  shortName: string | null;
  code: string | null;
  kind: string;
  parentId: number | null;
  depth: number;
  aliases: { id: number; alias: string; own: boolean; sharedWith: string[] }[];
  indicators: number;
  users: number;
};

/** The admin's department's organisations, depth-first by parent (department → units → the bureau's divisions). */
export async function listOrgs(admin: CurrentUser): Promise<OrgRow[]> {
  const departmentId = ownDepartment(admin);
  const [orgs, userCounts, indicatorCounts] = await Promise.all([
    prisma.organization.findMany({
      where: { departmentId },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      include: { aliases: { orderBy: { id: "asc" } } },
    }),
    prisma.userOrg.groupBy({ by: ["organizationId"], where: { user: { departmentId } }, _count: true }),
    // Grouped over this department's offices only (a relation `_count` groups the whole table).
    prisma.indicatorOrg.groupBy({ by: ["organizationId"], where: { organization: { departmentId }, indicator: { retiredAt: null } }, _count: true }),
  ]);
  const users = new Map(userCounts.map((u) => [u.organizationId, u._count]));
  const indicatorsOf = new Map(indicatorCounts.map((c) => [c.organizationId, c._count]));
  const label = new Map(orgs.map((o) => [o.id, o.shortName ?? o.name]));
  const byAlias = new Map<string, number[]>();
  for (const o of orgs) for (const a of o.aliases) byAlias.set(a.alias, [...(byAlias.get(a.alias) ?? []), o.id]);

  const children = new Map<number | null, typeof orgs>();
  const ids = new Set(orgs.map((o) => o.id));
  for (const o of orgs) {
    const parent = o.parentId != null && ids.has(o.parentId) ? o.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const rows: OrgRow[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const o of children.get(parent) ?? []) {
      rows.push({
        id: o.id,
        name: o.name,
        shortName: o.shortName,
        code: o.code,
        kind: o.kind,
        parentId: o.parentId,
        depth,
        aliases: o.aliases.map((a) => ({
          id: a.id,
          alias: a.alias,
          own: a.alias === o.name || a.alias === o.shortName,
          sharedWith: (byAlias.get(a.alias) ?? []).filter((x) => x !== o.id).map((x) => label.get(x) ?? String(x)),
        })),
        indicators: indicatorsOf.get(o.id) ?? 0,
        users: users.get(o.id) ?? 0,
      });
      walk(o.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

/** One organisation with its place in the tree and the accounts that report for it. */
export async function getOrg(admin: CurrentUser, id: number) {
  const departmentId = ownDepartment(admin);
  const org = await prisma.organization.findFirst({ where: { id, departmentId }, include: { parent: true } });
  if (!org) return null;
  const row = (await listOrgs(admin)).find((r) => r.id === id);
  const links = await prisma.userOrg.findMany({ where: { organizationId: id, user: { departmentId } }, include: { user: true }, orderBy: { userId: "asc" } });
  const audit = await prisma.auditLog.findMany({
    where: { entity: "Organization", entityId: String(id) },
    include: { user: { select: { name: true } } },
    orderBy: { id: "desc" },
    take: 50,
  });
  return {
    org,
    row: row ?? null,
    users: links.map((l) => ({ id: l.user.id, username: l.user.username, name: l.user.name, role: l.user.role, disabled: l.user.disabled })),
    audit,
  };
}

/** Offices an account can be given, labelled the way users know them (short name first). */
export async function orgChoices(admin: CurrentUser) {
  const rows = await listOrgs(admin);
  return rows.map((r) => ({ id: r.id, label: r.shortName ?? r.name, name: r.name, kind: r.kind, depth: r.depth }));
}

const notFound = () => new DomainError({ code: "not_found", message: { zh: "单位不存在", en: "No such organisation" } });

async function nameTaken(tx: Tx, departmentId: number, name: string, except?: number) {
  const other = await tx.organization.findFirst({ where: { departmentId, name, ...(except ? { id: { not: except } } : {}) } });
  if (other)
    throw new DomainError({
      code: "conflict",
      message: { zh: `已有名为「${name}」的单位`, en: `An organisation named "${name}" exists already` },
      fields: { name: ["名称已被使用 / Name in use"] },
    });
}

/** Adds the names an office is known by to the alias table (idempotent); returns the ones added. */
async function ensureAliases(tx: Tx, orgId: number, names: (string | null | undefined)[]) {
  const added: string[] = [];
  for (const alias of new Set(names.filter((n): n is string => !!n))) {
    const has = await tx.orgAlias.findFirst({ where: { alias, organizationId: orgId } });
    if (!has) {
      await tx.orgAlias.create({ data: { alias, organizationId: orgId } });
      added.push(alias);
    }
  }
  return added;
}

/** A new office of the admin's department: a budget unit under the department, or a division (处室) under a unit. */
export function createOrg(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: createOrgInput,
    roles: rolesFor("accounts.manage"),
    run: async (tx, me, i) => {
      const departmentId = ownDepartment(me);
      const parent = i.parentId
        ? await tx.organization.findFirst({ where: { id: i.parentId, departmentId } })
        : await tx.organization.findFirst({ where: { kind: "department", departmentId }, orderBy: { id: "asc" } });
      if (!parent)
        throw new DomainError({ code: "invalid", message: { zh: "上级单位不存在", en: "No such parent" }, fields: { parentId: ["上级单位不存在 / No such parent"] } });
      await nameTaken(tx, parent.departmentId, i.name);
      if (i.code && (await tx.organization.findUnique({ where: { code: i.code } })))
        throw new DomainError({
          code: "conflict",
          message: { zh: `代码 ${i.code} 已被使用`, en: `Code ${i.code} is in use` },
          fields: { code: ["代码已被使用 / Code in use"] },
        });
      const last = await tx.organization.findFirst({ where: { departmentId: parent.departmentId }, orderBy: { sortOrder: "desc" } });
      const org = await tx.organization.create({
        data: {
          departmentId: parent.departmentId,
          name: i.name,
          shortName: i.shortName ?? null,
          code: i.code ?? null,
          kind: i.kind,
          parentId: parent.id,
          sortOrder: (last?.sortOrder ?? 0) + 1,
        },
      });
      const aliases = await ensureAliases(tx, org.id, [org.name, org.shortName]);
      return {
        data: { id: org.id },
        audit: { action: "org.create", entity: "Organization", entityId: String(org.id), before: null, after: { ...pickOrg(org), aliases } },
      };
    },
  });
}

/**
 * Renames an office or sets its short name. The old names stay in the alias table: documents
 * already printed them, and importing the next year's tables must still find the office.
 */
export function renameOrg(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: renameOrgInput,
    roles: rolesFor("accounts.manage"),
    run: async (tx, me, i) => {
      const org = await tx.organization.findFirst({ where: { id: i.orgId, departmentId: ownDepartment(me) } });
      if (!org) throw notFound();
      if (i.name !== org.name) await nameTaken(tx, org.departmentId, i.name, org.id);
      const after = await tx.organization.update({ where: { id: org.id }, data: { name: i.name, shortName: i.shortName ?? null } });
      const aliases = await ensureAliases(tx, org.id, [after.name, after.shortName]);
      return {
        data: { id: org.id },
        audit: { action: "org.rename", entity: "Organization", entityId: String(org.id), before: pickOrg(org), after: { ...pickOrg(after), aliasesAdded: aliases } },
      };
    },
  });
}

/**
 * Adds an alternative name. An alias another office already has is allowed (各社保处) but only
 * with `confirm`, since every indicator printed with it will then belong to both.
 */
export function addAlias(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: addAliasInput,
    roles: rolesFor("accounts.manage"),
    run: async (tx, me, i) => {
      const org = await tx.organization.findFirst({ where: { id: i.orgId, departmentId: ownDepartment(me) } });
      if (!org) throw notFound();
      const users = await tx.orgAlias.findMany({ where: { alias: i.alias, organization: { departmentId: org.departmentId } }, include: { organization: true } });
      if (users.some((a) => a.organizationId === org.id))
        throw new DomainError({
          code: "conflict",
          message: { zh: `「${i.alias}」已是本单位的别名`, en: `"${i.alias}" is already an alias of this office` },
          fields: { alias: ["已存在 / Exists already"] },
        });
      const others = users.map((a) => a.organization.shortName ?? a.organization.name);
      if (others.length > 0 && !i.confirm)
        throw new DomainError({
          code: "conflict",
          message: {
            zh: `「${i.alias}」已是 ${others.join("、")} 的别名。导入时，写着这个名称的指标将同时归属这些单位和本单位。确认要添加吗？`,
            en: `"${i.alias}" is already an alias of ${others.join(", ")}. When importing, rows printed with this name will belong to them and to this office. Add it anyway?`,
          },
          fields: { confirm: others },
        });
      const row = await tx.orgAlias.create({ data: { alias: i.alias, organizationId: org.id } });
      return {
        data: { id: row.id, sharedWith: others },
        audit: { action: "org.alias.add", entity: "Organization", entityId: String(org.id), before: null, after: { alias: i.alias, sharedWith: others } },
      };
    },
  });
}

/** Removes an alternative name. The office's current name and short name stay: rename instead. */
export function removeAlias(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: removeAliasInput,
    roles: rolesFor("accounts.manage"),
    run: async (tx, me, i) => {
      const row = await tx.orgAlias.findFirst({ where: { id: i.aliasId, organization: { departmentId: ownDepartment(me) } }, include: { organization: true } });
      if (!row) throw new DomainError({ code: "not_found", message: { zh: "别名不存在", en: "No such alias" } });
      if (row.alias === row.organization.name || row.alias === row.organization.shortName)
        throw new DomainError({
          code: "invalid",
          message: { zh: "单位的名称和简称始终是别名；如需更改请修改名称", en: "An office's name and short name are always aliases; rename it instead" },
        });
      await tx.orgAlias.delete({ where: { id: row.id } });
      return {
        data: { orgId: row.organizationId },
        audit: { action: "org.alias.remove", entity: "Organization", entityId: String(row.organizationId), before: { alias: row.alias }, after: null },
      };
    },
  });
}

function pickOrg(o: { name: string; shortName: string | null; code: string | null; kind: string; parentId: number | null }) {
  return { name: o.name, shortName: o.shortName, code: o.code, kind: o.kind, parentId: o.parentId };
}
