import "server-only";
import { DomainError, mutate } from "../actions";
import { subProjectWriteScope, type CurrentUser } from "../auth";
import { spendingInput } from "../validations";
import { rolesFor } from "../access";

// Budget execution (双监控): each second-level project's spending to date per month; a project's
// execution is the sum of its second-level projects' latest figures, judged against time progress.

export function recordSpending(input: unknown, user?: CurrentUser | null) {
  return mutate({
    input,
    schema: spendingInput,
    roles: rolesFor("budget.write"),
    user,
    run: async (tx, me, i) => {
      const sub = await tx.subProject.findFirst({ where: { id: i.subProjectId, ...subProjectWriteScope(me) }, include: { project: true } });
      if (!sub) throw new DomainError({ code: "forbidden", message: { zh: "不能填报该二级项目的执行数", en: "You may not record spending for this project" } });
      const spentYuan = Math.round(Number(i.spentWan) * 10000);
      if (spentYuan > sub.totalYuan * 3)
        throw new DomainError({ code: "invalid", message: { zh: `执行数 ${i.spentWan}万元 远超该项目预算，请核对`, en: `Spending ${i.spentWan} 万元 is far above the budget; check it` }, fields: { spentWan: ["超出预算三倍 / Over 3× the budget"] } });
      const rows = await tx.budgetExecution.findMany({ where: { subProjectId: sub.id, year: i.year }, orderBy: { month: "asc" } });
      const earlier = rows.filter((r) => r.month < i.month).at(-1);
      const later = rows.find((r) => r.month > i.month);
      if ((earlier && spentYuan < earlier.spentYuan) || (later && spentYuan > later.spentYuan))
        throw new DomainError({ code: "invalid", message: { zh: "累计执行数不能少于之前月份、也不能多于之后月份", en: "Spending to date cannot fall below an earlier month's or exceed a later month's" }, fields: { spentWan: ["累计数不连续 / Not cumulative"] } });
      const existing = rows.find((r) => r.month === i.month);
      const stale = new DomainError({ code: "conflict", message: { zh: "该执行数已被他人修改，请刷新后重试", en: "Someone else changed this figure; reload and try again" } });
      let saved;
      if (!existing) {
        if (i.expectedVersion !== 0) throw stale;
        saved = await tx.budgetExecution.create({ data: { projectId: sub.projectId, subProjectId: sub.id, year: i.year, month: i.month, spentYuan, note: i.note ?? null, updatedById: me.id } });
      } else {
        const u = await tx.budgetExecution.updateMany({ where: { id: existing.id, version: i.expectedVersion }, data: { spentYuan, note: i.note ?? null, updatedById: me.id, version: { increment: 1 } } });
        if (u.count !== 1) throw stale;
        saved = await tx.budgetExecution.findUniqueOrThrow({ where: { id: existing.id } });
      }
      return { data: saved, audit: { action: "budget.record", entity: "Project", entityId: sub.project.code, before: existing ?? null, after: saved } };
    },
  });
}

export { projectExecution, type MonthExecution } from "./execution";
