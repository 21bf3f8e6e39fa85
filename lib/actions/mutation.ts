import "server-only";
import type { z } from "zod";
import { prisma } from "../db/prisma";
import { groupedTransaction } from "../db/writer";
import { insertAudit } from "../db/hot-statements";
import type { CurrentUser, Role } from "../auth";
import { fieldErrors } from "../validations/params";
import { touchSummaries } from "../reporting/summaries";

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];
export type Message = { zh: string; en: string };
export type ActionError = {
  code: "invalid" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "period_closed" | "locked";
  message: Message;
  fields?: Record<string, string[]>;
};
export type ActionResult<T> = { data: T } | { error: ActionError };

export class DomainError extends Error {
  constructor(public readonly error: ActionError) {
    super(error.message.en);
  }
}

type Audit = { action: string; entity: string; entityId: string; before: unknown; after: unknown };

/** The caller when known (API token, CLI), else the session's. next-auth is loaded only for the latter, so the CLI never loads it. */
export async function resolveUser(user: CurrentUser | null | undefined): Promise<CurrentUser | null> {
  return user === undefined ? (await import("../auth")).currentUser() : user;
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
   * needs no transactional consistency with run's writes; a DomainError thrown here is returned
   * like one thrown by run.
   */
  prepare?: (user: CurrentUser, input: z.infer<S>) => Promise<P>;
  run: (tx: Tx, user: CurrentUser, input: z.infer<S>, prepared: P) => Promise<{ data: T; audit: Audit }>;
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
    const body = async (tx: Tx) => {
      const { data, audit } = await opts.run(tx, user, parsed.data, prepared);
      await insertAudit(tx, {
        userId: user.id,
        action: audit.action,
        entity: audit.entity,
        entityId: audit.entityId,
        before: audit.before === undefined ? null : JSON.stringify(audit.before),
        after: audit.after === undefined ? null : JSON.stringify(audit.after),
      });
      // Whatever changed in the department, its city roll-up lines are out of date (decision 012). Last, so its lock is held only through the commit.
      if (user.departmentId != null) await touchSummaries(tx, user.departmentId);
      return { data };
    };
    return await (opts.grouped ? groupedTransaction(body) : prisma.$transaction(body, opts.timeout ? { timeout: opts.timeout, maxWait: 10_000 } : undefined));
  } catch (e) {
    if (e instanceof DomainError) return { error: e.error };
    // A unique index refusing a second insert is a concurrent edit of the same thing.
    if (typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002")
      return { error: { code: "conflict", message: { zh: "该记录刚被他人修改，请刷新后重试", en: "Someone else changed this just now; reload and try again" } } };
    throw e;
  }
}
