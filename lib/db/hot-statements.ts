import "server-only";
import type Database from "better-sqlite3";
import type { Report } from "./generated/sqlite/client";
import { prisma, sqliteConnection } from "./prisma";
import type { Tx } from "./writer";
import { asCurrentUser, type CurrentUser, departmentOf, indicatorScope, writableOrgs } from "../auth";

// The statements of a report submission (docs/decisions/013-write-path.md), each in one
// function for both engines. On SQLite they are prepared once and run with better-sqlite3 on
// Prisma's own connection (so inside a transaction Prisma has open there, they are part of it):
// Prisma's ~0.3–0.4 ms per statement was most of a submission's time on the server's one
// thread. On PostgreSQL (and on SQLite before Prisma's first query opened the connection) they
// are the Prisma queries they replace. What they return is what Prisma would: Report rows with
// booleans and Dates.

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function stmt(conn: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(conn);
  if (!cache) statements.set(conn, (cache = new Map<string, Database.Statement>()));
  let s = cache.get(sql);
  if (!s) {
    // The adapter turns on safe integers for the connection; these rows hold ordinary numbers.
    s = conn.prepare(sql).safeIntegers(false);
    cache.set(sql, s);
  }
  return s;
}

/** How Prisma's SQLite adapter stores a DateTime (iso8601 with an explicit offset). */
const stored = (d: Date) => d.toISOString().replace("Z", "+00:00");
const dateOrNull = (v: unknown) => (v == null ? null : new Date(v as string));

function asReport(r: Record<string, unknown>): Report {
  return {
    ...r,
    current: r.current === 1,
    submittedAt: dateOrNull(r.submittedAt),
    reviewedAt: dateOrNull(r.reviewedAt),
    createdAt: new Date(r.createdAt as string),
    updatedAt: new Date(r.updatedAt as string),
  } as Report;
}

const hot = () => sqliteConnection(prisma);

export type WritableIndicator = {
  id: number;
  aggregation: string;
  level3: string;
  targetText: string;
  targetKind: string;
  targetComparator: string | null;
  targetValue: number | null;
  targetValueHigh: number | null;
  targetUnit: string | null;
  targetDirection: string | null;
  accumulation: string | null;
  targetOverride: string | null;
  revisedTargetText: string | null;
  /** How many offices share the indicator (an office's share of the target). */
  orgCount: number;
};

/**
 * The indicator `me` may report on for `organizationId` in `year`: in the user's department, one
 * of the user's offices responsible for it, not retired. Null when there is none.
 */
export async function writableIndicator(me: CurrentUser, indicatorId: number, organizationId: number, year: number): Promise<WritableIndicator | null> {
  const mine = writableOrgs(me).filter((o) => o === organizationId);
  if (!mine.length) return null;
  const conn = hot();
  if (conn) {
    const department = departmentOf(me);
    const row = stmt(
      conn,
      `SELECT i."id", i."aggregation", i."level3", i."targetText", i."targetKind", i."targetComparator", i."targetValue", i."targetValueHigh",
         i."targetUnit", i."targetDirection", i."accumulation", i."targetOverride", i."revisedTargetText",
         (SELECT COUNT(*) FROM "IndicatorOrg" c WHERE c."indicatorId" = i."id") AS "orgCount"
       FROM "Indicator" i JOIN "Goal" g ON g."id" = i."goalId"
       WHERE i."id" = ? AND i."year" = ? AND i."retiredAt" IS NULL AND (? IS NULL OR g."departmentId" = ?)
         AND EXISTS (SELECT 1 FROM "IndicatorOrg" io WHERE io."indicatorId" = i."id" AND io."organizationId" = ?)`,
    ).get(indicatorId, year, department, department, mine[0]) as WritableIndicator | undefined;
    return row ?? null;
  }
  const ind = await prisma.indicator.findFirst({
    where: { id: indicatorId, year, retiredAt: null, ...indicatorScope(me), orgs: { some: { organizationId: { in: mine } } } },
    // Not `_count`: Prisma makes that a LEFT JOIN on a GROUP BY over every IndicatorOrg row.
    include: { orgs: { select: { organizationId: true } } },
  });
  if (!ind) return null;
  const { orgs, ...rest } = ind;
  return { ...rest, orgCount: orgs.length };
}

/** The reporting period's row (deadline, closed, reopened), or null when it has none. */
export async function periodRow(year: number, month: number): Promise<{ deadline: Date; closed: boolean; reopened: boolean } | null> {
  const conn = hot();
  if (!conn) return prisma.period.findUnique({ where: { year_month: { year, month } }, select: { deadline: true, closed: true, reopened: true } });
  const p = stmt(conn, `SELECT "deadline", "closed", "reopened" FROM "Period" WHERE "year" = ? AND "month" = ?`).get(year, month) as { deadline: string; closed: number; reopened: number } | undefined;
  return p ? { deadline: new Date(p.deadline), closed: p.closed === 1, reopened: p.reopened === 1 } : null;
}

/** An office's current reports on an indicator for the year's months up to `month`, in month order. */
export async function currentReports(tx: Tx, indicatorId: number, organizationId: number, year: number, month: number): Promise<Report[]> {
  const conn = hot();
  if (!conn)
    return tx.report.findMany({ where: { indicatorId, organizationId, year, month: { lte: month }, current: true }, orderBy: { month: "asc" } });
  const rows = stmt(conn, `SELECT * FROM "Report" WHERE "indicatorId" = ? AND "organizationId" = ? AND "year" = ? AND "month" <= ? AND "current" = 1 ORDER BY "month"`).all(indicatorId, organizationId, year, month);
  return (rows as Record<string, unknown>[]).map(asReport);
}

type NewReport = Omit<Report, "id" | "current" | "version" | "reviewComment" | "reviewedById" | "reviewedAt" | "createdAt" | "updatedAt">;

/** Inserts a report (current, version 1) and returns the stored row. */
export async function insertReport(tx: Tx, data: NewReport, now = new Date()): Promise<Report> {
  const conn = hot();
  if (!conn) return tx.report.create({ data: { ...data, createdAt: now, updatedAt: now } });
  const cols = Object.keys(data) as (keyof NewReport)[];
  const values = cols.map((c) => (data[c] instanceof Date ? stored(data[c]) : data[c]));
  const row = stmt(conn, `INSERT INTO "Report" (${cols.map((c) => `"${c}"`).join(", ")}, "createdAt", "updatedAt") VALUES (${cols.map(() => "?").join(", ")}, ?, ?) RETURNING *`).get(...values, stored(now), stored(now));
  return asReport(row as Record<string, unknown>);
}

export type AuditRow = { userId: number; action: string; entity: string; entityId: string; before: string | null; after: string | null };

/** The audit row of a mutation, in its transaction. */
export async function insertAudit(tx: Tx, row: AuditRow, at = new Date()): Promise<void> {
  const conn = hot();
  if (!conn) {
    await tx.auditLog.create({ data: { ...row, at } });
    return;
  }
  stmt(conn, `INSERT INTO "AuditLog" ("at", "userId", "action", "entity", "entityId", "before", "after") VALUES (?, ?, ?, ?, ?, ?, ?)`).run(stored(at), row.userId, row.action, row.entity, row.entityId, row.before, row.after);
}

/** Adds one to a department's summary-version shard (lib/reporting/summaries.ts), in the write's transaction. */
export async function bumpSummaryVersion(tx: Pick<Tx, "$executeRaw">, departmentId: number, shard: number): Promise<void> {
  const conn = hot();
  if (!conn) {
    await tx.$executeRaw`INSERT INTO "SummaryVersion" ("departmentId", "shard", "version") VALUES (${departmentId}, ${shard}, 1)
      ON CONFLICT ("departmentId", "shard") DO UPDATE SET "version" = "SummaryVersion"."version" + 1`;
    return;
  }
  stmt(conn, `INSERT INTO "SummaryVersion" ("departmentId", "shard", "version") VALUES (?, ?, 1)
    ON CONFLICT ("departmentId", "shard") DO UPDATE SET "version" = "SummaryVersion"."version" + 1`).run(departmentId, shard);
}

/** The enabled account an API token (its sha256) belongs to, with its offices; null when none. */
export async function userByTokenHash(apiTokenHash: string): Promise<CurrentUser | null> {
  const conn = hot();
  if (!conn) {
    const user = await prisma.user.findUnique({ where: { apiTokenHash }, include: { orgs: true } });
    return user && !user.disabled ? asCurrentUser(user) : null;
  }
  const u = stmt(conn, `SELECT "id", "name", "username", "role", "departmentId", "disabled" FROM "User" WHERE "apiTokenHash" = ?`).get(apiTokenHash) as
    | { id: number; name: string; username: string; role: string; departmentId: number | null; disabled: number }
    | undefined;
  if (!u || u.disabled) return null;
  const orgs = stmt(conn, `SELECT "organizationId" FROM "UserOrg" WHERE "userId" = ? ORDER BY "organizationId"`).all(u.id) as { organizationId: number }[];
  return asCurrentUser({ ...u, orgs });
}
