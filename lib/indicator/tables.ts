import "server-only";
import type { Tx } from "../db/writer";
import { DomainError, mutate, type Message } from "../actions";
import type { CurrentUser } from "../auth";
import { departmentScope, indicatorScope, ownDepartment } from "../auth";
import { parseTarget } from "../targets";
import { newTarget, printedTargetChange, targetInForce } from "./target";
import { rolesFor } from "../access";
import {
  aggregationInput,
  goalCreateInput,
  goalUpdateInput,
  indicatorCreateInput,
  indicatorUpdateInput,
  moveInput,
  officeAssignInput,
  officeRemoveInput,
  projectCreateInput,
  projectUpdateInput,
  retireInput,
  type TableEntity,
} from "../validations";

// An admin keeps the indicator tables right (issue 6): add, edit, reorder and retire indicators,
// goals and projects, assign the responsible offices and say how shared rows combine. Every change
// goes through `mutate` (zod, admin only, one transaction, one audit row with before and after).
//
// Retiring never deletes: it sets retiredAt, and the lists, dashboards and catalogue leave such
// rows out (their queries filter `retiredAt: null`). Retiring a project or goal retires its rows
// with the same timestamp, so restoring it brings back exactly those rows and not ones retired
// on their own before; that way every query needs to look at one retiredAt only.
//
// An admin administers their own department's tables only. Every read by id carries the
// department in its `where` (`goal: { departmentId }` for an indicator, `departmentId` for a goal,
// project or office), so another department's id is simply not found and nothing is written.

export type { Tx } from "../db/writer";

const fail = (code: "not_found" | "invalid" | "conflict", zh: string, en: string, fields?: Record<string, string[]>): never => {
  throw new DomainError({ code, message: { zh, en } satisfies Message, fields });
};
const missing = (what: { zh: string; en: string }) => fail("not_found", `${what.zh}不存在`, `No such ${what.en}`);
const INDICATOR = { zh: "指标", en: "indicator" };

/**
 * The indicator `id`, if it is in the caller's own department (the scope is in the query);
 * otherwise a not_found refusal: another department's id is not found, never forbidden.
 */
export async function ownIndicator(tx: Tx, me: CurrentUser, id: number) {
  const ind = await tx.indicator.findFirst({ where: { id, ...indicatorScope(me) } });
  return ind ?? missing(INDICATOR);
}
const GOAL = { zh: "目标表", en: "goal" };
const PROJECT = { zh: "项目", en: "project" };
const ORG = { zh: "单位", en: "office" };


/** The name as the tables print it: the office bracket, when there was one, follows the name. */
const printedName = (level3: string, officeText: string | null) => (officeText ? `${level3}（${officeText}）` : level3);

const indicatorSnapshot = (i: { level1: string; level2: string; level3: string; namePrinted: string; targetText: string; basis: string | null; targetKind: string; targetOverride: string | null }) => ({
  level1: i.level1,
  level2: i.level2,
  level3: i.level3,
  namePrinted: i.namePrinted,
  targetText: i.targetText,
  basis: i.basis,
  targetKind: i.targetKind,
  targetOverride: i.targetOverride,
});

// ——— indicators ———

/** Adds a row at the end of a goal's table. Offices are assigned next (until then it is flagged). */
export function createIndicator(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: indicatorCreateInput,
    roles: rolesFor("tables.edit"),
    run: async (tx, me, i) => {
      const goal = await tx.goal.findFirst({ where: { id: i.goalId, ...departmentScope(me) } });
      if (!goal) return missing(GOAL);
      if (goal.retiredAt) return fail("invalid", "该目标表已停用，请先恢复", "This goal is retired; restore it first");
      const last = await tx.indicator.aggregate({ where: { goalId: goal.id }, _max: { sortOrder: true } });
      const row = await tx.indicator.create({
        data: {
          goalId: goal.id,
          year: goal.year,
          tableNo: goal.tableNo,
          term: goal.term,
          sortOrder: (last._max.sortOrder ?? 0) + 1,
          level1: i.level1,
          level2: i.level2,
          level3: i.level3,
          namePrinted: i.level3,
          officeText: null,
          basis: i.basis,
          ...newTarget(i.targetText, i.level3),
        },
      });
      return { data: { id: row.id }, audit: { action: "indicator.create", entity: "Indicator", entityId: String(row.id), before: null, after: { goalId: goal.id, ...indicatorSnapshot(row) } } };
    },
  });
}

/**
 * Edits the names, the target as printed (年初指标值) and its basis. A changed target is parsed
 * again; a confirmed parse of the old text no longer applies and is dropped. While a revision
 * (调整) stands, the effective columns stay those of the revision.
 */
export function updateIndicator(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: indicatorUpdateInput,
    roles: rolesFor("tables.edit"),
    run: async (tx, me, i) => {
      const ind = await ownIndicator(tx, me, i.indicatorId);
      const nameChanged = i.level3 !== ind.level3;
      const data = {
        level1: i.level1,
        level2: i.level2,
        level3: i.level3,
        namePrinted: nameChanged ? printedName(i.level3, ind.officeText) : ind.namePrinted,
        basis: i.basis,
        ...printedTargetChange(ind, { targetText: i.targetText, level3: i.level3 }),
      };
      const after = await tx.indicator.update({ where: { id: ind.id }, data });
      return { data: { id: ind.id, targetKind: after.targetKind }, audit: { action: "indicator.update", entity: "Indicator", entityId: String(ind.id), before: indicatorSnapshot(ind), after: indicatorSnapshot(after) } };
    },
  });
}

/** Who is responsible: adds an office, or changes its role (牵头 lead / 配合 support). */
export function assignOffice(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: officeAssignInput,
    roles: rolesFor("tables.edit"),
    run: async (tx, me, i) => {
      const ind = await ownIndicator(tx, me, i.indicatorId);
      const org = await tx.organization.findFirst({ where: { id: i.organizationId, ...departmentScope(me) } });
      if (!org) return missing(ORG);
      const before = await officesOf(tx, ind.id);
      await tx.indicatorOrg.upsert({
        where: { indicatorId_organizationId: { indicatorId: ind.id, organizationId: org.id } },
        create: { indicatorId: ind.id, organizationId: org.id, role: i.role },
        update: { role: i.role },
      });
      const after = await officesOf(tx, ind.id);
      return { data: { id: ind.id, offices: after }, audit: { action: "indicator.office.assign", entity: "Indicator", entityId: String(ind.id), before: { offices: before }, after: { offices: after } } };
    },
  });
}

/** Takes an office off a row. Its reports stay (they belong to the office and the indicator). */
export function removeOffice(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: officeRemoveInput,
    roles: rolesFor("tables.edit"),
    run: async (tx, me, i) => {
      const link = await tx.indicatorOrg.findFirst({ where: { indicatorId: i.indicatorId, organizationId: i.organizationId, indicator: indicatorScope(me) } });
      if (!link) return fail("not_found", "该单位不是此指标的责任单位", "This office is not responsible for the indicator");
      const before = await officesOf(tx, i.indicatorId);
      await tx.indicatorOrg.delete({ where: { indicatorId_organizationId: { indicatorId: i.indicatorId, organizationId: i.organizationId } } });
      const after = await officesOf(tx, i.indicatorId);
      return { data: { id: i.indicatorId, offices: after }, audit: { action: "indicator.office.remove", entity: "Indicator", entityId: String(i.indicatorId), before: { offices: before }, after: { offices: after } } };
    },
  });
}

async function officesOf(tx: Tx, indicatorId: number) {
  const rows = await tx.indicatorOrg.findMany({ where: { indicatorId }, include: { organization: { select: { name: true } } }, orderBy: { organizationId: "asc" } });
  return rows.map((r) => ({ organizationId: r.organizationId, name: r.organization.name, role: r.role }));
}

/**
 * How a shared row is judged: accumulation (a count over the year, or a level at a point in time)
 * and how the offices' parts combine (sum or mean). "auto" goes back to what the target says.
 */
export function setAggregation(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: aggregationInput,
    roles: rolesFor("tables.edit"),
    run: async (tx, me, i) => {
      const ind = await ownIndicator(tx, me, i.indicatorId);
      const accumulation = i.accumulation === "auto" ? parseTarget(targetInForce(ind).source, ind.level3).accumulation : i.accumulation;
      const data = { accumulation, aggregation: i.aggregation };
      await tx.indicator.update({ where: { id: ind.id }, data });
      return { data: { id: ind.id }, audit: { action: "indicator.aggregation", entity: "Indicator", entityId: String(ind.id), before: { accumulation: ind.accumulation, aggregation: ind.aggregation }, after: data } };
    },
  });
}

// ——— goals and projects ———

/** A new goal table: in 表11 (numbered after the others of its term) or in a project. */
export function createGoal(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: goalCreateInput,
    roles: rolesFor("tables.edit"),
    run: async (tx, me, i) => {
      const dept = await tx.department.findUnique({ where: { id: ownDepartment(me) } });
      if (!dept) return fail("not_found", "尚未载入部门", "No department loaded");
      let tableNo = "11";
      if (i.projectId != null) {
        const p = await tx.project.findFirst({ where: { id: i.projectId, departmentId: dept.id } });
        if (!p || p.year !== i.year) return missing(PROJECT);
        if (p.retiredAt) return fail("invalid", "该项目已停用，请先恢复", "This project is retired; restore it first");
        tableNo = p.tableNo;
      }
      const siblings = { departmentId: dept.id, year: i.year, projectId: i.projectId, tableNo };
      const [last, lastNo] = await Promise.all([
        tx.goal.aggregate({ where: siblings, _max: { sortOrder: true } }),
        tx.goal.aggregate({ where: { ...siblings, term: i.term }, _max: { goalNo: true } }),
      ]);
      const row = await tx.goal.create({
        data: {
          departmentId: dept.id,
          projectId: i.projectId,
          year: i.year,
          tableNo,
          term: i.term,
          goalNo: i.projectId == null ? (lastNo._max.goalNo ?? 0) + 1 : null,
          text: i.text,
          sortOrder: (last._max.sortOrder ?? 0) + 1,
        },
      });
      return { data: { id: row.id }, audit: { action: "goal.create", entity: "Goal", entityId: String(row.id), before: null, after: row } };
    },
  });
}

export function updateGoal(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: goalUpdateInput,
    roles: rolesFor("tables.edit"),
    run: async (tx, me, i) => {
      const goal = await tx.goal.findFirst({ where: { id: i.goalId, ...departmentScope(me) } });
      if (!goal) return missing(GOAL);
      await tx.goal.update({ where: { id: goal.id }, data: { text: i.text } });
      return { data: { id: goal.id }, audit: { action: "goal.update", entity: "Goal", entityId: String(goal.id), before: { text: goal.text }, after: { text: i.text } } };
    },
  });
}

/** A new first-level project for a year, numbered 表12-N after the others. Budget figures come later. */
export function createProject(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: projectCreateInput,
    roles: rolesFor("tables.edit"),
    run: async (tx, me, i) => {
      const dept = await tx.department.findUnique({ where: { id: ownDepartment(me) } });
      if (!dept) return fail("not_found", "尚未载入部门", "No department loaded");
      const same = await tx.project.findFirst({ where: { departmentId: dept.id, year: i.year, code: i.code } });
      if (same) return fail("conflict", `${i.year}年已有编码为 ${i.code} 的项目`, `${i.year} already has a project coded ${i.code}`, { code: ["编码已存在 / Code in use"] });
      const others = await tx.project.findMany({ where: { departmentId: dept.id, year: i.year }, select: { tableNo: true, sortOrder: true } });
      const n = Math.max(0, ...others.map((p) => Number(/^12-(\d+)$/.exec(p.tableNo)?.[1] ?? 0))) + 1;
      const row = await tx.project.create({
        data: {
          departmentId: dept.id,
          year: i.year,
          code: i.code,
          name: i.name,
          tableNo: `12-${n}`,
          sortOrder: Math.max(0, ...others.map((p) => p.sortOrder)) + 1,
          executingUnitText: i.executingUnitText,
          detailJson: "{}",
          amountsJson: "{}",
        },
      });
      return { data: { id: row.id, tableNo: row.tableNo }, audit: { action: "project.create", entity: "Project", entityId: String(row.id), before: null, after: { year: row.year, code: row.code, name: row.name, tableNo: row.tableNo } } };
    },
  });
}

export function updateProject(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: projectUpdateInput,
    roles: rolesFor("tables.edit"),
    run: async (tx, me, i) => {
      const p = await tx.project.findFirst({ where: { id: i.projectId, ...departmentScope(me) } });
      if (!p) return missing(PROJECT);
      const data = { name: i.name, executingUnitText: i.executingUnitText };
      await tx.project.update({ where: { id: p.id }, data });
      return { data: { id: p.id }, audit: { action: "project.update", entity: "Project", entityId: String(p.id), before: { name: p.name, executingUnitText: p.executingUnitText }, after: data } };
    },
  });
}

// ——— order and retirement, for all three ———

const ENTITY_NAME: Record<TableEntity, "Indicator" | "Goal" | "Project"> = { indicator: "Indicator", goal: "Goal", project: "Project" };

type Sibling = { id: number; sortOrder: number; retiredAt: Date | null };

/** The rows a row is ordered among: an indicator within its goal, a goal within its table, a project within its year (all of the admin's department). */
async function siblingsOf(tx: Tx, me: CurrentUser, entity: TableEntity, id: number): Promise<Sibling[] | null> {
  const order = [{ sortOrder: "asc" as const }, { id: "asc" as const }];
  const select = { id: true, sortOrder: true, retiredAt: true };
  if (entity === "indicator") {
    const r = await tx.indicator.findFirst({ where: { id, ...indicatorScope(me) } });
    return r && tx.indicator.findMany({ where: { goalId: r.goalId }, orderBy: order, select });
  }
  if (entity === "goal") {
    const r = await tx.goal.findFirst({ where: { id, ...departmentScope(me) } });
    return r && tx.goal.findMany({ where: { departmentId: r.departmentId, year: r.year, projectId: r.projectId, tableNo: r.tableNo }, orderBy: order, select });
  }
  const r = await tx.project.findFirst({ where: { id, ...departmentScope(me) } });
  return r && tx.project.findMany({ where: { year: r.year, departmentId: r.departmentId }, orderBy: order, select });
}

async function setSortOrder(tx: Tx, entity: TableEntity, id: number, sortOrder: number) {
  if (entity === "indicator") await tx.indicator.update({ where: { id }, data: { sortOrder } });
  else if (entity === "goal") await tx.goal.update({ where: { id }, data: { sortOrder } });
  else await tx.project.update({ where: { id }, data: { sortOrder } });
}

/**
 * Moves a row one place up or down past the next row still in use (retired rows keep their place).
 * The siblings are renumbered from their smallest sortOrder, so the table's place among the others
 * (表11 numbers its rows across its goals) does not change.
 */
export function moveRow(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: moveInput,
    roles: rolesFor("tables.edit"),
    run: async (tx, me, i) => {
      const list = await siblingsOf(tx, me, i.entity, i.id);
      if (!list) return missing(i.entity === "indicator" ? INDICATOR : i.entity === "goal" ? GOAL : PROJECT);
      const at = list.findIndex((s) => s.id === i.id);
      const step = i.direction === "up" ? -1 : 1;
      let to = at + step;
      while (to >= 0 && to < list.length && list[to].retiredAt) to += step;
      const before = list.map((s) => s.id);
      if (to < 0 || to >= list.length) return { data: { moved: false }, audit: { action: `${i.entity}.move`, entity: ENTITY_NAME[i.entity], entityId: String(i.id), before, after: before } };
      const next = [...list];
      [next[at], next[to]] = [next[to], next[at]];
      const base = Math.min(...list.map((s) => s.sortOrder));
      for (const [n, s] of next.entries()) if (s.sortOrder !== base + n) await setSortOrder(tx, i.entity, s.id, base + n);
      return { data: { moved: true }, audit: { action: `${i.entity}.move`, entity: ENTITY_NAME[i.entity], entityId: String(i.id), before, after: next.map((s) => s.id) } };
    },
  });
}

/**
 * Retires a row (and, for a project or goal, the rows under it) or restores it. Reports, values
 * and offices are kept either way. A row cannot come back while the goal or project above it is
 * retired: it would show up in lists under a table nobody sees.
 */
export function setRetired(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    user,
    schema: retireInput,
    roles: rolesFor("tables.edit"),
    run: async (tx, me, i): Promise<{ data: RetireResult; audit: AuditRow }> => {
      const now = new Date();
      const audit = (before: unknown, after: unknown) => ({ action: `${i.entity}.${i.action}`, entity: ENTITY_NAME[i.entity], entityId: String(i.id), before, after });
      if (i.entity === "indicator") {
        const r = await tx.indicator.findFirst({ where: { id: i.id, ...indicatorScope(me) }, include: { goal: true } });
        if (!r) return missing(INDICATOR);
        if (i.action === "restore" && r.goal.retiredAt) return fail("invalid", "所属目标表已停用，请先恢复目标表", "Its goal is retired; restore the goal first");
        const retiredAt = i.action === "retire" ? (r.retiredAt ?? now) : null;
        await tx.indicator.update({ where: { id: r.id }, data: { retiredAt } });
        return { data: { id: r.id, retiredAt }, audit: audit({ retiredAt: r.retiredAt }, { retiredAt }) };
      }
      if (i.entity === "goal") {
        const g = await tx.goal.findFirst({ where: { id: i.id, ...departmentScope(me) }, include: { project: true } });
        if (!g) return missing(GOAL);
        if (i.action === "restore" && g.project?.retiredAt) return fail("invalid", "所属项目已停用，请先恢复项目", "Its project is retired; restore the project first");
        const rows = await cascade(tx, { goalIds: [g.id] }, g.retiredAt, i.action === "retire" ? (g.retiredAt ?? now) : null);
        await tx.goal.update({ where: { id: g.id }, data: { retiredAt: i.action === "retire" ? (g.retiredAt ?? now) : null } });
        return { data: { id: g.id, indicators: rows }, audit: audit({ retiredAt: g.retiredAt }, { retiredAt: i.action === "retire" ? (g.retiredAt ?? now) : null, indicators: rows }) };
      }
      const p = await tx.project.findFirst({ where: { id: i.id, ...departmentScope(me) }, include: { goals: { select: { id: true } } } });
      if (!p) return missing(PROJECT);
      const retiredAt = i.action === "retire" ? (p.retiredAt ?? now) : null;
      const goalIds = p.goals.map((g) => g.id);
      const rows = await cascade(tx, { goalIds }, p.retiredAt, retiredAt);
      const goals = await (retiredAt
        ? tx.goal.updateMany({ where: { id: { in: goalIds }, retiredAt: null }, data: { retiredAt } })
        : p.retiredAt
          ? tx.goal.updateMany({ where: { id: { in: goalIds }, retiredAt: p.retiredAt }, data: { retiredAt: null } })
          : { count: 0 });
      await tx.project.update({ where: { id: p.id }, data: { retiredAt } });
      return { data: { id: p.id, goals: goals.count, indicators: rows }, audit: audit({ retiredAt: p.retiredAt }, { retiredAt, goals: goals.count, indicators: rows }) };
    },
  });
}

type RetireResult = { id: number; retiredAt?: Date | null; goals?: number; indicators?: number };
type AuditRow = { action: string; entity: string; entityId: string; before: unknown; after: unknown };

/** Retires the rows under goals that are in use, or restores those retired together with their parent. */
async function cascade(tx: Tx, where: { goalIds: number[] }, parentWas: Date | null, retiredAt: Date | null): Promise<number> {
  if (retiredAt) return (await tx.indicator.updateMany({ where: { goalId: { in: where.goalIds }, retiredAt: null }, data: { retiredAt } })).count;
  if (!parentWas) return 0;
  return (await tx.indicator.updateMany({ where: { goalId: { in: where.goalIds }, retiredAt: parentWas }, data: { retiredAt: null } })).count;
}
