import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { prisma, type Db } from "../db/prisma";
import type { Tx } from "../db/writer";
import { officeParts, splitOffice } from "../offices/client";
import { newTarget, printedTargetChange } from "../indicator/client";
import { parseTarget } from "../targets";
import { fold, officeIndex, sha256 } from "../import";
import { AppError, audited, type ActionResult } from "../actions";
import { buildCatalogue, type Catalogue, type IndicatorSeed } from "../../prisma/seed/catalogue";
import { DATA_DIR, organizationsSchema, wanToYuan, type Document } from "../../prisma/seed/document";
import type { Extraction } from "./types";

// Onboarding a department from its published budget (issue 12): the extraction of the document
// (lib/onboard/extract.ts) against what the database holds for the department and year, as a
// plan an admin reviews — department, units and offices, 表10 projects and second-level
// projects, 表11 and 表12-N goal tables with every row, each new / changed / unchanged, and every
// problem by page and line — and the write of that plan in one transaction.
//
// The rows come out of the seed's catalogue builder (prisma/seed/catalogue.ts), so a document
// onboarded into an empty database is stored exactly as the seed stores it; the write creates
// what is missing in the seed's order and updates what differs, as the Excel import does
// (lib/import: preview with a digest, confirm re-plans inside the transaction and refuses when the
// plan changed, an audit row per created or changed indicator and one for the whole import).
// Rows of the year that the document no longer has are listed and left alone, never deleted.

type Client = Db | Tx;
type Bilingual = { zh: string; en: string };
type Organizations = Document["organizations"];

export type Action = "create" | "update" | "unchanged";
export type OnboardProblem = {
  severity: "error" | "warning";
  code: string;
  table: string | null;
  page: number | null;
  line: number | null;
  text?: string;
  message: Bilingual;
};
export type RowChange = { field: string; before: string; after: string };
export type PlannedRow = {
  index: number;
  level1: string;
  level2: string;
  namePrinted: string;
  /** Annual: 前年, 上年, 当年 as printed; long-term: the one value. */
  values: (string | null)[];
  basis: string | null;
  offices: string[];
  action: Action;
  changes: RowChange[];
  /** The source lines the row was read from (1-based, inclusive), and their page. */
  source: { from: number; to: number; page: number | null; lines: string[] } | null;
};
export type PlannedTable = {
  key: string;
  tableNo: string;
  term: "annual" | "long_term";
  goalNo: number | null;
  goal: string;
  projectCode: string | null;
  projectName: string | null;
  action: Action;
  rows: PlannedRow[];
};
export type Counts = Record<Action, number>;
export type OnboardPreview = {
  year: number;
  department: { code: string; name: string; action: "create" | "unchanged" };
  offices: { name: string; shortName: string | null; kind: string; action: "create" | "unchanged" }[];
  projects: { code: string; name: string; tableNo: string; action: Action; subProjects: { code: string; name: string; unit: string; action: Action }[] }[];
  tables: PlannedTable[];
  counts: { offices: Counts; projects: Counts; subProjects: Counts; tables: Counts; indicators: Counts; notInDocument: number };
  notInDocument: { id: number; tableNo: string; name: string }[];
  problems: OnboardProblem[];
  canConfirm: boolean;
  digest: string;
};
export type OnboardSummary = { year: number; departmentId: number; departmentCode: string; created: number; updated: number; unchanged: number; writes: number; auditId: number | null };

/** The biggest document read (a department's whole budget as text or PDF is a few MB at most). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

// ——— the office registry ———

/** Names in the document that look like an office: used for brackets of departments the seed does not know. */
const OFFICE_LIKE = /(处|科|室|中心|局|院|站|所|队|办|委|部|馆|会|组|团|校|园|厅|台|社)$/;

/** The seed's office knowledge of department 503 (aliases such as 各社保处, 财务处 = 财务管理处, short names). */
function seedOrganizations(): Organizations {
  return organizationsSchema.parse(JSON.parse(readFileSync(path.join(DATA_DIR, "organizations.json"), "utf8")));
}

/** Trailing office brackets of every indicator row, split into names (`（财务处、基金监督处）` → two). */
function bracketNames(doc: Extraction["document"]): string[] {
  const names = new Set<string>();
  const groups: { rows: { name: string }[] }[] = [...doc.table11.long_term, ...doc.table11.annual, ...doc.tables12.flatMap((t) => [t.long_term, t.annual])];
  const rows = groups.flatMap((g) => g.rows);
  for (const r of rows) {
    const text = splitOffice(r.name, () => true).officeText;
    if (text) for (const n of officeParts(text)) names.add(n);
  }
  return [...names];
}

/**
 * The organisations of the department: department 503 has the seed's registry; any other
 * department's come from its document — its budget units, a bracket name that is the end of
 * exactly one unit's name as that unit's short name, any other bracket that reads like an office
 * (…处, …中心) as an internal division — plus the offices and aliases the database already holds.
 */
export function registryFor(code: string, doc: Extraction["document"], existing: ExistingOrgs): Organizations {
  if (code === "503") return seedOrganizations();
  const units = doc.units;
  const unitShortNames: Record<string, string> = {};
  const aliases: Organizations["aliases"] = [];
  const divisions = existing.orgs.filter((o) => o.kind === "division").map((o) => o.name);
  const known = new Set([...units.map((u) => u.name), ...existing.orgs.map((o) => o.name), ...existing.orgs.flatMap((o) => (o.shortName ? [o.shortName] : [])), ...existing.aliases.map((a) => a.alias)]);
  for (const b of bracketNames(doc)) {
    if (known.has(b)) continue;
    const hits = units.filter((u) => u.name.endsWith(b));
    if (hits.length === 1) {
      if (unitShortNames[hits[0].code]) aliases.push({ alias: b, to: [hits[0].code] });
      else unitShortNames[hits[0].code] = b;
    } else if (hits.length === 0 && OFFICE_LIKE.test(b) && b.length >= 2) divisions.push(b);
  }
  const byId = new Map(existing.orgs.map((o) => [o.id, o]));
  for (const a of existing.aliases) {
    const o = byId.get(a.organizationId);
    if (o && (o.kind === "division" || (o.code && units.some((u) => u.code === o.code)))) aliases.push({ alias: a.alias, to: [o.code ?? o.name] });
  }
  return { department: { code, name: doc.table11.department.name, shortName: "" }, divisions: [...new Set(divisions)], unitShortNames, aliases };
}

// ——— what the database holds ———

type ExistingOrgs = { orgs: { id: number; code: string | null; name: string; shortName: string | null; kind: string }[]; aliases: { alias: string; organizationId: number }[] };

export type OnboardState = Awaited<ReturnType<typeof loadOnboardState>>;

/** The department (by code) and its tables of the year, as the plan compares them. */
export async function loadOnboardState(db: Client, code: string, year: number) {
  const dept = await db.department.findUnique({ where: { code }, select: { id: true, code: true, name: true } });
  const yearRow = await db.year.findUnique({ where: { year } });
  if (!dept) return { dept: null, yearExists: !!yearRow, profile: null, orgs: [], aliases: [], projects: [], goals: [], indicators: [], takenCodes: await takenUnitCodes(db, null) };
  const departmentId = dept.id;
  const [profile, orgs, aliases, projects, goals, indicators] = await Promise.all([
    db.departmentProfile.findUnique({ where: { departmentId_year: { departmentId, year } } }),
    db.organization.findMany({ where: { departmentId }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, code: true, name: true, shortName: true, kind: true } }),
    db.orgAlias.findMany({ where: { organization: { departmentId } }, select: { alias: true, organizationId: true } }),
    db.project.findMany({ where: { departmentId, year }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], include: { subProjects: { orderBy: { sortOrder: "asc" } } } }),
    db.goal.findMany({ where: { departmentId, year }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] }),
    db.indicator.findMany({ where: { year, goal: { departmentId } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], include: { values: true, orgs: { orderBy: { organizationId: "asc" } } } }),
  ]);
  return { dept, yearExists: !!yearRow, profile, orgs, aliases, projects, goals, indicators, takenCodes: await takenUnitCodes(db, departmentId) };
}

/** Organisation codes held by other departments (codes are unique across the installation). */
async function takenUnitCodes(db: Client, departmentId: number | null): Promise<string[]> {
  const rows = await db.organization.findMany({ where: { code: { not: null }, ...(departmentId == null ? {} : { departmentId: { not: departmentId } }) }, select: { code: true } });
  return rows.map((r) => r.code as string);
}

// ——— the plan ———

export type OnboardInput = { extraction: Extraction; text: string; code: string; year: number };

/** Everything the write needs besides the preview: the catalogue and how its records match the database. */
type Plan = { preview: OnboardPreview; cat: Catalogue | null; doc: Document | null; match: Match };
type Match = {
  org: Map<number, number>; // provisional id → existing id
  project: Map<string, number>;
  subProject: Map<string, number>; // `${projectCode}/${code}`
  goal: Map<string, number>;
  indicator: Map<IndicatorSeed, number>;
  row: Map<IndicatorSeed, PlannedRow>;
};

const safeYuan = (printed: string | null | undefined): number | null => {
  try {
    return wanToYuan(printed);
  } catch {
    return null;
  }
};

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);

function projectData(p: Catalogue["projects"][number], idOf: (provisional: number) => number) {
  const { fund_sources, total_budget, current_budget, budget_history, ...header } = p.table12.project;
  return {
    code: p.code,
    name: p.name,
    tableNo: p.tableNo,
    sortOrder: p.sortOrder,
    category: str(header.category),
    attribute: str(header.attribute),
    executingUnitText: p.table12.project.executing_unit,
    lead: str(header.lead),
    startYear: str(header.start_year),
    endYear: str(header.end_year),
    reason: str(header.reason),
    content: str(header.content),
    totalBudget: total_budget,
    currentBudget: current_budget,
    currentBudgetYuan: p.currentBudgetYuan,
    budgetHistory: budget_history ?? null,
    detailJson: JSON.stringify({ ...header, fund_sources, executingOrgIds: p.executingOrgIds.map(idOf) }),
    amountsJson: JSON.stringify(p.table10.amounts),
  };
}

function subProjectData(c: Catalogue["projects"][number]["table10"]["children"][number], i: number, unitId: number | null) {
  return { code: c.code, name: c.name, unitText: c.unit, unitId, sortOrder: i + 1, totalYuan: wanToYuan(c.amounts.total) ?? 0, amountsJson: JSON.stringify(c.amounts) };
}

function profileData(doc: Document) {
  const d = doc.table11.department;
  return { filler: d.filler ?? null, phone: d.phone ?? null, overview: d.overview ?? null, tasks: d.tasks ?? null, detailJson: JSON.stringify({ funds: d.funds, projects: d.projects }) };
}

/**
 * The fields of `want` that `have` holds otherwise. A JSON column (…Json) is compared by what it
 * holds, not by its text: the seed and the onboarding write the same project header with its keys
 * in another order, and that is no change.
 */
const differs = <T extends Record<string, unknown>>(want: T, have: Record<string, unknown>) =>
  (Object.keys(want) as (keyof T & string)[]).filter((k) => (k.endsWith("Json") ? canonicalJson(want[k]) !== canonicalJson(have[k]) : (want[k] ?? null) !== (have[k] ?? null)));

/** A JSON text with every object's keys sorted (the text itself when it is not JSON). */
function canonicalJson(v: unknown): unknown {
  if (typeof v !== "string") return v ?? null;
  const sorted = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(sorted) : x && typeof x === "object" ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sorted((x as Record<string, unknown>)[k])])) : x;
  try {
    return JSON.stringify(sorted(JSON.parse(v)));
  } catch {
    return v;
  }
}

/** Where a line is: pdftotext separates pages with form feeds. */
function pager(text: string) {
  const lines = text.split("\n");
  const pageOf: number[] = [];
  let page = 1;
  const paged = text.includes("\f");
  for (const l of lines) {
    pageOf.push(page);
    page += (l.match(/\f/g) ?? []).length;
  }
  return { lines, page: (line: number) => (paged ? (pageOf[line - 1] ?? null) : null) };
}

export function planOnboarding(input: OnboardInput, state: OnboardState): Plan {
  const { extraction: ex, code, year } = input;
  const problems: OnboardProblem[] = [];
  const { lines, page } = pager(input.text);
  const error = (c: string, table: string | null, line: number | null, zh: string, en: string) => problems.push({ severity: "error", code: c, table, page: line ? page(line) : null, line, message: { zh, en } });
  const warn = (c: string, table: string | null, line: number | null, zh: string, en: string) => problems.push({ severity: "warning", code: c, table, page: line ? page(line) : null, line, message: { zh, en } });

  for (const p of ex.problems) problems.push({ severity: "error", code: p.code, table: p.table, page: p.page, line: p.line, text: p.text, message: p.message });
  if (ex.year !== year) error("wrong_year", null, null, `文档是${ex.year}年的预算，不是${year}年的（请核对 --year 或所选年度）`, `The document is the ${ex.year} budget, not ${year} (check --year or the year chosen)`);

  const d = ex.document;
  const rowCount = [...d.table11.long_term, ...d.table11.annual].reduce((n, g) => n + g.rows.length, 0) + d.tables12.reduce((n, t) => n + t.long_term.rows.length + t.annual.rows.length, 0);
  if (rowCount === 0 && !ex.problems.some((p) => p.code === "no_tables"))
    error("no_tables", null, null, "文档中没有找到绩效目标表（表11 部门整体支出绩效目标表、表12 项目支出绩效目标表），没有可导入的指标", "The document has no performance-target tables (表11, 表12-N): there are no indicators to import");
  if (rowCount !== ex.rows.length)
    error("row_count", null, null, `读出的指标行数（${rowCount}）与定位到原文的行数（${ex.rows.length}）不一致，文档可能不完整`, `The rows read (${rowCount}) and the rows located in the text (${ex.rows.length}) differ: the document may be incomplete`);
  const t10 = new Set(d.table10.projects.map((p) => p.name));
  for (const t of d.tables12)
    if (!t10.has(t.project.name)) error("unknown_project", t.table, null, `表${t.table}“${t.project.name}”在表10项目支出表中没有同名项目`, `表${t.table} “${t.project.name}” has no project of that name in 表10`);
  const t12 = new Set(d.tables12.map((t) => t.project.name));
  for (const p of d.table10.projects)
    if (!t12.has(p.name)) error("missing_table", "10", null, `表10列出的项目“${p.name}”没有对应的表12项目绩效目标表：文件可能被截断`, `表10 lists “${p.name}” but no 表12 holds its targets: the file may be truncated`);
  // 表10 prints each project's total and its second-level projects' amounts: a row lost in reading shows as a difference.
  for (const p of d.table10.projects) {
    const total = safeYuan(p.amounts.total);
    const sum = p.children.reduce((n, c) => n + (safeYuan(c.amounts.total) ?? 0), 0);
    if (total != null && p.children.length > 0 && total !== sum)
      error(
        "row_count",
        "10",
        null,
        `表10项目“${p.name}”合计 ${p.amounts.total} 万元，但读出的 ${p.children.length} 个二级项目合计 ${(sum / 10000).toFixed(2)} 万元：有二级项目行未读出或金额有误`,
        `表10 project “${p.name}” totals ${p.amounts.total} (10k yuan) but the ${p.children.length} second-level projects read add up to ${(sum / 10000).toFixed(2)}: a second-level row was not read, or an amount is wrong`,
      );
  }
  const takenCodes = new Set(state.takenCodes);
  for (const u of d.units) if (takenCodes.has(u.code)) error("unit_taken", null, null, `单位编码 ${u.code}（${u.name}）已属于另一个部门`, `Unit code ${u.code} (${u.name}) belongs to another department`);

  const emptyCounts = (): Counts => ({ create: 0, update: 0, unchanged: 0 });
  const preview: OnboardPreview = {
    year,
    department: { code, name: state.dept?.name ?? d.table11.department.name, action: state.dept ? "unchanged" : "create" },
    offices: [],
    projects: [],
    tables: [],
    counts: { offices: emptyCounts(), projects: emptyCounts(), subProjects: emptyCounts(), tables: emptyCounts(), indicators: emptyCounts(), notInDocument: 0 },
    notInDocument: [],
    problems,
    canConfirm: false,
    digest: "",
  };
  const match: Match = { org: new Map(), project: new Map(), subProject: new Map(), goal: new Map(), indicator: new Map(), row: new Map() };
  // A document that cannot be imported is still shown as read, so the admin sees what went wrong where.
  if (problems.some((p) => p.severity === "error")) return finish({ preview: { ...preview, tables: asRead(ex, lines, page) }, cat: null, doc: null, match });

  const doc: Document = { ...d, year, organizations: registryFor(code, d, state) };
  let cat: Catalogue;
  try {
    cat = buildCatalogue(doc);
  } catch (e) {
    error("unreadable", null, null, `无法整理文档中的表：${(e as Error).message}`, `The document's tables could not be put together: ${(e as Error).message}`);
    return finish({ preview: { ...preview, tables: asRead(ex, lines, page) }, cat: null, doc: null, match });
  }

  // Offices: the department's own office by kind, units by code, the rest by name.
  const orgsByName = new Map(state.orgs.map((o) => [o.name, o]));
  const deptOrg = state.orgs.find((o) => o.kind === "department");
  for (const o of cat.orgs) {
    const hit = o.kind === "department" ? deptOrg : ((o.code ? state.orgs.find((x) => x.code === o.code) : undefined) ?? orgsByName.get(o.name));
    if (hit) match.org.set(o.id, hit.id);
    preview.offices.push({ name: o.name, shortName: o.shortName, kind: o.kind, action: hit ? "unchanged" : "create" });
  }
  const nameOfOrg = new Map(cat.orgs.map((o) => [o.id, o.name]));
  const shortOfOrg = new Map(cat.orgs.map((o) => [o.id, o.shortName || o.name]));
  const idOf = (provisional: number) => match.org.get(provisional) ?? -provisional;

  // Unknown office brackets: the row falls back to its project's executing units.
  const ix = officeIndex({ orgs: cat.orgs.map((o) => ({ id: o.id, name: o.name, shortName: o.shortName, kind: o.kind })), aliases: cat.aliases });
  const source = sourceIndex(ex, cat);
  for (const ind of cat.indicators) {
    const src = source.get(ind);
    const bracket = ind.unknownBracket ? officeParts(ind.unknownBracket).filter((n) => !ix.isOffice(n)) : [];
    if (bracket.length && OFFICE_LIKE.test(bracket[0])) {
      const s = bracket.flatMap((n) => ix.suggest(n));
      warn(
        "unknown_office",
        ind.tableNo,
        src?.from ?? null,
        `“${ind.namePrinted}”括号中的“${bracket.join("、")}”不是已知单位${s.length ? `，是不是“${s.join("”“")}”？` : ""}；该行暂由${ind.orgIds.map((i) => nameOfOrg.get(i)).join("、") || "（无）"}负责，可在“单位与别名”中添加别名后重新导入`,
        `“${bracket.join(", ")}” in the bracket of “${ind.namePrinted}” is not a known office${s.length ? ` (did you mean “${s.join("”, “")}”?)` : ""}; the row goes to ${ind.orgIds.map((i) => nameOfOrg.get(i)).join(", ") || "(nobody)"} until an alias is added under Offices and the document imported again`,
      );
    }
    if (parseTarget(ind.targetText, ind.level3).kind === "unparsed")
      warn("unparsed_target", ind.tableNo, src?.from ?? null, `无法识别指标值“${ind.targetText}”（${ind.level3}）：导入后请在指标页确认解析`, `The target “${ind.targetText}” (${ind.level3}) cannot be read: confirm its parse on the indicator page after importing`);
  }

  // Projects and second-level projects, by code.
  for (const p of cat.projects) {
    const have = state.projects.find((x) => x.code === p.code);
    if (have) match.project.set(p.code, have.id);
    const want = projectData(p, idOf);
    const action: Action = !have ? "create" : differs(want, have).length ? "update" : "unchanged";
    const subs = p.table10.children.map((c, i) => {
      const hs = have?.subProjects.find((s) => s.code === c.code);
      if (hs) match.subProject.set(`${p.code}/${c.code}`, hs.id);
      const unit = cat.orgs.find((o) => o.name === c.unit);
      const a: Action = !hs ? "create" : differs(subProjectData(c, i, unit ? idOf(unit.id) : null), hs).length ? "update" : "unchanged";
      preview.counts.subProjects[a]++;
      return { code: c.code, name: c.name, unit: c.unit, action: a };
    });
    preview.counts.projects[action]++;
    preview.projects.push({ code: p.code, name: p.name, tableNo: p.tableNo, action, subProjects: subs });
  }

  // Goal tables and their rows: a goal by table, term and number; a row by its printed name within the goal.
  const claimed = new Set<number>();
  for (const [gi, g] of cat.goals.entries()) {
    const have = state.goals.find((x) => x.tableNo === g.tableNo && x.term === g.term && (x.goalNo ?? null) === g.goalNo);
    if (have) match.goal.set(g.key, have.id);
    const project = g.projectCode ? cat.projects.find((p) => p.code === g.projectCode) : undefined;
    const rows = cat.indicators.filter((i) => i.goalKey === g.key);
    const planned: PlannedRow[] = rows.map((ind, ri) => {
      const cand = have ? state.indicators.find((x) => x.goalId === have.id && !claimed.has(x.id) && fold(x.namePrinted) === fold(ind.namePrinted)) : undefined;
      if (cand) {
        claimed.add(cand.id);
        match.indicator.set(ind, cand.id);
      }
      const offices = ind.orgIds.map((o) => nameOfOrg.get(o) ?? "");
      const changes = cand ? indicatorChanges(ind, cand, offices, state.orgs, year) : [];
      const action: Action = !cand ? "create" : changes.length ? "update" : "unchanged";
      preview.counts.indicators[action]++;
      const src = source.get(ind);
      const row: PlannedRow = {
        index: ri + 1,
        level1: ind.level1,
        level2: ind.level2,
        namePrinted: ind.namePrinted,
        values: ind.term === "annual" ? [...[year - 2, year - 1].map((y) => ind.history.find((h) => h.year === y)?.printed ?? null), ind.targetText] : [ind.targetText],
        basis: ind.basis,
        offices: ind.orgIds.map((o) => shortOfOrg.get(o) ?? ""),
        action,
        changes,
        source: src ? { from: src.from, to: src.to, page: page(src.from), lines: lines.slice(src.from - 1, src.to).map((l) => l.replace(/\f/g, "")) } : null,
      };
      match.row.set(ind, row);
      return row;
    });
    const goalAction: Action = !have ? "create" : have.text !== g.text || have.sortOrder !== gi + 1 ? "update" : "unchanged";
    const action: Action = goalAction === "unchanged" && planned.some((r) => r.action !== "unchanged") ? "update" : goalAction;
    preview.counts.tables[action]++;
    preview.tables.push({ key: g.key, tableNo: g.tableNo, term: g.term, goalNo: g.goalNo, goal: g.text, projectCode: g.projectCode, projectName: project?.name ?? null, action, rows: planned });
  }
  for (const o of preview.offices) preview.counts.offices[o.action]++;
  preview.notInDocument = state.indicators.filter((i) => !claimed.has(i.id) && !i.retiredAt).map((i) => ({ id: i.id, tableNo: i.tableNo, name: i.namePrinted }));
  preview.counts.notInDocument = preview.notInDocument.length;
  return finish({ preview, cat, doc, match });
}

function finish(plan: Plan): Plan {
  const p = plan.preview;
  const order = (x: OnboardProblem) => (x.severity === "error" ? 0 : 1);
  p.problems.sort((a, b) => order(a) - order(b) || (a.line ?? 0) - (b.line ?? 0));
  p.canConfirm = !p.problems.some((x) => x.severity === "error") && plan.cat != null;
  // What confirming writes: the same document against the same tables gives the same digest.
  const writes = p.tables.flatMap((t) => [t.key, t.action, ...t.rows.filter((r) => r.action !== "unchanged").map((r) => [r.index, r.action, r.changes, r.values, r.offices])]);
  p.digest = sha256(new TextEncoder().encode(JSON.stringify([p.year, p.department, p.offices, p.projects, writes])));
  return plan;
}

type StateIndicator = OnboardState["indicators"][number];

function indicatorChanges(ind: IndicatorSeed, have: StateIndicator, offices: string[], orgs: OnboardState["orgs"], year: number): RowChange[] {
  const out: RowChange[] = [];
  const diff = (field: string, before: string | null, after: string | null) => {
    if ((before ?? "") !== (after ?? "")) out.push({ field, before: before ?? "", after: after ?? "" });
  };
  diff("level1", have.level1, ind.level1);
  diff("level2", have.level2, ind.level2);
  diff("namePrinted", have.namePrinted, ind.namePrinted);
  if (ind.term === "annual")
    for (const [field, y] of [["y2", year - 2], ["y1", year - 1]] as const)
      diff(field, have.values.find((v) => v.year === y)?.printed ?? null, ind.history.find((h) => h.year === y)?.printed ?? null);
  diff("target", have.targetText, ind.targetText);
  diff("basis", have.basis, ind.basis);
  const name = new Map(orgs.map((o) => [o.id, o.name]));
  diff("offices", have.orgs.map((o) => name.get(o.organizationId) ?? "").sort().join("、"), [...offices].sort().join("、"));
  if (have.sortOrder !== ind.sortOrder) diff("order", String(have.sortOrder), String(ind.sortOrder));
  return out;
}

/** The goal tables as the extractor read them, every row new, for a document that cannot be imported. */
function asRead(ex: Extraction, lines: string[], page: (line: number) => number | null): PlannedTable[] {
  const d = ex.document;
  const src = new Map<string, { from: number; to: number }[]>();
  for (const r of ex.rows) {
    const key = r.table === "11" ? `11/${r.term}/${r.goalNo}` : `${r.table}/${r.term}`;
    src.set(key, [...(src.get(key) ?? []), { from: r.from, to: r.to }]);
  }
  const table = (key: string, tableNo: string, term: "annual" | "long_term", goalNo: number | null, goal: string, projectName: string | null, rows: (Document["table11"]["annual"][number]["rows"][number] | Document["table11"]["long_term"][number]["rows"][number])[]): PlannedTable => ({
    key,
    tableNo,
    term,
    goalNo,
    goal,
    projectCode: null,
    projectName,
    action: "create",
    rows: rows.map((r, i) => {
      const s = src.get(key)?.[i];
      const values = "values" in r ? [ex.year - 2, ex.year - 1, ex.year].map((y) => (r.values as Record<string, string | null | undefined>)[String(y)] ?? null) : [r.value];
      return { index: i + 1, level1: r.level1, level2: r.level2, namePrinted: r.name, values, basis: r.basis, offices: [], action: "create", changes: [], source: s ? { ...s, page: page(s.from), lines: lines.slice(s.from - 1, s.to).map((l) => l.replace(/\f/g, "")) } : null };
    }),
  });
  const out: PlannedTable[] = [];
  for (const term of ["long_term", "annual"] as const) for (const g of d.table11[term]) out.push(table(`11/${term}/${g.goal_no}`, "11", term, g.goal_no, g.goal, null, g.rows));
  for (const t of d.tables12) for (const term of ["long_term", "annual"] as const) out.push(table(`${t.table}/${term}`, t.table, term, null, t[term].goal ?? "", t.project.name || null, t[term].rows));
  return out;
}

/** Each catalogue row's source lines: the extraction's rows of a goal table, in order, against the table's rows. */
function sourceIndex(ex: Extraction, cat: Catalogue): Map<IndicatorSeed, { from: number; to: number }> {
  const byGoal = new Map<string, { from: number; to: number }[]>();
  for (const r of ex.rows) {
    const key = r.table === "11" ? `11/${r.term}/${r.goalNo}` : `${r.table}/${r.term}`;
    byGoal.set(key, [...(byGoal.get(key) ?? []), { from: r.from, to: r.to }]);
  }
  const out = new Map<IndicatorSeed, { from: number; to: number }>();
  for (const g of cat.goals) {
    const src = byGoal.get(g.key) ?? [];
    cat.indicators.filter((i) => i.goalKey === g.key).forEach((ind, n) => {
      if (src[n]) out.set(ind, src[n]);
    });
  }
  return out;
}

// ——— the write ———

const refusal = (p: OnboardPreview): AppError => {
  const errors = p.problems.filter((x) => x.severity === "error");
  const first = errors[0]?.message ?? { zh: "文档无法导入", en: "The document cannot be imported" };
  return new AppError({
    code: "invalid",
    message: { zh: `没有导入任何内容：${first.zh}${errors.length > 1 ? `（另有${errors.length - 1}个问题）` : ""}`, en: `Nothing was imported: ${first.en}${errors.length > 1 ? ` (and ${errors.length - 1} more problem(s))` : ""}` },
  });
};

export const hasWrites = (p: OnboardPreview) =>
  p.department.action === "create" || [p.counts.offices, p.counts.projects, p.counts.subProjects, p.counts.tables, p.counts.indicators].some((c) => c.create + c.update > 0);

/**
 * Inside the caller's transaction: plans the document again against the tables as they are now,
 * refuses when it has errors or differs from the preview the admin saw (digest), and writes what
 * is missing or different — in the seed's order, so an empty database gets the seed's rows and
 * ids — with an audit row per created or changed indicator. Returns the summary and the audit
 * row the caller writes for the whole import.
 */
export async function applyOnboarding(tx: Tx, input: OnboardInput, userId: number | null, digest?: string) {
  const state = await loadOnboardState(tx, input.code, input.year);
  const plan = planOnboarding(input, state);
  const { preview, cat, doc, match } = plan;
  if (!preview.canConfirm || !cat || !doc) throw refusal(preview);
  if (digest && digest !== preview.digest)
    throw new AppError({ code: "conflict", message: { zh: "预览之后指标表有了变动，没有导入任何内容。请重新预览后再确认", en: "The tables changed after the preview; nothing was imported. Preview again, then confirm" } });
  const { year } = input;
  let writes = 0;
  const w = <T>(p: Promise<T>) => {
    writes++;
    return p;
  };

  if (!state.yearExists) await w(tx.year.create({ data: { year, status: "open" } }));
  const departmentId = state.dept?.id ?? (await w(tx.department.create({ data: { code: input.code, name: doc.organizations.department.name } }))).id;
  const profile = profileData(doc);
  if (!state.profile) await w(tx.departmentProfile.create({ data: { departmentId, year, ...profile } }));
  else if (differs(profile, state.profile).length) await w(tx.departmentProfile.update({ where: { id: state.profile.id }, data: profile }));

  const idOf = (provisional: number) => {
    const id = match.org.get(provisional);
    if (id == null) throw new Error(`organisation ${provisional} was not created`);
    return id;
  };
  for (const [i, o] of cat.orgs.entries()) {
    if (match.org.has(o.id)) continue;
    const row = await w(
      tx.organization.create({ data: { departmentId, code: o.code, name: o.name, shortName: o.shortName || null, kind: o.kind, parentId: o.parentId == null ? null : idOf(o.parentId), sortOrder: i } }),
    );
    match.org.set(o.id, row.id);
  }
  const haveAlias = new Set(state.aliases.map((a) => `${a.alias}\u0000${a.organizationId}`));
  const aliases = cat.aliases.map((a) => ({ alias: a.alias, organizationId: idOf(a.orgId) })).filter((a) => !haveAlias.has(`${a.alias}\u0000${a.organizationId}`));
  if (aliases.length) await w(tx.orgAlias.createMany({ data: aliases }));
  const orgByName = new Map(cat.orgs.map((o) => [o.name, o.id]));

  for (const p of cat.projects) {
    const data = projectData(p, idOf);
    const have = state.projects.find((x) => x.code === p.code);
    let projectId = have?.id;
    if (!have) projectId = (await w(tx.project.create({ data: { departmentId, year, ...data } }))).id;
    else {
      const changed = differs(data, have);
      if (changed.length) await w(tx.project.update({ where: { id: have.id }, data: Object.fromEntries(changed.map((k) => [k, data[k]])) }));
    }
    match.project.set(p.code, projectId as number);
    for (const [i, c] of p.table10.children.entries()) {
      const unit = orgByName.get(c.unit);
      const sub = subProjectData(c, i, unit == null ? null : idOf(unit));
      const hs = have?.subProjects.find((s) => s.code === c.code);
      if (!hs) await w(tx.subProject.create({ data: { projectId: projectId as number, ...sub } }));
      else if (differs(sub, hs).length) await w(tx.subProject.update({ where: { id: hs.id }, data: sub }));
    }
  }

  for (const [i, g] of cat.goals.entries()) {
    const data = { text: g.text, sortOrder: i + 1 };
    const have = state.goals.find((x) => x.id === match.goal.get(g.key));
    if (!have) {
      const row = await w(
        tx.goal.create({ data: { departmentId, projectId: g.projectCode ? match.project.get(g.projectCode) : null, year, tableNo: g.tableNo, term: g.term, goalNo: g.goalNo, ...data } }),
      );
      match.goal.set(g.key, row.id);
    } else if (differs(data, have).length) await w(tx.goal.update({ where: { id: have.id }, data }));
  }

  const created: number[] = [];
  const updated: number[] = [];
  for (const ind of cat.indicators) {
    const planned = match.row.get(ind);
    const existingId = match.indicator.get(ind);
    if (existingId == null) {
      const row = await w(
        tx.indicator.create({
          data: {
            goalId: match.goal.get(ind.goalKey) as number,
            year,
            tableNo: ind.tableNo,
            term: ind.term,
            sortOrder: ind.sortOrder,
            level1: ind.level1,
            level2: ind.level2,
            level3: ind.level3,
            namePrinted: ind.namePrinted,
            officeText: ind.officeText,
            basis: ind.basis,
            ...newTarget(ind.targetText, ind.level3),
          },
        }),
      );
      if (ind.history.length) await w(tx.indicatorValue.createMany({ data: ind.history.map((h) => ({ indicatorId: row.id, ...h })) }));
      if (ind.orgIds.length) await w(tx.indicatorOrg.createMany({ data: ind.orgIds.map((o) => ({ indicatorId: row.id, organizationId: idOf(o), role: "lead" })) }));
      await tx.auditLog.create({ data: { userId, action: "indicator.onboard", entity: "Indicator", entityId: String(row.id), before: null, after: JSON.stringify({ table: ind.tableNo, term: ind.term, namePrinted: ind.namePrinted, target: ind.targetText }) } });
      created.push(row.id);
      continue;
    }
    if (!planned || planned.action !== "update") continue;
    const have = state.indicators.find((x) => x.id === existingId) as StateIndicator;
    const changed = new Set(planned.changes.map((c) => c.field));
    const data: Record<string, unknown> = {};
    if (changed.has("level1")) data.level1 = ind.level1;
    if (changed.has("level2")) data.level2 = ind.level2;
    if (changed.has("basis")) data.basis = ind.basis;
    if (changed.has("order")) data.sortOrder = ind.sortOrder;
    if (changed.has("namePrinted")) Object.assign(data, { namePrinted: ind.namePrinted, level3: ind.level3, officeText: ind.officeText });
    // The one rule for a changed printed target or name (lib/indicator), as the Excel import applies it.
    Object.assign(data, printedTargetChange(have, { targetText: changed.has("target") ? ind.targetText : have.targetText, level3: ind.level3 }));
    if (Object.keys(data).length) await w(tx.indicator.update({ where: { id: have.id }, data }));
    for (const [field, y] of [["y2", year - 2], ["y1", year - 1]] as const) {
      if (!changed.has(field)) continue;
      const printed = ind.history.find((h) => h.year === y)?.printed;
      if (printed == null) await w(tx.indicatorValue.deleteMany({ where: { indicatorId: have.id, year: y } }));
      else await w(tx.indicatorValue.upsert({ where: { indicatorId_year: { indicatorId: have.id, year: y } }, create: { indicatorId: have.id, year: y, printed }, update: { printed } }));
    }
    if (changed.has("offices")) {
      const keep = ind.orgIds.map(idOf);
      // Taking an office off a row keeps its reports (they belong to the office and the indicator).
      await w(tx.indicatorOrg.deleteMany({ where: { indicatorId: have.id, organizationId: { notIn: keep } } }));
      for (const organizationId of keep.filter((id) => !have.orgs.some((o) => o.organizationId === id)))
        await w(tx.indicatorOrg.create({ data: { indicatorId: have.id, organizationId, role: "lead" } }));
    }
    const side = (s: "before" | "after") => Object.fromEntries(planned.changes.map((c) => [c.field, c[s]]));
    await tx.auditLog.create({ data: { userId, action: "indicator.onboard", entity: "Indicator", entityId: String(have.id), before: JSON.stringify(side("before")), after: JSON.stringify(side("after")) } });
    updated.push(have.id);
  }

  const c = preview.counts;
  const summary = { year, departmentId, departmentCode: input.code, created: created.length, updated: updated.length, unchanged: c.indicators.unchanged, writes };
  const after = { ...summary, offices: c.offices, projects: c.projects, subProjects: c.subProjects, tables: c.tables, notInDocument: c.notInDocument, createdIds: created, updatedIds: updated };
  return { summary, audit: { action: "tables.onboard", entity: "Department", entityId: input.code, before: null, after } };
}

/**
 * The command line's confirm (the installation acting, or the department's admin when it has
 * one): one transaction (mutate's, `audited`) with the write and its audit row; a refusal comes
 * back as `{ error }` with nothing written. A document that changes nothing writes nothing, not
 * even an audit row.
 */
export async function writeOnboarding(input: OnboardInput, userId: number | null, digest?: string): Promise<ActionResult<OnboardSummary>> {
  // A whole department's tables are a few thousand statements: more than the default 5 s on a busy PostgreSQL.
  const done = await audited({ userId, departmentId: null, ids: true, timeout: 120_000 }, async (tx) => {
    const { summary, audit } = await applyOnboarding(tx, input, userId, digest);
    return { data: summary, audit: summary.writes === 0 ? [] : [{ ...audit, before: undefined, after: { ...audit.after, via: "cli" } }] };
  });
  return "error" in done ? done : { data: { ...done.data, auditId: done.auditIds[0] ?? null } };
}

/** Reads the department and year and plans the document against them. Writes nothing. */
export async function previewOnboarding(input: OnboardInput, db: Client = prisma): Promise<OnboardPreview> {
  return planOnboarding(input, await loadOnboardState(db, input.code, input.year)).preview;
}
