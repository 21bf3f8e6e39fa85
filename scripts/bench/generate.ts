// City-scale data for the benchmark (issue 7): the real 2024 document as department #1, then
// 599 more departments made from it, 12 months of reports, budget execution, ~5,000 users.
//
//   npx tsx scripts/bench/generate.ts [--scale 1] [--out URL] [--departments N] [--seed 1] [--force]
//
// --scale 0.05 makes 30 departments (a quick run); --scale 1 the city (600). --out is a database URL
// (default file:./data/bench/city.db, or city-s<scale>.db); PostgreSQL works too
// (postgresql://…/jixiao_bench: the database is created if missing). --force replaces an existing
// database. Department #1 goes through the real loader (prisma/seed/load.ts); everything else is
// bulk raw SQL through the app's own drivers in one transaction (better-sqlite3 multi-row
// prepared statements; pg unnest() arrays), with explicit ids so no row is read back.
import { existsSync, rmSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { engineOf, sqlitePath } from "../../lib/db/engine";
import { migrate } from "../../lib/db/migrate";
import { createPrisma } from "../../lib/db/prisma";
import { hashPassword } from "../../lib/auth/password";
import { parseActual, parseTarget, type ParsedTarget } from "../../lib/targets";
import { aggregationOf, officeTarget } from "../../lib/reporting/target";
import { seedDatabase } from "../../prisma/seed/load";
import { ensurePgDatabase, openSink, type Row, type Sink, type Value } from "./db";
import { BENCH_PASSWORD, defaultBenchUrl, YEAR } from "./config";

export type GenerateOptions = { url: string; scale: number; departments?: number; seed?: number; force?: boolean; log?: (s: string) => void };
export type GenerateSummary = {
  url: string;
  engine: string;
  departments: number;
  organizations: number;
  projects: number;
  subProjects: number;
  goals: number;
  indicators: number;
  annualIndicators: number;
  indicatorOrgs: number;
  reports: number;
  reportGaps: number;
  budgetRows: number;
  users: number;
  ms: { migrate: number; seed: number; bulk: number; finish: number; total: number };
};

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: the same arguments make the same database.

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
  };
}
type Rng = ReturnType<typeof rng>;

// ---------------------------------------------------------------------------------------------
// Names. 16 areas × 38 bureaus ≥ 599 synthetic departments; the real one (市人社局) is skipped.

const AREAS = ["武汉市", "江岸区", "江汉区", "硚口区", "汉阳区", "武昌区", "青山区", "洪山区", "东西湖区", "汉南区", "蔡甸区", "江夏区", "黄陂区", "新洲区", "东湖新技术开发区", "武汉经济技术开发区"];
const BUREAUS = [
  "教育局", "科学技术局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源和规划局", "生态环境局", "住房和城市更新局", "城市管理执法委员会",
  "交通运输局", "水务局", "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局",
  "统计局", "医疗保障局", "体育局", "园林和林业局", "房产管理局", "信访局", "档案馆", "民族宗教事务委员会", "发展和改革委员会", "经济和信息化局",
  "公安局", "粮食和物资储备局", "供销合作社", "残疾人联合会", "妇女联合会", "共青团委员会", "科学技术协会", "地方金融工作局",
];
const UNITS = ["信息中心", "服务中心", "综合执法支队", "事务中心", "发展研究中心", "培训中心"];
const DIVISIONS = ["办公室", "财务处", "政策法规处", "规划发展处", "业务一处", "业务二处", "监督检查处", "人事处", "宣传处"];
const FACTORS = [0.3, 0.5, 0.8, 1, 1.2, 1.5, 2, 3];

// ---------------------------------------------------------------------------------------------
// Columns written (explicit ids: the generator never reads a row back).

const COLS = {
  Department: ["id", "code", "name"],
  DepartmentProfile: ["id", "departmentId", "year", "filler", "phone", "overview", "tasks", "detailJson"],
  Organization: ["id", "departmentId", "code", "name", "shortName", "kind", "parentId", "sortOrder"],
  OrgAlias: ["id", "alias", "organizationId"],
  Project: ["id", "departmentId", "year", "code", "name", "tableNo", "sortOrder", "category", "attribute", "executingUnitText", "lead", "startYear", "endYear", "reason", "content", "totalBudget", "currentBudget", "currentBudgetYuan", "budgetHistory", "detailJson", "amountsJson"],
  SubProject: ["id", "projectId", "code", "name", "unitText", "unitId", "sortOrder", "totalYuan", "amountsJson"],
  Goal: ["id", "departmentId", "projectId", "year", "tableNo", "term", "goalNo", "text", "sortOrder"],
  Indicator: ["id", "goalId", "year", "tableNo", "term", "sortOrder", "level1", "level2", "level3", "namePrinted", "officeText", "basis", "targetText", "targetKind", "targetComparator", "targetValue", "targetValueHigh", "targetUnit", "targetDirection", "accumulation", "aggregation"],
  IndicatorValue: ["id", "indicatorId", "year", "printed"],
  IndicatorOrg: ["indicatorId", "organizationId", "role"],
  User: ["id", "username", "name", "passwordHash", "role", "disabled", "createdAt", "departmentId"],
  UserOrg: ["userId", "organizationId"],
  Report: ["id", "indicatorId", "organizationId", "year", "month", "revision", "current", "status", "version", "valueText", "value", "tier", "doneDate", "note", "deviationCategories", "deviationReason", "correctiveMeasure", "forecastText", "likelihood", "reviewComment", "createdById", "updatedById", "reviewedById", "submittedAt", "reviewedAt", "createdAt", "updatedAt"],
  BudgetExecution: ["id", "projectId", "subProjectId", "year", "month", "spentYuan", "note", "updatedById", "updatedAt", "version"],
} as const;
type Table = keyof typeof COLS;
/** Flush order: a table after those it refers to. */
const ORDER: Table[] = ["Department", "DepartmentProfile", "Organization", "OrgAlias", "Project", "SubProject", "Goal", "Indicator", "IndicatorValue", "IndicatorOrg", "User", "UserOrg", "Report", "BudgetExecution"];

class Buffers {
  rows = new Map<Table, Row[]>(ORDER.map((t) => [t, []]));
  counts = new Map<Table, number>(ORDER.map((t) => [t, 0]));
  pending = 0;
  constructor(private sink: Sink) {}
  add(t: Table, row: Row) {
    (this.rows.get(t) as Row[]).push(row);
    this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
    this.pending++;
  }
  async flush() {
    for (const t of ORDER) {
      const rows = this.rows.get(t) as Row[];
      if (rows.length) await this.sink.insert(t, COLS[t], rows);
      this.rows.set(t, []);
    }
    this.pending = 0;
  }
  async maybeFlush(limit = 200_000) {
    if (this.pending >= limit) await this.flush();
  }
}

// ---------------------------------------------------------------------------------------------
// The templates: department #1 as the real loader wrote it.

type OrgT = { id: number; code: string | null; name: string; shortName: string | null; kind: string; parentId: number | null; sortOrder: number };
type ProjectT = Record<(typeof COLS.Project)[number], Value> & { id: number; code: string; name: string; currentBudgetYuan: number | null; detailJson: string; amountsJson: string };
type SubT = { id: number; projectId: number; code: string; name: string; unitText: string; unitId: number | null; sortOrder: number; totalYuan: number; amountsJson: string };
type GoalT = { id: number; projectId: number | null; tableNo: string; term: string; goalNo: number | null; text: string; sortOrder: number };
type IndT = {
  id: number; goalId: number; tableNo: string; term: string; sortOrder: number; level1: string; level2: string; level3: string; namePrinted: string;
  officeText: string | null; basis: string | null; targetText: string; targetKind: string; targetComparator: string | null; targetValue: number | null;
  targetValueHigh: number | null; targetUnit: string | null; targetDirection: string | null; accumulation: string | null; aggregation: string;
  orgIds: number[]; values: { year: number; printed: string }[];
};
type Template = { deptId: number; deptOrg: OrgT; orgs: OrgT[]; profile: Record<string, Value>; projects: ProjectT[]; subs: SubT[]; goals: GoalT[]; indicators: IndT[]; users: { id: number; username: string; role: string; orgIds: number[] }[] };

async function readTemplate(sink: Sink): Promise<Template> {
  const [dept] = await sink.all<{ id: number }>(`SELECT "id" FROM "Department" ORDER BY "id" LIMIT 1`);
  const orgs = await sink.all<OrgT>(`SELECT "id","code","name","shortName","kind","parentId","sortOrder" FROM "Organization" WHERE "departmentId" = ? ORDER BY "id"`, [dept.id]);
  const [profile] = await sink.all<Record<string, Value>>(`SELECT * FROM "DepartmentProfile" WHERE "departmentId" = ?`, [dept.id]);
  const projects = await sink.all<ProjectT>(`SELECT * FROM "Project" WHERE "departmentId" = ? ORDER BY "sortOrder"`, [dept.id]);
  const subs = await sink.all<SubT>(`SELECT s.* FROM "SubProject" s JOIN "Project" p ON p."id" = s."projectId" WHERE p."departmentId" = ? ORDER BY s."id"`, [dept.id]);
  const goals = await sink.all<GoalT>(`SELECT * FROM "Goal" WHERE "departmentId" = ? ORDER BY "sortOrder"`, [dept.id]);
  const inds = await sink.all<Omit<IndT, "orgIds" | "values">>(
    `SELECT i.* FROM "Indicator" i JOIN "Goal" g ON g."id" = i."goalId" WHERE g."departmentId" = ? ORDER BY i."id"`,
    [dept.id],
  );
  const links = await sink.all<{ indicatorId: number; organizationId: number }>(`SELECT "indicatorId","organizationId" FROM "IndicatorOrg" ORDER BY "indicatorId","organizationId"`);
  const values = await sink.all<{ indicatorId: number; year: number; printed: string }>(`SELECT "indicatorId","year","printed" FROM "IndicatorValue" ORDER BY "indicatorId","year"`);
  const users = await sink.all<{ id: number; username: string; role: string }>(`SELECT "id","username","role" FROM "User" ORDER BY "id"`);
  const userOrgs = await sink.all<{ userId: number; organizationId: number }>(`SELECT "userId","organizationId" FROM "UserOrg"`);
  const group = <T extends { indicatorId: number }>(xs: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of xs) m.set(x.indicatorId, [...(m.get(x.indicatorId) ?? []), x]);
    return m;
  };
  const linkBy = group(links);
  const valueBy = group(values);
  const deptOrg = orgs.find((o) => o.kind === "department");
  if (!deptOrg) throw new Error("department #1 has no department organisation");
  return {
    deptId: dept.id,
    deptOrg,
    orgs,
    profile,
    projects,
    subs,
    goals,
    indicators: inds.map((i) => ({
      ...i,
      orgIds: (linkBy.get(i.id) ?? []).map((l) => l.organizationId),
      values: (valueBy.get(i.id) ?? []).map((v) => ({ year: v.year, printed: v.printed })),
    })),
    users: users.map((u) => ({ ...u, orgIds: userOrgs.filter((x) => x.userId === u.id).map((x) => x.organizationId) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Scaling printed figures: "22万人" × 0.5 → "11万人"; rates and dates stay as printed.

function scaleNumberText(text: string, f: number): string {
  if (f === 1) return text;
  const m = /(\d+(?:\.\d+)?)(\s*)(万|亿)?([^\d]*)$/u.exec(text) ?? /(\d+(?:\.\d+)?)/u.exec(text);
  if (!m) return text;
  const rest = text.slice(m.index + m[1].length);
  if (/^\s*[%‰％]/u.test(rest) || /年|月|日/u.test(rest.slice(0, 2))) return text;
  const decimals = m[1].includes(".") ? m[1].split(".")[1].length : 0;
  let n = Number(m[1]) * f;
  n = decimals ? Number(n.toFixed(decimals)) : Math.max(1, Math.round(n));
  return text.slice(0, m.index) + String(n) + rest;
}

function scaleWan(printed: unknown, f: number): string | null {
  if (typeof printed !== "string" || printed.trim() === "") return null;
  const n = Number(printed.replace(/,/g, ""));
  if (!Number.isFinite(n)) return printed;
  return (n * f).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function scaleAmounts(json: string, f: number): string {
  const a = JSON.parse(json) as Record<string, string | null>;
  return JSON.stringify(Object.fromEntries(Object.entries(a).map(([k, v]) => [k, scaleWan(v, f)])));
}

type Parsed = { t: ParsedTarget; text: string };
const parseCache = new Map<string, Parsed>();
/** The target as printed for a department with factor f (falls back to the template's text). */
function variant(ind: IndT, f: number): Parsed {
  const key = `${ind.id}|${f}`;
  let p = parseCache.get(key);
  if (!p) {
    // Only running totals scale with a department's size; rates, scores and durations do not.
    const text = ind.targetKind === "quantitative" && ind.accumulation === "cumulative" && ind.targetComparator !== "range" && ind.targetValueHigh == null ? scaleNumberText(ind.targetText, f) : ind.targetText;
    const t = parseTarget(text, ind.level3);
    p = t.kind === ind.targetKind && (t.value != null) === (ind.targetValue != null) ? { t, text } : { t: parseTarget(ind.targetText, ind.level3), text: ind.targetText };
    parseCache.set(key, p);
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Report values: what an office would type, read back by the app's own parseActual.

const DISCRETE = /人|次|个|家|份|名|场|期|篇|项|户|件|套|幅|所|座|笔|学时|天|日/u;

function actualText(t: ParsedTarget, office: ParsedTarget, month: number, perf: number, r: Rng): string | null {
  switch (t.kind) {
    case "qualitative":
      return perf >= 0.9 ? "达成" : perf >= 0.7 ? "部分达成" : "未达成";
    case "deadline": {
      const due = t.deadline ? Number(t.deadline.slice(5, 7)) || 12 : 12;
      const done = Math.min(12, Math.max(1, Math.round(due / Math.max(perf, 0.5))));
      if (month < done) return null;
      return `${YEAR}-${String(done).padStart(2, "0")}-${String(r.int(1, 28)).padStart(2, "0")}`;
    }
    case "frequency": {
      const per = office.value ?? 1;
      return String(Math.max(0, Math.round(perf >= 0.85 ? per : per * perf)));
    }
    case "quantitative": {
      const v = office.value;
      if (v == null) return null;
      const rate = t.unit === "%" || t.unit === "‰";
      const lower = t.direction === "lower";
      let x: number;
      if (t.accumulation === "cumulative") x = (v * month * (lower ? 1 / perf : perf)) / 12;
      else x = lower ? v * (0.7 + 0.3 / perf) * (0.9 + 0.2 * r.next()) : v * Math.min(perf, 1.04) * (0.99 + 0.02 * r.next());
      if (rate) {
        x = Math.min(x, 1);
        const shown = t.unit === "%" ? x * 100 : x * 1000;
        return String(Math.round(shown * 10) / 10);
      }
      if (t.unit === null && t.accumulation === "level" && v <= 1) return null; // unit-less rate: skip
      if (!t.unit || DISCRETE.test(t.unit)) return String(Math.max(0, Math.round(x)));
      return String(Math.round(x * 100) / 100);
    }
    default:
      return null;
  }
}

const REASONS = ["部分业务受系统升级影响，数据归集滞后", "资金拨付进度慢于计划", "季节性因素，业务量集中在下半年", "人员调整，工作推进滞后"];
const MEASURES = ["加强调度，每周通报进度", "协调财政加快资金拨付", "下半年集中推进，确保完成全年目标", "充实人员力量，压实责任"];
const CATEGORIES = ["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他"];

// ---------------------------------------------------------------------------------------------

export async function generate(opts: GenerateOptions): Promise<GenerateSummary> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const t0 = performance.now();
  const url = opts.url;
  const engine = engineOf(url);
  const departments = opts.departments ?? Math.max(1, Math.round(600 * opts.scale));
  const seed = opts.seed ?? 1;

  // A fresh database: SQLite file removed; PostgreSQL schema emptied (only with --force).
  if (engine === "sqlite") {
    const file = sqlitePath(url);
    if (existsSync(file)) {
      if (!opts.force) throw new Error(`${file} exists; use --force to replace it`);
      for (const ext of ["", "-wal", "-shm"]) rmSync(file + ext, { force: true });
    }
  } else {
    await ensurePgDatabase(url);
    const probe = await openSink(url);
    const [{ n }] = await probe.all<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
    if (n > 0) {
      if (!opts.force) {
        await probe.close();
        throw new Error(`the database in ${url} holds tables; use --force to empty it`);
      }
      await probe.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
    }
    await probe.close();
  }

  await migrate(url);
  const tMigrate = performance.now();

  // Department #1: the real document through the real loader.
  const prisma = createPrisma(url);
  try {
    await seedDatabase(prisma, YEAR);
  } finally {
    await prisma.$disconnect();
  }
  const tSeed = performance.now();

  const sink = await openSink(url, { bulk: true });
  const tpl = await readTemplate(sink);
  const maxId = async (t: string) => (await sink.all<{ m: number | null }>(`SELECT MAX("id") AS m FROM "${t}"`))[0].m ?? 0;
  const next: Record<string, number> = {};
  for (const t of ["Department", "DepartmentProfile", "Organization", "OrgAlias", "Project", "SubProject", "Goal", "Indicator", "IndicatorValue", "User", "Report", "BudgetExecution"]) next[t] = (await maxId(t)) + 1;
  const id = (t: string) => next[t]++;

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const created = new Date(Date.UTC(YEAR, 0, 2, 1, 0, 0));
  const buf = new Buffers(sink);
  const stats = { reports: 0, gaps: 0, unreportable: 0 };
  const R = rng(seed);

  await sink.begin();

  // Reporters for department #1's offices that the demo accounts do not cover.
  const tplReporterOf = new Map<number, number>();
  for (const u of tpl.users) if (u.role === "reporter") for (const o of u.orgIds) tplReporterOf.set(o, u.id);
  const tplManager = tpl.users.find((u) => u.role === "manager")?.id ?? tpl.users[0].id;
  const owning = new Set(tpl.indicators.flatMap((i) => i.orgIds));
  for (const o of tpl.orgs) {
    if (!owning.has(o.id) || tplReporterOf.has(o.id)) continue;
    const uid = id("User");
    buf.add("User", [uid, `r${tpl.deptOrg.code ?? "503"}_${o.id}`, `${o.shortName ?? o.name} 填报员`, passwordHash, "reporter", false, created, tpl.deptId]);
    buf.add("UserOrg", [uid, o.id]);
    tplReporterOf.set(o.id, uid);
  }
  // The finance bureau's performance staff (city-wide, no department), one per ~6 departments.
  for (let e = 1; e <= Math.max(1, Math.round(departments / 6)); e++) {
    buf.add("User", [id("User"), `fin${String(e).padStart(3, "0")}`, `财政局绩效处 ${e}`, passwordHash, "finance", false, created, null]);
  }

  // Department #1's reports and budget execution.
  const annualTpl = tpl.indicators.filter((i) => i.term === "annual");
  writeReports(buf, id, R, annualTpl.map((i) => ({ id: i.id, tpl: i, orgIds: i.orgIds, f: 1 })), tplReporterOf, tplManager, stats);
  writeBudget(buf, id, R, tpl.subs.map((s) => ({ id: s.id, projectId: s.projectId, totalYuan: s.totalYuan })), tplManager);
  await buf.maybeFlush();

  const bureausFor = (d: number) => {
    // d = 2…: skip the real department's own name (武汉市人力资源和社会保障局).
    let k = d - 2;
    if (k >= 5) k++;
    return { area: AREAS[Math.floor(k / BUREAUS.length) % AREAS.length], bureau: BUREAUS[k % BUREAUS.length], round: Math.floor(k / (BUREAUS.length * AREAS.length)) };
  };
  const tplProjects = tpl.projects;
  const goalsOfProject = new Map<number | null, GoalT[]>();
  for (const g of tpl.goals) goalsOfProject.set(g.projectId, [...(goalsOfProject.get(g.projectId) ?? []), g]);
  const indsOfGoal = new Map<number, IndT[]>();
  for (const i of tpl.indicators) indsOfGoal.set(i.goalId, [...(indsOfGoal.get(i.goalId) ?? []), i]);
  const subsOfProject = new Map<number, SubT[]>();
  for (const s of tpl.subs) subsOfProject.set(s.projectId, [...(subsOfProject.get(s.projectId) ?? []), s]);
  const tplOffices = tpl.orgs.filter((o) => o.kind !== "department");
  const tplOfficeIndex = new Map(tplOffices.map((o, i) => [o.id, i]));

  for (let d = 2; d <= departments; d++) {
    const r = rng(seed * 1_000_003 + d);
    const { area, bureau, round } = bureausFor(d);
    const deptName = `${area}${bureau}${round ? `（${round + 1}）` : ""}`;
    const deptCode = String(600 + d);
    const deptId = id("Department");
    const f = r.pick(FACTORS);
    buf.add("Department", [deptId, deptCode, deptName]);
    const p = tpl.profile;
    buf.add("DepartmentProfile", [id("DepartmentProfile"), deptId, YEAR, p.filler, p.phone, `${deptName}：${String(p.overview ?? "")}`, p.tasks, p.detailJson]);

    // Organisations: the department, its 机关 with divisions, and affiliated units.
    const orgRows: { id: number; name: string; shortName: string | null; kind: string }[] = [];
    let sort = 0;
    const addOrg = (code: string | null, name: string, shortName: string | null, kind: string, parentId: number | null) => {
      const oid = id("Organization");
      buf.add("Organization", [oid, deptId, code, name, shortName, kind, parentId, sort++]);
      buf.add("OrgAlias", [id("OrgAlias"), name, oid]);
      if (shortName && shortName !== name) buf.add("OrgAlias", [id("OrgAlias"), shortName, oid]);
      orgRows.push({ id: oid, name, shortName, kind });
      return oid;
    };
    const deptOrgId = addOrg(deptCode, deptName, bureau, "department", null);
    const jiguan = addOrg(`${deptCode}001`, `${deptName}机关`, "机关", "unit", deptOrgId);
    const nUnits = r.int(1, 3);
    for (let u = 0; u < nUnits; u++) addOrg(`${deptCode}${String(u + 2).padStart(3, "0")}`, `${deptName}${UNITS[(u + d) % UNITS.length]}`, UNITS[(u + d) % UNITS.length], "unit", deptOrgId);
    const nDiv = r.int(3, 6);
    for (let v = 0; v < nDiv; v++) addOrg(null, DIVISIONS[(v + d) % DIVISIONS.length], null, "division", jiguan);
    const offices = orgRows.filter((o) => o.kind !== "department");
    const mapOrg = (tplOrgId: number) => (tplOrgId === tpl.deptOrg.id ? deptOrgId : offices[(tplOfficeIndex.get(tplOrgId) ?? 0) % offices.length].id);
    const orgName = new Map(orgRows.map((o) => [o.id, o.shortName ?? o.name]));

    // Users: a manager, one reporter per office.
    const managerId = id("User");
    buf.add("User", [managerId, `m${deptCode}`, `${deptName} 管理员`, passwordHash, "manager", false, created, deptId]);
    buf.add("UserOrg", [managerId, jiguan]);
    const reporterOf = new Map<number, number>();
    offices.forEach((o, k) => {
      const uid = id("User");
      buf.add("User", [uid, `r${deptCode}_${k + 1}`, `${o.shortName ?? o.name} 填报员`, passwordHash, "reporter", false, created, deptId]);
      buf.add("UserOrg", [uid, o.id]);
      reporterOf.set(o.id, uid);
    });
    reporterOf.set(deptOrgId, reporterOf.get(jiguan) as number); // the department's own rows are reported by 机关

    // Goals and indicators: 表11, then 6–11 projects cycled from the seven templates.
    const reportLines: { id: number; tpl: IndT; orgIds: number[]; f: number }[] = [];
    const subsOut: { id: number; projectId: number; totalYuan: number }[] = [];
    let goalSort = 0;
    const writeGoal = (g: GoalT, projectId: number | null, tableNo: string) => {
      const gid = id("Goal");
      buf.add("Goal", [gid, deptId, projectId, YEAR, tableNo, g.term, g.goalNo, g.text, ++goalSort]);
      for (const ind of indsOfGoal.get(g.id) ?? []) {
        const iid = id("Indicator");
        const v = variant(ind, f);
        // The real document shares a sixth of its rows between 2–9 offices; the synthetic
        // departments keep a fifth of those shared, so reports stay near one per indicator-month.
        const mapped = [...new Set(ind.orgIds.map(mapOrg))];
        const orgIds = mapped.length > 1 && r.next() >= 0.2 ? mapped.slice(0, 1) : mapped;
        const officeText = ind.officeText ? orgIds.map((o) => orgName.get(o)).join("、") : null;
        const namePrinted = officeText ? `${ind.level3}（${officeText}）` : ind.namePrinted;
        buf.add("Indicator", [iid, gid, YEAR, tableNo, ind.term, ind.sortOrder, ind.level1, ind.level2, ind.level3, namePrinted, officeText, ind.basis, v.text, v.t.kind, v.t.comparator, v.t.value, v.t.valueHigh, v.t.unit, v.t.direction, v.t.accumulation, "auto"]);
        for (const h of ind.values) buf.add("IndicatorValue", [id("IndicatorValue"), iid, h.year, scaleNumberText(h.printed, v.text === ind.targetText ? 1 : f)]);
        for (const o of orgIds) buf.add("IndicatorOrg", [iid, o, "lead"]);
        if (ind.term === "annual") reportLines.push({ id: iid, tpl: ind, orgIds, f });
      }
    };
    for (const g of goalsOfProject.get(null) ?? []) writeGoal(g, null, "11");
    const nProjects = r.int(6, 11);
    for (let k = 1; k <= nProjects; k++) {
      const t = tplProjects[(k - 1 + d) % tplProjects.length];
      const pid = id("Project");
      const pf = f * (0.5 + r.next());
      const code = `4201002${deptCode.padStart(4, "0")}000000${String(k).padStart(4, "0")}`;
      const detail = JSON.parse(t.detailJson) as Record<string, unknown> & { executingOrgIds?: number[] };
      detail.executingOrgIds = [...new Set((detail.executingOrgIds ?? []).map(mapOrg))];
      const budgetYuan = t.currentBudgetYuan == null ? null : Math.round(t.currentBudgetYuan * pf);
      buf.add("Project", [
        pid, deptId, YEAR, code, k > tplProjects.length ? `${t.name}（二）` : t.name, `12-${k}`, k, t.category, t.attribute,
        detail.executingOrgIds.map((o) => orgName.get(o)).join("、"), t.lead, t.startYear, t.endYear, t.reason, t.content,
        scaleWan(t.totalBudget, pf), scaleWan(t.currentBudget, pf), budgetYuan, t.budgetHistory, JSON.stringify(detail), scaleAmounts(t.amountsJson, pf),
      ]);
      for (const s of subsOfProject.get(t.id) ?? []) {
        const sid = id("SubProject");
        const unit = s.unitId == null ? null : mapOrg(s.unitId);
        const total = Math.round(s.totalYuan * pf);
        buf.add("SubProject", [sid, pid, `4201002${deptCode.padStart(4, "0")}T${String(k).padStart(3, "0")}${String(s.sortOrder).padStart(6, "0")}`, s.name, unit == null ? s.unitText : (orgName.get(unit) ?? s.unitText), unit, s.sortOrder, total, scaleAmounts(s.amountsJson, pf)]);
        subsOut.push({ id: sid, projectId: pid, totalYuan: total });
      }
      for (const g of goalsOfProject.get(t.id) ?? []) writeGoal(g, pid, `12-${k}`);
    }
    writeReports(buf, id, r, reportLines, reporterOf, managerId, stats);
    writeBudget(buf, id, r, subsOut, managerId);
    await buf.maybeFlush();
    if (d % 50 === 0) log(`  … ${d}/${departments} departments, ${buf.counts.get("Report")} reports (${((performance.now() - tSeed) / 1000).toFixed(1)} s)`);
  }
  await buf.flush();
  await sink.commit();
  const tBulk = performance.now();

  // PostgreSQL: the keys the load did not check; explicit ids leave the sequences behind;
  // statistics for the planner.
  if (engine === "postgres") {
    for (const [child, col, parent] of [
      ["Report", "indicatorId", "Indicator"], ["Report", "organizationId", "Organization"], ["IndicatorOrg", "indicatorId", "Indicator"],
      ["IndicatorOrg", "organizationId", "Organization"], ["Indicator", "goalId", "Goal"], ["Goal", "projectId", "Project"],
      ["SubProject", "projectId", "Project"], ["Organization", "departmentId", "Department"], ["Organization", "parentId", "Organization"],
    ] as const) {
      const [{ n }] = await sink.all<{ n: string }>(`SELECT COUNT(*) AS n FROM "${child}" c WHERE c."${col}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "${parent}" p WHERE p."id" = c."${col}")`);
      if (Number(n)) throw new Error(`${child}.${col}: ${n} rows without their ${parent}`);
    }
    for (const t of Object.keys(next)) await sink.exec(`SELECT setval(pg_get_serial_sequence('"${t}"', 'id'), (SELECT MAX("id") FROM "${t}"))`);
    await sink.exec("ANALYZE");
  } else {
    await sink.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  const tFinish = performance.now();

  const count = async (t: string) => (await sink.all<{ n: number | string }>(`SELECT COUNT(*) AS n FROM "${t}"`))[0].n;
  const n = async (t: string) => Number(await count(t));
  const summary: GenerateSummary = {
    url,
    engine,
    departments: await n("Department"),
    organizations: await n("Organization"),
    projects: await n("Project"),
    subProjects: await n("SubProject"),
    goals: await n("Goal"),
    indicators: await n("Indicator"),
    annualIndicators: Number((await sink.all<{ n: number }>(`SELECT COUNT(*) AS n FROM "Indicator" WHERE "term" = 'annual'`))[0].n),
    indicatorOrgs: await n("IndicatorOrg"),
    reports: await n("Report"),
    reportGaps: stats.gaps,
    budgetRows: await n("BudgetExecution"),
    users: await n("User"),
    ms: { migrate: Math.round(tMigrate - t0), seed: Math.round(tSeed - tMigrate), bulk: Math.round(tBulk - tSeed), finish: Math.round(tFinish - tBulk), total: Math.round(performance.now() - t0) },
  };
  await sink.close();
  if (stats.unreportable) log(`  (${stats.unreportable} office-lines without a reportable figure were left unreported)`);
  return summary;
}

/** Twelve months per (annual indicator, office), with ~3% of office-months left unreported (the bench writes those). */
function writeReports(buf: Buffers, id: (t: string) => number, r: Rng, lines: { id: number; tpl: IndT; orgIds: number[]; f: number }[], reporterOf: Map<number, number>, reviewer: number, stats: { reports: number; gaps: number; unreportable: number }) {
  for (const line of lines) {
    const v = variant(line.tpl, line.f);
    if (v.t.kind === "none" || v.t.kind === "unparsed") continue;
    const office = officeTarget(v.t, line.orgIds.length, aggregationOf("auto", v.t));
    for (const org of line.orgIds) {
      const roll = r.next();
      const perf = roll < 0.7 ? 0.95 + 0.2 * r.next() : roll < 0.9 ? 0.8 + 0.15 * r.next() : 0.4 + 0.4 * r.next();
      const reporter = reporterOf.get(org) ?? reviewer;
      let reported = 0;
      for (let month = 1; month <= 12; month++) {
        if (r.next() < 0.03) {
          stats.gaps++;
          continue;
        }
        const text = actualText(v.t, office, month, perf, r);
        if (text == null) continue;
        const parsed = parseActual(text, office);
        if (!parsed.ok) continue;
        reported++;
        const s = r.next();
        const status = month <= 10 ? "approved" : month === 11 ? (s < 0.7 ? "approved" : "submitted") : s < 0.15 ? "approved" : s < 0.65 ? "submitted" : s < 0.95 ? "draft" : "returned";
        const behind = perf < 0.9;
        const sub = new Date(Date.UTC(month === 12 ? YEAR + 1 : YEAR, month % 12, r.int(1, 14), r.int(0, 9), r.int(0, 59)));
        const createdAt = new Date(sub.getTime() - 86_400_000);
        const reviewed = status === "approved" || status === "returned" ? new Date(sub.getTime() + 2 * 86_400_000) : null;
        buf.add("Report", [
          id("Report"), line.id, org, YEAR, month, 1, true, status, status === "approved" || status === "returned" ? 2 : 1,
          text, parsed.actual.value, parsed.actual.tier ?? null, parsed.actual.date ?? null,
          r.next() < 0.1 ? "数据来源：业务系统统计" : null,
          behind ? JSON.stringify([r.pick(CATEGORIES)]) : null, behind ? r.pick(REASONS) : null, behind ? r.pick(MEASURES) : null,
          month >= 6 ? text : null, month >= 6 ? (behind ? "有可能" : "确定能") : null, status === "returned" ? "请补充佐证材料" : null,
          reporter, reporter, reviewed ? reviewer : null, status === "draft" ? null : sub, reviewed, createdAt, reviewed ?? sub,
        ]);
        stats.reports++;
      }
      if (!reported) stats.unreportable++;
    }
  }
}

/** Spending to date per second-level project and month (what lib/reporting/execution.ts sums). */
function writeBudget(buf: Buffers, id: (t: string) => number, r: Rng, subs: { id: number; projectId: number; totalYuan: number }[], updatedBy: number) {
  for (const s of subs) {
    const pace = 0.5 + 0.6 * r.next();
    let spent = 0;
    for (let month = 1; month <= 12; month++) {
      spent = Math.max(spent, Math.min(s.totalYuan, Math.round((s.totalYuan * pace * month) / 12)));
      buf.add("BudgetExecution", [id("BudgetExecution"), s.projectId, s.id, YEAR, month, spent, null, updatedBy, new Date(Date.UTC(YEAR, month % 12, 5)), 1]);
    }
  }
}

// ---------------------------------------------------------------------------------------------

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const scale = Number(arg("scale") ?? "1");
  const departments = arg("departments") ? Number(arg("departments")) : undefined;
  if (!(scale > 0) || (departments != null && !(departments >= 1))) {
    console.error("usage: generate.ts [--scale 0.05|1] [--departments N] [--out URL] [--seed N] [--force]");
    process.exit(2);
  }
  const url = arg("out") ?? defaultBenchUrl(scale, departments);
  console.log(`generating ${departments ?? Math.max(1, Math.round(600 * scale))} departments into ${url.replace(/\/\/[^@/]*@/, "//…@")}`);
  const s = await generate({ url, scale, departments, seed: Number(arg("seed") ?? "1"), force: process.argv.includes("--force") });
  const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    [
      `made (${s.engine}): ${s.departments} departments, ${s.organizations} organisations, ${s.projects} projects (${s.subProjects} second-level), ${s.goals} goal tables,`,
      `  ${s.indicators} indicators (${s.annualIndicators} annual; ${s.indicatorOrgs} office links), ${s.reports} reports (${s.reportGaps} office-months left unreported),`,
      `  ${s.budgetRows} budget-execution rows, ${s.users} users`,
      `took ${sec(s.ms.total)}: migrate ${sec(s.ms.migrate)}, department #1 via the seed loader ${sec(s.ms.seed)}, bulk insert ${sec(s.ms.bulk)} (${Math.round(s.reports / (s.ms.bulk / 1000))} reports/s), finish ${sec(s.ms.finish)}`,
    ].join("\n"),
  );
  console.log(JSON.stringify(s));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(`generate: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  });
}
