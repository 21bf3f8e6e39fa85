// A second department beside the seeded one, for department-scoping tests, built with the factory
// (prisma/seed/factories.ts). Each test file that makes it must `drop()` it afterwards: the other
// files expect the one seeded department.
import { prisma } from "../lib/db/prisma";
import type { CurrentUser, Role } from "../lib/auth/user";
import { factory, type Factory } from "../prisma/seed/factories";

export type OtherDepartment = {
  id: number;
  code: string;
  orgId: number;
  projectId: number;
  projectCode: string;
  goalId: number;
  /** 表11 (no project) annual goal and indicator, and the project's annual indicator. */
  deptGoalId: number;
  deptIndicatorId: number;
  indicatorId: number;
  reportId: number;
  users: Record<"admin" | "manager" | "evaluator" | "reporter", CurrentUser>;
  /** The factory that built it: more rows in it go with it on drop(). */
  build: Factory;
  drop: () => Promise<void>;
};

/** The parse written as such (not re-parsed), so the rows stay what the tests were written against. */
const TARGET = { targetText: "≥100人", targetKind: "quantitative", targetComparator: ">=", targetValue: 100, targetUnit: "人", targetDirection: "positive", accumulation: "cumulative" };

export async function otherDepartment(code = "599"): Promise<OtherDepartment> {
  const f = factory(prisma);
  const dept = await f.department({ code, profileYear: 2024, overview: "另一个部门" });
  const org = await f.office({ departmentId: dept.id, code: `${code}001`, name: `测试部门${code}测试处`, shortName: "测试处", sortOrder: 1 });
  const projectCode = `4201002250${code}0000000001`.slice(0, 21).padEnd(21, "9");
  const project = await f.project({ departmentId: dept.id, code: projectCode, name: "其他部门项目", sortOrder: 1, currentBudgetYuan: 1_000_000 });
  const goal = await f.goal({ departmentId: dept.id, project, text: "其他部门项目目标", sortOrder: 1 });
  const deptGoal = await f.goal({ departmentId: dept.id, goalNo: 1, text: "其他部门年度目标", sortOrder: 1 });
  const indicator = (g: typeof goal, n: number) =>
    f.indicator({ goal: g, sortOrder: n, level3: `其他部门指标${n}`, namePrinted: `其他部门指标${n}（测试处）`, officeText: "测试处", ...TARGET, orgs: [org.id] });
  const ind = await indicator(goal, 1);
  const deptInd = await indicator(deptGoal, 2);
  const users = {} as OtherDepartment["users"];
  for (const role of ["admin", "manager", "evaluator", "reporter"] as const satisfies Role[])
    users[role] = await f.user({ username: `d${code}-${role}`, name: `测试部门${code} ${role}`, role, departmentId: dept.id, orgIds: role === "reporter" ? [org.id] : [] });
  const report = await f.report({ indicatorId: ind.id, organizationId: org.id, by: users.reporter.id, valueText: "10人", value: 10, status: "submitted", submittedAt: new Date() });
  return { id: dept.id, code, orgId: org.id, projectId: project.id, projectCode, goalId: goal.id, deptGoalId: deptGoal.id, deptIndicatorId: deptInd.id, indicatorId: ind.id, reportId: report.id, users, build: f, drop: () => f.drop() };
}
