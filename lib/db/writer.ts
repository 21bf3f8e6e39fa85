// The write transaction of the hot write path (docs/decisions/013-write-path.md): on SQLite,
// group commit; on PostgreSQL, a transaction of its own (the server commits concurrent
// transactions in parallel and groups their WAL flushes itself).
import { groupCommitter } from "./group-commit";
import { isSqlite, prisma, sqliteConnection, statsPeriod, type Db } from "./prisma";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * A batch of 256 waits for the adapter's lock and may take a while to write; on PostgreSQL a burst
 * waits for a pooled connection. The defaults (2 s to start, 5 s to finish) would answer 500 under
 * a burst that only needs to queue.
 */
const LIMITS = { maxWait: 30_000, timeout: 60_000 };

/** One writer per client and process, on the global object: Next bundles this module into several chunks (lib/db/prisma.ts). */
const committers: WeakMap<Db, ReturnType<typeof groupCommitter<Tx>>> = ((globalThis as unknown as { jixiaoCommitters?: WeakMap<Db, ReturnType<typeof groupCommitter<Tx>>> }).jixiaoCommitters ??= new WeakMap());

function committerOf(db: Db) {
  let c = committers.get(db);
  if (!c) {
    c = groupCommitter<Tx>({
      transaction: (body) => db.$transaction(body, LIMITS),
      // On the connection Prisma's transaction is open on (one connection: same transaction).
      savepoint: (_tx, step) => {
        const conn = sqliteConnection(db);
        if (!conn) throw new Error("group commit: no SQLite connection inside a transaction");
        conn.exec(step === "begin" ? "SAVEPOINT unit" : step === "release" ? "RELEASE unit" : "ROLLBACK TO unit; RELEASE unit");
      },
    });
    committers.set(db, c);
    if (process.env.JIXIAO_SQL_STATS) {
      let last = { batches: 0, units: 0 };
      const stats = c.stats;
      setInterval(() => {
        const now = stats();
        if (now.batches !== last.batches) console.log(`[group commit] ${now.batches - last.batches} batches, ${now.units - last.units} writes`);
        last = now;
      }, statsPeriod()).unref();
    }
  }
  return c;
}

/**
 * Runs `body` in a write transaction and resolves after its commit. On SQLite the transaction is
 * shared with every other grouped write waiting at that moment (one commit, one fsync, each body
 * in its own savepoint: a body that throws is rolled back alone and rethrows to its caller).
 */
export function groupedTransaction<T>(body: (tx: Tx) => Promise<T>, db: Db = prisma): Promise<T> {
  return isSqlite(db) ? committerOf(db).submit(body) : db.$transaction(body, LIMITS);
}

export function groupCommitStats(db: Db = prisma) {
  return committers.get(db)?.stats() ?? null;
}
