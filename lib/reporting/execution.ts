import "server-only";
import { prisma } from "../db/prisma";
import { Prisma } from "../db/generated/sqlite/client";
import { budgetStatus, type Status } from "../status";

// Read side of budget execution, free of the mutation machinery (and so of next-auth): the CLI
// and reports use it too.

export type MonthExecution = { month: number; spentYuan: number; status: Status };

/** Month by month: the project's spending to date (sum of its second-level projects) and its light. */
export async function projectExecution(projectId: number, year: number, budgetYuan: number | null): Promise<{ months: MonthExecution[]; bySub: Map<number, { month: number; spentYuan: number; version: number }[]> }> {
  const rows = await prisma.budgetExecution.findMany({ where: { projectId, year }, orderBy: { month: "asc" } });
  const bySub = new Map<number, { month: number; spentYuan: number; version: number }[]>();
  for (const r of rows) if (r.subProjectId != null) bySub.set(r.subProjectId, [...(bySub.get(r.subProjectId) ?? []), r]);
  const months: MonthExecution[] = [];
  const last = rows.length ? Math.max(...rows.map((r) => r.month)) : 0;
  for (let m = 1; m <= last; m++) {
    const spentYuan = [...bySub.values()].reduce((s, list) => s + (list.filter((r) => r.month <= m).at(-1)?.spentYuan ?? 0), 0);
    months.push({ month: m, spentYuan, status: budgetStatus({ budgetYuan: budgetYuan ?? 0, spentYuan, asOfMonth: m }) });
  }
  return { months, bySub };
}

/**
 * The given projects' spending to date at a month, in one query (not one per project): the sum
 * of each one's second-level projects' latest figures up to the month. The caller has the
 * projects already (a department's handful); the city's total is spentByDepartment's.
 */
export async function spentByProject(year: number, month: number, projectIds: number[]): Promise<Map<number, number>> {
  const rows = await prisma.budgetExecution.findMany({
    where: { year, month: { lte: month }, subProjectId: { not: null }, projectId: { in: projectIds } },
    orderBy: { month: "asc" },
    select: { projectId: true, subProjectId: true, spentYuan: true },
  });
  const latest = new Map<number, Map<number, number>>(); // project → second-level project → spent
  for (const r of rows) {
    const subs = latest.get(r.projectId) ?? new Map<number, number>();
    subs.set(r.subProjectId as number, r.spentYuan);
    latest.set(r.projectId, subs);
  }
  return new Map([...latest].map(([p, subs]) => [p, [...subs.values()].reduce((s, v) => s + v, 0)]));
}

/**
 * Every department's spending to date at a month, summed in the database (a city has hundreds of
 * thousands of monthly figures): per second-level project its latest figure up to the month, as
 * spentByProject, added up by the projects' department (projects in use, as the budgets counted).
 * `only`: those departments' (a summary rebuild's few).
 */
export async function spentByDepartment(year: number, month: number, only?: number[]): Promise<Map<number, number>> {
  if (only?.length === 0) return new Map();
  const rows = await prisma.$queryRaw<{ departmentId: number; spent: number | bigint | null }[]>`
    SELECT p."departmentId" AS "departmentId", SUM(b."spentYuan") AS "spent"
    FROM "BudgetExecution" b JOIN "Project" p ON p."id" = b."projectId"
    WHERE b."year" = ${year} AND b."subProjectId" IS NOT NULL AND p."retiredAt" IS NULL${only ? Prisma.sql` AND p."departmentId" IN (${Prisma.join(only)})` : Prisma.empty}
      AND b."month" = (SELECT MAX(l."month") FROM "BudgetExecution" l
                       WHERE l."projectId" = b."projectId" AND l."subProjectId" = b."subProjectId" AND l."year" = b."year" AND l."month" <= ${month})
    GROUP BY p."departmentId"`;
  return new Map(rows.map((r) => [Number(r.departmentId), Number(r.spent ?? 0)]));
}
