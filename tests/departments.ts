// A second department beside the seeded one, for department-scoping tests. Each test file that
// makes it must `drop()` it afterwards: the other files expect the one seeded department.
import { prisma } from "../lib/db/prisma";
import { asCurrentUser, type CurrentUser, type Role } from "../lib/auth/user";

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
  drop: () => Promise<void>;
};

const indicator = (goalId: number, tableNo: string, n: number) => ({
  goalId, year: 2024, tableNo, term: "annual", sortOrder: n, level1: "产出指标", level2: "数量指标",
  level3: `其他部门指标${n}`, namePrinted: `其他部门指标${n}（测试处）`, officeText: "测试处",
  targetText: "≥100人", targetKind: "quantitative", targetComparator: ">=", targetValue: 100, targetUnit: "人", targetDirection: "positive", accumulation: "cumulative",
});

export async function otherDepartment(code = "599"): Promise<OtherDepartment> {
  const dept = await prisma.department.create({ data: { code, name: `测试部门${code}` } });
  await prisma.departmentProfile.create({ data: { departmentId: dept.id, year: 2024, detailJson: "{}", overview: "另一个部门" } });
  const org = await prisma.organization.create({ data: { departmentId: dept.id, code: `${code}001`, name: `测试部门${code}测试处`, shortName: "测试处", kind: "division", sortOrder: 1 } });
  const projectCode = `4201002250${code}0000000001`.slice(0, 21).padEnd(21, "9");
  const project = await prisma.project.create({ data: { departmentId: dept.id, year: 2024, code: projectCode, name: "其他部门项目", tableNo: "12-1", sortOrder: 1, detailJson: "{}", amountsJson: "{}", currentBudgetYuan: 1_000_000 } });
  const goal = await prisma.goal.create({ data: { departmentId: dept.id, projectId: project.id, year: 2024, tableNo: "12-1", term: "annual", text: "其他部门项目目标", sortOrder: 1 } });
  const deptGoal = await prisma.goal.create({ data: { departmentId: dept.id, year: 2024, tableNo: "11", term: "annual", goalNo: 1, text: "其他部门年度目标", sortOrder: 1 } });
  const ind = await prisma.indicator.create({ data: indicator(goal.id, "12-1", 1) });
  const deptInd = await prisma.indicator.create({ data: indicator(deptGoal.id, "11", 2) });
  await prisma.indicatorOrg.createMany({ data: [ind.id, deptInd.id].map((indicatorId) => ({ indicatorId, organizationId: org.id, role: "lead" })) });
  const users = {} as OtherDepartment["users"];
  for (const role of ["admin", "manager", "evaluator", "reporter"] as const satisfies Role[]) {
    const u = await prisma.user.create({
      data: { username: `d${code}-${role}`, name: `测试部门${code} ${role}`, passwordHash: "x", role, departmentId: dept.id, orgs: role === "reporter" ? { create: { organizationId: org.id } } : undefined },
      include: { orgs: true },
    });
    users[role] = asCurrentUser(u);
  }
  const report = await prisma.report.create({
    data: { indicatorId: ind.id, organizationId: org.id, year: 2024, month: 1, valueText: "10人", value: 10, status: "submitted", submittedAt: new Date(), createdById: users.reporter.id, updatedById: users.reporter.id },
  });
  const drop = async () => {
    const ids = Object.values(users).map((u) => u.id);
    const indicatorIds = (await prisma.indicator.findMany({ where: { goal: { departmentId: dept.id } }, select: { id: true } })).map((i) => i.id);
    await prisma.$transaction([
      prisma.evidence.deleteMany({ where: { report: { indicatorId: { in: indicatorIds } } } }),
      prisma.report.deleteMany({ where: { indicatorId: { in: indicatorIds } } }),
      prisma.targetRevision.deleteMany({ where: { indicatorId: { in: indicatorIds } } }),
      prisma.indicatorOrg.deleteMany({ where: { indicatorId: { in: indicatorIds } } }),
      prisma.indicatorValue.deleteMany({ where: { indicatorId: { in: indicatorIds } } }),
      prisma.indicator.deleteMany({ where: { id: { in: indicatorIds } } }),
      prisma.goal.deleteMany({ where: { departmentId: dept.id } }),
      prisma.subProject.deleteMany({ where: { project: { departmentId: dept.id } } }),
      prisma.budgetExecution.deleteMany({ where: { projectId: project.id } }),
      prisma.project.deleteMany({ where: { departmentId: dept.id } }),
      prisma.evaluationVersion.deleteMany({ where: { departmentId: dept.id } }),
      prisma.evaluation.deleteMany({ where: { departmentId: dept.id } }),
      prisma.userOrg.deleteMany({ where: { userId: { in: ids } } }),
      prisma.auditLog.deleteMany({ where: { userId: { in: ids } } }),
      prisma.user.deleteMany({ where: { departmentId: dept.id } }),
      prisma.orgAlias.deleteMany({ where: { organization: { departmentId: dept.id } } }),
      prisma.organization.deleteMany({ where: { departmentId: dept.id } }),
      prisma.departmentProfile.deleteMany({ where: { departmentId: dept.id } }),
      prisma.departmentSummary.deleteMany({ where: { departmentId: dept.id } }),
      prisma.summaryVersion.deleteMany({ where: { departmentId: dept.id } }),
      prisma.department.delete({ where: { id: dept.id } }),
    ]);
  };
  return { id: dept.id, code, orgId: org.id, projectId: project.id, projectCode, goalId: goal.id, deptGoalId: deptGoal.id, deptIndicatorId: deptInd.id, indicatorId: ind.id, reportId: report.id, users, drop };
}
