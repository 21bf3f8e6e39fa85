import "server-only";
import type { z } from "zod";
import { prisma } from "../db/prisma";
import { groupedTransaction, type Tx } from "../db/writer";
import { insertAudit } from "../db/hot-statements";
import type { CurrentUser, Role } from "../auth";
import { fieldErrors } from "../validations";
import { touchSummaries } from "../reporting";
import { AppError, asResult, type ActionError, type ActionResult } from "./errors";

export { AppError, asResult, type ActionError, type ActionResult, type Message } from "./errors";
/** The former name of AppError, kept so callers keep compiling. */
export const DomainError = AppError;

export type Audit = { action: string; entity: string; entityId: string; before: unknown; after: unknown };

/** The caller when known (API token, CLI), else the session's. next-auth is loaded only for the latter, so the CLI never loads it. */
export async function resolveUser(user: CurrentUser | null | undefined): Promise<CurrentUser | null> {
  return user === undefined ? (await import("../auth/session")).currentUser() : user;
}

/**
 * Every mutation goes through here: parse input, require a user with one of the roles, run the
 * optional `prepare` step (outside the transaction), then the domain function in a transaction
 * and its audit row in that same transaction.
 */
export async function mutate<S extends z.ZodType, T, P = undefined>(opts: {
  input: unknown;
  schema: S;
  roles: Role[];
  /** The caller when it is known already (API token); otherwise the session's user. */
  user?: CurrentUser | null;
  /**
   * Optional reads and checks before the transaction, outside its isolation; their result is
   * passed to `run`. On SQLite every transaction waits for the one before it (one connection,
   * the driver adapter's mutex), so what runs here is off that critical section. Only for what
   * needs no transactional consistency with run's writes; an AppError thrown here is returned
   * like one thrown by run.
   */
  prepare?: (user: CurrentUser, input: z.infer<S>) => Promise<P>;
  /** One audit row, or several where one change touches many rows (each in the same transaction). */
  run: (tx: Tx, user: CurrentUser, input: z.infer<S>, prepared: P) => Promise<{ data: T; audit: Audit | Audit[] }>;
  /** The transaction's time limit in ms, for the few writes bigger than Prisma's default 5 s allows (a whole department's tables). */
  timeout?: number;
  /**
   * Group commit (lib/db/writer.ts): on SQLite the transaction is shared with the other grouped
   * writes waiting at that moment, `run` and its audit row in a savepoint of their own. For
   * short writes on the hot path (report submission and review).
   */
  grouped?: boolean;
}): Promise<ActionResult<T>> {
  const parsed = opts.schema.safeParse(opts.input);
  if (!parsed.success) {
    return { error: { code: "invalid", message: { zh: "输入有误，请检查标出的字段", en: "Please check the marked fields" }, fields: fieldErrors(parsed.error.issues) } };
  }
  const user = await resolveUser(opts.user);
  if (!user) return { error: { code: "unauthenticated", message: { zh: "请先登录", en: "Please sign in" } } };
  if (!opts.roles.includes(user.role)) return { error: { code: "forbidden", message: { zh: "无权执行此操作", en: "You may not do this" } } };
  try {
    const prepared = (opts.prepare ? await opts.prepare(user, parsed.data) : undefined) as P;
    const done = await audited({ userId: user.id, departmentId: user.departmentId, timeout: opts.timeout, grouped: opts.grouped }, (tx) => opts.run(tx, user, parsed.data, prepared));
    return "error" in done ? done : { data: done.data };
  } catch (e) {
    return asResult(e);
  }
}

/**
 * mutate's write, for the callers that checked the input and the caller themselves (the CLI acting
 * as an account it chose, or as the installation: userId null): `run` and its audit rows in one
 * transaction, the department's city roll-up marked out of date, an AppError (or a unique index's
 * refusal) returned as an ActionResult error and everything rolled back. Returns the audit rows' ids
 * when asked (`ids: true`; otherwise single rows take the hot path's insert, which returns none).
 */
export async function audited<T>(
  opts: { userId: number | null; departmentId: number | null; timeout?: number; grouped?: boolean; ids?: boolean; conflict?: ActionError },
  run: (tx: Tx) => Promise<{ data: T; audit: Audit | Audit[] }>,
): Promise<{ data: T; auditIds: number[] } | { error: ActionError }> {
  const body = async (tx: Tx) => {
    const { data, audit } = await run(tx);
    const auditIds: number[] = [];
    for (const a of Array.isArray(audit) ? audit : [audit]) {
      const row = {
        userId: opts.userId,
        action: a.action,
        entity: a.entity,
        entityId: a.entityId,
        before: a.before === undefined ? null : JSON.stringify(a.before),
        after: a.after === undefined ? null : JSON.stringify(a.after),
      };
      if (opts.ids || row.userId == null) auditIds.push((await tx.auditLog.create({ data: row, select: { id: true } })).id);
      else await insertAudit(tx, { ...row, userId: row.userId });
    }
    // Whatever changed in the department, its city roll-up lines are out of date (decision 012). Last, so its lock is held only through the commit.
    if (opts.departmentId != null) await touchSummaries(tx, opts.departmentId);
    return { data, auditIds };
  };
  try {
    return await (opts.grouped ? groupedTransaction(body) : prisma.$transaction(body, opts.timeout ? { timeout: opts.timeout, maxWait: 10_000 } : undefined));
  } catch (e) {
    return asResult(e, opts.conflict);
  }
}
