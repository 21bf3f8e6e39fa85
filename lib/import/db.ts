import "server-only";
import { createHash } from "node:crypto";
import { prisma, type Db } from "../db/prisma";
import type { Tx } from "../db/writer";
import { officeParts } from "../offices/client";
import { AppError, type ActionError, audited, type ActionResult } from "../actions";
import { newTarget, printedTargetChange } from "../indicator/client";
import { decodeProjectDetail } from "../project";
import { officeIndex } from "./offices";
import { planImport } from "./plan";
import { readImportFile } from "./read";
import { tablesWorkbook, type WorkbookInput } from "./workbook";
import type { ImportState, ImportSummary, Preview, PreviewResult, RowPlan, StateIndicator, StateTable } from "./types";

// The database side of the Excel import/export: reads a year's tables into an ImportState for the
// pure planner and writer, and writes a confirmed plan inside one transaction.
//
// Nothing here needs a session (no lib/auth at run time; mutation.ts loads it only for a session's user), so the command
// line can use it: next-auth does not load under the CLI's react-server condition. The page and
// the API go through lib/import/server.ts, which adds the signed-in admin.
//
// Everything works on one department's tables (the admin's): the state is read with the
// department in every `where`, so a plan can only match, and a write only touch, that
// department's rows, and office names resolve among its offices only.

type Client = Db | Tx;

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The years in which the department has tables, newest first. */
export async function importYears(departmentId: number, db: Client = prisma): Promise<number[]> {
  const goals = await db.goal.findMany({ where: { departmentId, term: "annual" }, distinct: ["year"], select: { year: true } });
  return goals.map((g) => g.year).sort((a, b) => b - a);
}

/** A department's annual tables of a year as the importer compares them (retired rows included, flagged). */
export async function loadState(db: Client, departmentId: number, year: number): Promise<WorkbookInput> {
  const [dept, projects, goals, indicators, orgs, aliases] = await Promise.all([
    db.department.findUnique({ where: { id: departmentId }, select: { name: true } }),
    db.project.findMany({ where: { departmentId, year }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], include: { subProjects: { select: { unitId: true }, orderBy: { sortOrder: "asc" } } } }),
    db.goal.findMany({ where: { departmentId, year, term: "annual" }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] }),
    db.indicator.findMany({ where: { year, term: "annual", goal: { departmentId } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], include: { values: true, orgs: { orderBy: { organizationId: "asc" } } } }),
    db.organization.findMany({ where: { departmentId }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true, shortName: true, kind: true } }),
    db.orgAlias.findMany({ where: { organization: { departmentId } }, orderBy: { id: "asc" }, select: { alias: true, organizationId: true } }),
  ]);
  const reports = indicators.length
    ? await db.report.groupBy({ by: ["indicatorId", "organizationId"], where: { indicatorId: { in: indicators.map((i) => i.id) } }, _count: { _all: true } })
    : [];
  const state: ImportState = { year, tables: [], indicators: [], orgs, aliases: aliases.map((a) => ({ alias: a.alias, orgId: a.organizationId })) };
  const ix = officeIndex(state);
  const deptOrg = orgs.find((o) => o.kind === "department");
  const goalsOf = (projectId: number | null) =>
    goals.filter((g) => g.projectId === projectId).map((g) => ({ id: g.id, goalNo: g.goalNo, text: g.text, sortOrder: g.sortOrder, retired: !!g.retiredAt }));
  const tables: StateTable[] = [{ tableNo: "11", projectCode: null, projectName: null, retired: false, goals: goalsOf(null), defaultOrgIds: deptOrg ? [deptOrg.id] : [] }];
  for (const p of projects) {
    // Only the department's own offices, whatever a project's stored detail says.
    const defaultOrgIds = executingOrgs(p, ix).filter((id) => orgs.some((o) => o.id === id));
    tables.push({ tableNo: p.tableNo, projectCode: p.code, projectName: p.name, retired: !!p.retiredAt, goals: goalsOf(p.id), defaultOrgIds });
  }
  const tableOfGoal = new Map(goals.map((g) => [g.id, g.tableNo]));
  state.tables = tables;
  state.indicators = indicators.map(
    (i): StateIndicator => ({
      id: i.id,
      tableNo: tableOfGoal.get(i.goalId) ?? i.tableNo,
      goalId: i.goalId,
      sortOrder: i.sortOrder,
      level1: i.level1,
      level2: i.level2,
      level3: i.level3,
      namePrinted: i.namePrinted,
      officeText: i.officeText,
      basis: i.basis,
      targetText: i.targetText,
      accumulation: i.accumulation,
      aggregation: i.aggregation,
      history: Object.fromEntries(i.values.filter((v) => v.year < year).map((v) => [v.year, v.printed])),
      orgs: i.orgs.map((o) => ({ orgId: o.organizationId, role: o.role === "support" ? "support" : "lead" })),
      reports: Object.fromEntries(reports.filter((r) => r.indicatorId === i.id).map((r) => [r.organizationId, r._count._all])),
      retired: !!i.retiredAt,
    }),
  );
  return { ...state, departmentName: dept?.name ?? "" };
}

/** A project's executing units: as the seed resolved them, else its 项目执行单位 text, else its second-level projects' units. */
function executingOrgs(p: { detailJson: string; executingUnitText: string | null; subProjects: { unitId: number | null }[] }, ix: ReturnType<typeof officeIndex>): number[] {
  const resolved = decodeProjectDetail(p.detailJson).executingOrgIds;
  if (resolved?.length) return resolved;
  const names = officeParts(p.executingUnitText ?? "");
  const ids = names.map((n) => ix.resolve(n));
  if (names.length && ids.every((x) => x)) return [...new Set(ids.flat() as number[])];
  return [...new Set(p.subProjects.map((s) => s.unitId).filter((x): x is number => x != null))];
}

export const hasTables = (s: ImportState) => s.tables.some((t) => t.goals.length > 0);

const noTables = (year: number): ActionError => ({
  code: "not_found",
  message: { zh: `${year}年还没有指标表（可在“指标表维护”中结转生成）`, en: `${year} has no tables yet (roll them over under Indicator tables)` },
});

/** The export (or, with template, the blank template) of a department's year, or null when it has no tables that year. */
export async function tablesFile(departmentId: number, year: number, opts: { template?: boolean } = {}): Promise<Buffer | null> {
  const state = await loadState(prisma, departmentId, year);
  if (!hasTables(state)) return null;
  return tablesWorkbook(state, opts);
}

export type ReadyFile = { year: number; fileName: string; bytes: Uint8Array };

/** Reads and checks a file against the department's tables of the year as they are now. Writes nothing. */
export async function previewFile(departmentId: number, f: ReadyFile, db: Client = prisma): Promise<PreviewResult> {
  const file = await readImportFile(f.bytes, f.fileName, f.year);
  const state = await loadState(db, departmentId, f.year);
  if (!hasTables(state)) throw new AppError(noTables(f.year));
  return { ...planImport(file, state), fileName: f.fileName, sha256: sha256(f.bytes) };
}

/**
 * Confirms an import: in one transaction (mutate's, lib/actions/mutation.ts `audited`), plans the
 * file again against the tables as they are, refuses when it has errors or when it differs from
 * the preview the admin saw (digest), writes every created and changed row with an audit row each,
 * and one audit row for the import. A refusal comes back as `{ error }` with nothing written.
 */
export async function writeImport(departmentId: number, f: ReadyFile & { digest?: string }, userId: number | null, via: "web" | "cli"): Promise<ActionResult<ImportSummary>> {
  const file = await readImportFile(f.bytes, f.fileName, f.year);
  const hash = sha256(f.bytes);
  const done = await audited(
    {
      userId,
      departmentId,
      ids: true,
      // A whole year's tables created from a file is a few hundred statements: more than the default 5 s on a busy PostgreSQL.
      timeout: 120_000,
      conflict: { code: "conflict", message: { zh: "指标表刚被他人修改，请重新预览", en: "Someone changed the tables just now; preview again" } },
    },
    async (tx) => {
      const state = await loadState(tx, departmentId, f.year);
      if (!hasTables(state)) throw new AppError(noTables(f.year));
      const plan = planImport(file, state);
      if (plan.counts.errors > 0)
        throw new AppError({
          code: "invalid",
          message: { zh: `文件有 ${plan.counts.errors} 个错误，没有导入任何内容。请改正后重新预览`, en: `The file has ${plan.counts.errors} error(s); nothing was imported. Correct them and preview again` },
        });
      if (f.digest && f.digest !== plan.digest)
        throw new AppError({
          code: "conflict",
          message: { zh: "预览之后指标表有了变动，没有导入任何内容。请重新预览后再确认", en: "The tables changed after the preview; nothing was imported. Preview again, then confirm" },
        });
      const written = await applyPlan(tx, departmentId, plan, state, userId);
      const summary = {
        year: f.year,
        fileName: f.fileName,
        sha256: hash,
        created: written.created.length,
        updated: written.updated.length,
        unchanged: plan.counts.unchanged,
        notInFile: plan.counts.notInFile,
        warnings: plan.counts.warnings,
      };
      const after = { ...summary, departmentId, format: plan.format, via, sheets: plan.sheets, createdIds: written.created, updatedIds: written.updated };
      return { data: summary, audit: { action: "tables.import", entity: "Year", entityId: String(f.year), before: undefined, after } };
    },
  );
  return "error" in done ? done : { data: { ...done.data, auditId: done.auditIds[0] } };
}

async function applyPlan(tx: Tx, departmentId: number, plan: Preview, state: ImportState, userId: number | null): Promise<{ created: number[]; updated: number[] }> {
  const created: number[] = [];
  const updated: number[] = [];
  const nextSort = new Map<number, number>();
  for (const i of state.indicators) nextSort.set(i.goalId, Math.max(nextSort.get(i.goalId) ?? 0, i.sortOrder));
  const ids = plan.rows.filter((r) => r.action === "update" && r.indicatorId != null).map((r) => r.indicatorId as number);
  const current = new Map((await tx.indicator.findMany({ where: { id: { in: ids }, goal: { departmentId } } })).map((i) => [i.id, i]));

  for (const r of plan.rows) {
    const a = r.apply;
    if (!a || (r.action !== "create" && r.action !== "update")) continue;
    if (r.action === "create") {
      const sortOrder = (nextSort.get(a.goalId) ?? 0) + 1;
      nextSort.set(a.goalId, sortOrder);
      const row = await tx.indicator.create({
        data: {
          goalId: a.goalId,
          year: plan.year,
          tableNo: a.tableNo,
          term: "annual",
          sortOrder,
          level1: a.level1,
          level2: a.level2,
          level3: a.level3,
          namePrinted: a.namePrinted,
          officeText: a.officeText,
          basis: a.basis,
          ...newTarget(a.targetText, a.level3),
          ...(a.accumulation && a.accumulation !== "auto" ? { accumulation: a.accumulation } : {}),
          aggregation: a.aggregation ?? "auto",
        },
      });
      const history = Object.entries(a.history).filter((e): e is [string, string] => e[1] != null);
      if (history.length) await tx.indicatorValue.createMany({ data: history.map(([y, printed]) => ({ indicatorId: row.id, year: Number(y), printed })) });
      if (a.offices?.length) await tx.indicatorOrg.createMany({ data: a.offices.map((o) => ({ indicatorId: row.id, organizationId: o.orgId, role: o.role })) });
      await tx.auditLog.create({ data: { userId, action: "indicator.import", entity: "Indicator", entityId: String(row.id), before: null, after: JSON.stringify(changeMap(r, "after")) } });
      created.push(row.id);
      continue;
    }
    const ind = current.get(r.indicatorId as number);
    if (!ind) throw new AppError({ code: "conflict", message: { zh: "预览之后有指标被删除，请重新预览", en: "An indicator disappeared after the preview; preview again" } });
    const changed = new Set(r.changes.map((c) => c.field));
    const after = (field: string) => r.changes.find((c) => c.field === field)?.after ?? "";
    const data: Record<string, unknown> = {};
    if (changed.has("level1")) data.level1 = a.level1;
    if (changed.has("level2")) data.level2 = a.level2;
    if (changed.has("basis")) data.basis = a.basis;
    const nameChanged = changed.has("namePrinted");
    if (nameChanged) Object.assign(data, { namePrinted: a.namePrinted, level3: a.level3, officeText: a.officeText });
    // The one rule for a changed printed target or name (lib/indicator), as the tables page applies it.
    Object.assign(data, printedTargetChange(ind, { targetText: changed.has("target") ? a.targetText : ind.targetText, level3: nameChanged ? a.level3 : ind.level3 }));
    if (changed.has("accumulation")) data.accumulation = after("accumulation") || null;
    if (changed.has("aggregation")) data.aggregation = after("aggregation") || "auto";
    if (Object.keys(data).length) await tx.indicator.update({ where: { id: ind.id }, data });
    for (const [y, printed] of Object.entries(a.history)) {
      const key = { indicatorId_year: { indicatorId: ind.id, year: Number(y) } };
      if (printed == null) await tx.indicatorValue.deleteMany({ where: { indicatorId: ind.id, year: Number(y) } });
      else await tx.indicatorValue.upsert({ where: key, create: { indicatorId: ind.id, year: Number(y), printed }, update: { printed } });
    }
    if (a.offices) {
      const keep = a.offices.map((o) => o.orgId);
      // Taking an office off a row keeps its reports (they belong to the office and the indicator).
      await tx.indicatorOrg.deleteMany({ where: { indicatorId: ind.id, organizationId: { notIn: keep } } });
      for (const o of a.offices)
        await tx.indicatorOrg.upsert({
          where: { indicatorId_organizationId: { indicatorId: ind.id, organizationId: o.orgId } },
          create: { indicatorId: ind.id, organizationId: o.orgId, role: o.role },
          update: { role: o.role },
        });
    }
    await tx.auditLog.create({ data: { userId, action: "indicator.import", entity: "Indicator", entityId: String(ind.id), before: JSON.stringify(changeMap(r, "before")), after: JSON.stringify(changeMap(r, "after")) } });
    updated.push(ind.id);
  }
  return { created, updated };
}

const changeMap = (r: RowPlan, side: "before" | "after") => Object.fromEntries(r.changes.map((c) => [c.field, c[side]]));

