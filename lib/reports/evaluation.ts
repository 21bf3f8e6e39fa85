import "server-only";
import { prisma } from "../db/prisma";
import { DomainError, mutate, resolveUser, type ActionResult } from "../actions";
import type { CurrentUser } from "../auth";
import { ownDepartment as deptOf } from "../auth";
import { finaliseInput, saveEvaluationInput } from "../validations";
import { selfEvaluation, type SelfEvaluation } from "./self-eval";
import { decodeEvaluationSettings } from "./evaluation-row";
import { can, rolesFor } from "../access";

// The evaluator's side of the self-evaluation: settings (weights, tiers, adjustments, rows not
// applicable) saved with optimistic versions, and finalising: a frozen snapshot numbered 1, 2, …
// that later edits to reports or settings never change. Only evaluators and admins score.

async function scopeExists(departmentId: number, year: number, scope: string): Promise<boolean> {
  if (scope === "department") return (await prisma.goal.count({ where: { departmentId, year, tableNo: "11", projectId: null } })) > 0;
  const code = scope.slice("project:".length);
  return (await prisma.project.count({ where: { departmentId, year, code } })) > 0;
}


const notFound = () => new DomainError({ code: "not_found", message: { zh: "没有这个评价对象", en: "No such project or department form" } });

/** Save the evaluator's settings; a stale expectedVersion (someone saved in between) is a conflict. */
export async function saveEvaluation(input: unknown, user?: CurrentUser | null): Promise<ActionResult<{ version: number }>> {
  return mutate({
    input,
    schema: saveEvaluationInput,
    roles: rolesFor("evaluation.score"),
    user,
    run: async (tx, _u, i) => {
      const departmentId = deptOf(_u);
      if (!(await scopeExists(departmentId, i.year, i.scope))) throw notFound();
      const before = await tx.evaluation.findUnique({ where: { departmentId_year_scope: { departmentId, year: i.year, scope: i.scope } } });
      if ((before?.version ?? 0) !== i.expectedVersion)
        throw new DomainError({ code: "conflict", message: { zh: "评分设置刚被他人修改，请刷新后重试", en: "Someone else changed these settings just now; reload and try again" } });
      const settingsJson = JSON.stringify(i.settings);
      const saved = before
        ? await tx.evaluation.update({ where: { id: before.id, version: before.version }, data: { settingsJson, version: { increment: 1 }, updatedById: _u.id } })
        : await tx.evaluation.create({ data: { departmentId, year: i.year, scope: i.scope, settingsJson, updatedById: _u.id } });
      return {
        data: { version: saved.version },
        audit: { action: "evaluation.save", entity: "Evaluation", entityId: `${i.year}/${i.scope}`, before: before ? decodeEvaluationSettings(before.settingsJson) : null, after: i.settings },
      };
    },
  });
}

/**
 * Finalise: freeze the form as computed now into a new numbered version. Refused while the form
 * has errors (weights that do not add up, shortfalls without reasons, rows the evaluator must
 * still score): a finalised form is what goes to the finance bureau.
 */
export async function finaliseEvaluation(input: unknown, user?: CurrentUser | null): Promise<ActionResult<{ number: number }>> {
  const parsed = finaliseInput.safeParse(input);
  const me = await resolveUser(user);
  // Computed before the transaction: the form reads many tables, and the snapshot is "as of now".
  const form = parsed.success && me && can(me.role, "evaluation.score") ? await selfEvaluation(deptOf(me), parsed.data.scope, parsed.data.year) : null;
  return mutate({
    input,
    schema: finaliseInput,
    roles: rolesFor("evaluation.score"),
    user: me,
    run: async (tx, u, i) => {
      const departmentId = deptOf(u);
      if (!form) throw notFound();
      if (form.errors.length > 0)
        throw new DomainError({
          code: "invalid",
          message: { zh: `还有 ${form.errors.length} 个问题未解决，不能定稿：${form.errors[0].zh}`, en: `${form.errors.length} problem(s) left, cannot finalise: ${form.errors[0].en}` },
        });
      const last = await tx.evaluationVersion.findFirst({ where: { departmentId, year: i.year, scope: i.scope }, orderBy: { number: "desc" } });
      const number = (last?.number ?? 0) + 1;
      const frozen: SelfEvaluation = { ...form, frozen: { number, finalisedAt: new Date().toISOString(), finalisedBy: u.name, note: i.note ?? null } };
      await tx.evaluationVersion.create({ data: { departmentId, year: i.year, scope: i.scope, number, dataJson: JSON.stringify(frozen), note: i.note ?? null, finalisedById: u.id } });
      return {
        data: { number },
        audit: { action: "evaluation.finalise", entity: "EvaluationVersion", entityId: `${i.year}/${i.scope}/${number}`, before: null, after: { number, total: form.total, grade: form.grade, note: i.note ?? null } },
      };
    },
  });
}

export type VersionInfo = { number: number; finalisedAt: Date; finalisedBy: string; note: string | null; total: number; grade: string };

/** Finalised versions of a form, newest first. */
export async function evaluationVersions(departmentId: number, year: number, scope: string): Promise<VersionInfo[]> {
  const rows = await prisma.evaluationVersion.findMany({ where: { departmentId, year, scope }, orderBy: { number: "desc" } });
  const users = new Map((await prisma.user.findMany({ where: { id: { in: rows.map((r) => r.finalisedById) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return rows.map((r) => {
    const d = JSON.parse(r.dataJson) as SelfEvaluation;
    return { number: r.number, finalisedAt: r.finalisedAt, finalisedBy: users.get(r.finalisedById) ?? "", note: r.note, total: d.total, grade: d.grade };
  });
}

/** The newest finalised version of every form of a year, by scope. */
export async function latestVersions(departmentId: number, year: number): Promise<Map<string, { number: number; total: number; grade: string }>> {
  const rows = await prisma.evaluationVersion.findMany({ where: { departmentId, year }, orderBy: { number: "asc" } });
  const out = new Map<string, { number: number; total: number; grade: string }>();
  for (const r of rows) {
    const d = JSON.parse(r.dataJson) as SelfEvaluation;
    out.set(r.scope, { number: r.number, total: d.total, grade: d.grade });
  }
  return out;
}
