import "server-only";
import { prisma } from "../db/prisma";
import type { Prisma } from "../db/generated/sqlite/client";
import type { CurrentUser } from "../auth";
import { departmentScope, indicatorPageScope, indicatorScope, ownDepartment } from "../auth";

export type CatalogueFilter = {
  year: number;
  table?: string; // "11" | "12-1"…
  term?: "annual" | "long_term";
  org?: number;
  level1?: string;
  level2?: string;
  q?: string;
};

/** 二级 categories are printed two ways (社会效益 / 社会效益指标): filter on the shared stem. */
export function categoryStem(level: string): string {
  return level.replace(/指标$/, "");
}

/** A read that deliberately covers every department of the installation says so with this. */
export const CITY_WIDE = "city-wide" as const;

/**
 * Whose indicators a read covers, always said: a signed-in user's (their scope), one department's
 * (the command line, `--dept`), or the whole installation by name (CITY_WIDE). No default.
 */
export type Scope = CurrentUser | { departmentId: number } | typeof CITY_WIDE;

function scopeWhere(scope: Scope): Prisma.IndicatorWhereInput {
  if (scope === CITY_WIDE) return {};
  if ("role" in scope) return indicatorScope(scope);
  return { goal: { departmentId: scope.departmentId } };
}

function where(f: CatalogueFilter, scope: Scope): Prisma.IndicatorWhereInput {
  // A reporter's catalogue holds its offices' indicators only; a department's, its own.
  // Retired rows (admin tables) are out of use: the catalogue and every list leave them out.
  const and: Prisma.IndicatorWhereInput[] = [{ year: f.year, retiredAt: null }, scopeWhere(scope)];
  if (f.table) and.push({ tableNo: f.table });
  if (f.term) and.push({ term: f.term });
  if (f.org) and.push({ orgs: { some: { organizationId: f.org } } });
  if (f.level1) and.push({ level1: { startsWith: categoryStem(f.level1) } });
  if (f.level2) and.push({ level2: { startsWith: categoryStem(f.level2) } });
  if (f.q) and.push({ OR: [{ namePrinted: { contains: f.q } }, { targetText: { contains: f.q } }] });
  return { AND: and };
}

const indicatorInclude = {
  values: { orderBy: { year: "asc" } },
  orgs: { include: { organization: { select: { id: true, name: true, shortName: true } } } },
  goal: { select: { id: true, goalNo: true, text: true, project: { select: { code: true, name: true } } } },
} satisfies Prisma.IndicatorInclude;

export type IndicatorRow = Prisma.IndicatorGetPayload<{ include: typeof indicatorInclude }>;

/** Document order: 表11 first, then 表12-1…12-7; long-term before annual, as printed. */
const documentOrder: Prisma.IndicatorOrderByWithRelationInput[] = [
  { tableNo: "asc" },
  { goal: { sortOrder: "asc" } },
  { sortOrder: "asc" },
];

export async function listIndicators(f: CatalogueFilter, scope: Scope): Promise<IndicatorRow[]> {
  return prisma.indicator.findMany({ where: where(f, scope), include: indicatorInclude, orderBy: documentOrder });
}

export async function getIndicator(id: number, user: CurrentUser) {
  return prisma.indicator.findFirst({ where: { id, ...indicatorPageScope(user) }, include: indicatorInclude });
}

export async function filterOptions(year: number, user: CurrentUser) {
  const [projects, orgs, levels] = await Promise.all([
    prisma.project.findMany({ where: { year, retiredAt: null, ...departmentScope(user) }, orderBy: { sortOrder: "asc" }, select: { code: true, name: true, tableNo: true } }),
    prisma.organization.findMany({
      where: { ...departmentScope(user), indicators: { some: { indicator: { year, retiredAt: null } } } },
      orderBy: { sortOrder: "asc" },
      select: { id: true, name: true, shortName: true, kind: true },
    }),
    prisma.indicator.findMany({ where: { year, retiredAt: null, ...indicatorScope(user) }, distinct: ["level1", "level2"], select: { level1: true, level2: true } }),
  ]);
  const level1 = [...new Set(levels.map((l) => categoryStem(l.level1)))].map((s) => `${s}指标`);
  const level2 = [...new Set(levels.map((l) => categoryStem(l.level2)))];
  return { projects, orgs, level1, level2 };
}

/** The user's department: its printed profile, 表11's goal tables and its projects. */
export async function getDepartmentView(year: number, user: CurrentUser) {
  const dept = await prisma.department.findUnique({
    where: { id: ownDepartment(user) },
    include: { profiles: { where: { year } } },
  });
  if (!dept) return null;
  const projectGoals = { departmentId: dept.id, year, retiredAt: null, projectId: { not: null } };
  const [goals, projects, counts, goalProject] = await Promise.all([
    prisma.goal.findMany({
      where: { departmentId: dept.id, year, tableNo: "11", retiredAt: null },
      orderBy: { sortOrder: "asc" },
      include: { indicators: { where: { retiredAt: null, ...indicatorScope(user) }, orderBy: { sortOrder: "asc" }, include: indicatorInclude } },
    }),
    prisma.project.findMany({ where: { departmentId: dept.id, year, retiredAt: null }, orderBy: { sortOrder: "asc" } }),
    // Counted per project in one grouped read of this department's rows (a relation `_count`
    // would group the whole table: every department's indicators).
    prisma.indicator.groupBy({ by: ["goalId"], where: { retiredAt: null, goal: projectGoals }, _count: { _all: true } }),
    prisma.goal.findMany({ where: projectGoals, select: { id: true, projectId: true } }),
  ]);
  const projectOf = new Map(goalProject.map((g) => [g.id, g.projectId]));
  const indicatorsOf = new Map<number, number>();
  for (const c of counts) {
    const p = projectOf.get(c.goalId) as number;
    indicatorsOf.set(p, (indicatorsOf.get(p) ?? 0) + c._count._all);
  }
  return { dept, profile: dept.profiles[0] ?? null, goals, projects: projects.map((p) => ({ ...p, indicators: indicatorsOf.get(p.id) ?? 0 })) };
}

export async function getProjectView(code: string, year: number, user: CurrentUser) {
  return prisma.project.findFirst({
    where: { code, year, retiredAt: null, ...departmentScope(user) },
    include: {
      subProjects: { orderBy: { sortOrder: "asc" }, include: { unit: { select: { id: true, name: true, shortName: true } } } },
      goals: {
        where: { retiredAt: null },
        orderBy: { sortOrder: "asc" },
        include: { indicators: { where: { retiredAt: null, ...indicatorScope(user) }, orderBy: { sortOrder: "asc" }, include: indicatorInclude } },
      },
    },
  });
}

export async function listProjects(year: number, user: CurrentUser) {
  return prisma.project.findMany({ where: { year, retiredAt: null, ...departmentScope(user) }, orderBy: { sortOrder: "asc" } });
}

/** An indicator's audit trail, latest first (the indicator page; the caller has read the indicator within the user's scope). */
export function indicatorAudit(id: number, take = 20) {
  return prisma.auditLog.findMany({ where: { entity: "Indicator", entityId: String(id) }, orderBy: { at: "desc" }, take, include: { user: { select: { name: true } } } });
}
