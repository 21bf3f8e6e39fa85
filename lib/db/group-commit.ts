// Group commit (docs/decisions/013-write-path.md). No framework or database imports: the
// transaction and the savepoint statements are passed in, so this is tested with real SQLite
// and used by lib/db/writer.ts.

type Pending<Tx> = { unit: (tx: Tx) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export type GroupCommitOptions<Tx> = {
  /** Runs `body` in one transaction and commits it (one fsync); rejects if the commit fails. */
  transaction: (body: (tx: Tx) => Promise<void>) => Promise<void>;
  /** SAVEPOINT / RELEASE / ROLLBACK TO + RELEASE of one unit's savepoint. */
  savepoint: (tx: Tx, step: "begin" | "release" | "rollback") => unknown;
  /** At most this many units in one transaction (bounds one batch's time and the lock it holds). */
  maxBatch?: number;
};

/**
 * One writer: every unit of work submitted while a batch is being written waits and goes into the
 * next batch, one transaction and one commit for all of them. Each unit runs in its own
 * savepoint, so a unit that throws (a domain refusal, a unique-index conflict) is rolled back
 * alone and its caller gets its own error, while the others commit. A unit's promise settles
 * only after the COMMIT has returned: nothing is acknowledged before it is durable. If the
 * transaction itself fails (the commit, or a statement that aborts the whole transaction),
 * every unit of the batch is rejected with that error and none of them is stored.
 */
export function groupCommitter<Tx>(opts: GroupCommitOptions<Tx>) {
  const maxBatch = opts.maxBatch ?? 256;
  const queue: Pending<Tx>[] = [];
  let draining = false;
  let batches = 0;
  let units = 0;

  async function drain() {
    while (queue.length) {
      const batch = queue.splice(0, maxBatch);
      const outcomes: Outcome[] = [];
      try {
        await opts.transaction(async (tx) => {
          for (const p of batch) {
            await opts.savepoint(tx, "begin");
            try {
              const value = await p.unit(tx);
              await opts.savepoint(tx, "release");
              outcomes.push({ ok: true, value });
            } catch (error) {
              await opts.savepoint(tx, "rollback");
              outcomes.push({ ok: false, error });
            }
          }
        });
      } catch (error) {
        for (const p of batch) p.reject(error);
        continue;
      }
      batches++;
      units += batch.length;
      batch.forEach((p, k) => {
        const o = outcomes[k];
        if (o.ok) p.resolve(o.value);
        else p.reject(o.error);
      });
    }
    draining = false;
  }

  return {
    /** Runs `unit` in the next batch's transaction; settles after that transaction commits. */
    submit<T>(unit: (tx: Tx) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ unit, resolve: resolve as (v: unknown) => void, reject });
        if (!draining) {
          draining = true;
          // Wait for the requests already in this turn of the event loop, then write them together.
          setImmediate(() => void drain());
        }
      });
    },
    /** Batches committed and units in them, since start (for the benchmark's log). */
    stats: () => ({ batches, units, waiting: queue.length }),
  };
}
