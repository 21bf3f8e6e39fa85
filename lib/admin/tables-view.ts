import "server-only";
import { prisma } from "../db/prisma";
import { parseTarget } from "../targets";
import { listRevisions, targetInForce } from "../indicator";
import type { CurrentUser } from "../auth";
import { ownDepartment } from "../auth";

// What the admin's table pages read. Admins see retired rows too (greyed, with 恢复), so nothing
// here filters retiredAt; everyone else's lists do. An admin sees their own department's tables
// only: every query carries the department (`departmentId`, or `goal: { departmentId }`).

/** The years that have tables, and the years known to the Year table, newest first. */
export async function tableYears(admin: CurrentUser): Promise<number[]> {
  const [years, withGoals] = await Promise.all([
    prisma.year.findMany({ select: { year: true } }),
    prisma.goal.findMany({ where: { departmentId: ownDepartment(admin) }, distinct: ["year"], select: { year: true } }),
  ]);
  return [...new Set([...years.map((y) => y.year), ...withGoals.map((g) => g.year)])].sort((a, b) => b - a);
}

export type TableTab = { tableNo: string; name: string; projectId: number | null; code: string | null; retired: boolean };

/** One table of a year for editing: 表11 (the department) or a project's 表12-N, retired rows included. */
export async function tablesView(admin: CurrentUser, year: number, tableNo: string) {
  const departmentId = ownDepartment(admin);
  const projects = await prisma.project.findMany({ where: { departmentId, year }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
  const tabs: TableTab[] = [
    { tableNo: "11", name: "", projectId: null, code: null, retired: false },
    ...projects.map((p) => ({ tableNo: p.tableNo, name: p.name, projectId: p.id, code: p.code, retired: !!p.retiredAt })),
  ];
  const project = tableNo === "11" ? null : (projects.find((p) => p.tableNo === tableNo) ?? null);
  const goals = await prisma.goal.findMany({
    where: { departmentId, year, tableNo, projectId: project?.id ?? null },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    include: {
      indicators: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        include: { orgs: { include: { organization: { select: { name: true, shortName: true } } } } },
      },
    },
  });
  const active = projects.filter((p) => !p.retiredAt);
  return { tabs, project, goals, found: tableNo === "11" || project != null, projectEnds: { first: active[0]?.id, last: active.at(-1)?.id } };
}

/** Everything the indicator edit page needs. */
export async function indicatorAdminView(admin: CurrentUser, id: number) {
  const departmentId = ownDepartment(admin);
  const ind = await prisma.indicator.findFirst({
    where: { id, goal: { departmentId } },
    include: {
      goal: { include: { project: { select: { id: true, code: true, name: true, retiredAt: true } } } },
      orgs: { include: { organization: { select: { id: true, name: true, shortName: true } } }, orderBy: { organizationId: "asc" } },
    },
  });
  if (!ind) return null;
  // Counted for this row alone: a relation `_count` groups every report of the installation.
  const [reports, revisions, organizations, levels] = await Promise.all([
    prisma.report.count({ where: { indicatorId: id } }),
    listRevisions(id),
    prisma.organization.findMany({ where: { departmentId }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true, shortName: true, kind: true } }),
    prisma.indicator.findMany({ where: { year: ind.year, goal: { departmentId } }, distinct: ["level1", "level2"], select: { level1: true, level2: true } }),
  ]);
  const parsed = parseTarget(targetInForce(ind).source, ind.level3);
  return {
    ind: { ...ind, _count: { reports } },
    revisions,
    organizations,
    level1: [...new Set(levels.map((l) => l.level1))],
    level2: [...new Set(levels.map((l) => l.level2))],
    /** The admin's accumulation choice, or "auto" when the column is what the target says. */
    accumulationChoice: ind.accumulation === parsed.accumulation ? "auto" : (ind.accumulation ?? "auto"),
    autoAccumulation: parsed.accumulation,
  };
}

/** The goal a new indicator goes into, with the level names used that year for suggestions. */
export async function newIndicatorView(admin: CurrentUser, goalId: number) {
  const departmentId = ownDepartment(admin);
  const goal = await prisma.goal.findFirst({ where: { id: goalId, departmentId }, include: { project: { select: { name: true } } } });
  if (!goal) return null;
  const levels = await prisma.indicator.findMany({ where: { year: goal.year, goal: { departmentId } }, distinct: ["level1", "level2"], select: { level1: true, level2: true } });
  return { goal, level1: [...new Set(levels.map((l) => l.level1))], level2: [...new Set(levels.map((l) => l.level2))] };
}

/**
 * The rollover form: which year to copy, into which, and its projects. By default the app's working
 * year, so the page stays on the same pair after the copy is made (and then says so).
 */
export async function rolloverView(admin: CurrentUser, fromParam: number | undefined, workingYear: number) {
  const departmentId = ownDepartment(admin);
  const years = (await prisma.goal.findMany({ where: { departmentId, retiredAt: null }, distinct: ["year"], select: { year: true } })).map((g) => g.year).sort((a, b) => b - a);
  const wanted = fromParam ?? workingYear;
  const from = years.includes(wanted) ? wanted : (years[0] ?? null);
  if (from == null) return { years, from: null, to: null, projects: [], existing: null };
  const to = from + 1;
  const [projects, goalsTo, indicatorsTo] = await Promise.all([
    prisma.project.findMany({ where: { departmentId, year: from, retiredAt: null }, orderBy: { sortOrder: "asc" }, select: { code: true, name: true, tableNo: true } }),
    prisma.goal.count({ where: { departmentId, year: to } }),
    prisma.indicator.count({ where: { year: to, goal: { departmentId } } }),
  ]);
  return { years, from, to, projects, existing: goalsTo + indicatorsTo > 0 ? { goals: goalsTo, indicators: indicatorsTo } : null };
}
