import "server-only";
import { prisma } from "../db/prisma";
import type { Tx } from "../db/writer";
import { bumpSummaryVersion } from "../db/hot-statements";
import { departmentLines, withTotals, type CityRollup, type DepartmentLine } from "./city";
import { closedMonths } from "./queries";
import { decodeSummaryLine, type SummaryLine as Line } from "./summary-row";

// The city roll-up kept in the database (issue 13, docs/decisions/012): one DepartmentSummary
// line per (department, year, as-of month), so /city and /api/v1/city answer from ~600 small rows
// from the first request after a restart, on every instance alike.
//
// Freshness without listing every kind of change: every audited write in a department (reports,
// reviews, target revisions, parse overrides, table edits, imports, rollover, offices, budget
// execution, self-evaluations) bumps the department's SummaryVersion in its own transaction
// (touchSummaries, called by mutate). A line is fresh while its builtVersion equals that version.
// Time changes a line too (a deadline passes, a period closes or reopens): each line records
// whether its month counted as closed, and a line whose month has changed state is rebuilt.
// Keyed by as-of month, a line never depends on today's date otherwise.


const SHARDS = 16;

/**
 * In a write's transaction, as its last statement: the department's summary lines are out of date
 * from its commit on. One statement, on one of the department's SHARDS counters (a random one), so
 * concurrent writes of a department seldom queue on one row lock until each other's commit.
 */
export async function touchSummaries(tx: Pick<Tx, "$executeRaw">, departmentId: number): Promise<void> {
  const shard = Math.floor(Math.random() * SHARDS);
  await bumpSummaryVersion(tx, departmentId, shard);
}

/** Each department's change count (the sum of its shards): a line built at one count is fresh while it holds. */
async function changeCounts(only?: number[]): Promise<Map<number, number>> {
  const rows = await prisma.summaryVersion.groupBy({ by: ["departmentId"], where: only ? { departmentId: { in: only } } : {}, _sum: { version: true } });
  return new Map(rows.map((r) => [r.departmentId, r._sum.version ?? 0]));
}

/**
 * Builds the lines of the given departments (all when absent) and stores them. The versions are
 * read before the rows the lines are made of: a write committed after that read has bumped the
 * version again, so a line never claims a version whose changes it missed.
 */
export async function rebuildSummaries(year: number, month: number, only?: number[]): Promise<{ lines: DepartmentLine[]; builtAt: Date }> {
  const versions = await changeCounts(only);
  const { lines, periodClosed } = await departmentLines(year, month, only);
  const builtAt = new Date();
  const data = lines.map(({ id, code: _code, name: _name, ...line }) => ({
    departmentId: id, year, month, builtVersion: versions.get(id) ?? 0, periodClosed, dataJson: JSON.stringify(line), builtAt,
  }));
  const ids = lines.map((l) => l.id);
  try {
    await prisma.$transaction([
      prisma.departmentSummary.deleteMany({ where: { year, month, ...(only ? { departmentId: { in: ids } } : {}) } }),
      prisma.departmentSummary.createMany({ data }),
    ]);
  } catch (e) {
    // Another instance stored the same lines at the same moment: theirs stand (as fresh as these).
    if ((e as { code?: string }).code !== "P2002") throw e;
  }
  return { lines, builtAt };
}

export type SummaryView = { value: CityRollup; computedAt: Date; stale: number };

/**
 * Rebuilds lines a few departments at a time with a turn of the event loop between: at city scale
 * one pass over every department holds the thread for seconds (3.4 s for 600), and every request
 * waiting behind it (submissions on deadline day) with it, while one department costs ~10 ms, about
 * its share of the full pass (docs/decisions/012).
 */
const CHUNK = 4;
/** Behind an answer nobody waits for, a rebuild takes at most a quarter of the thread: it rests three times as long as each turn took. */
const BACKGROUND_REST = 3;
async function rebuildInTurns(year: number, month: number, ids: number[], pace: "waited-for" | "background"): Promise<Map<number, { line: Line; at: Date }>> {
  const built = new Map<number, { line: Line; at: Date }>();
  let turn = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    if (i) await new Promise((r) => (pace === "background" ? setTimeout(r, Math.max(1, turn * BACKGROUND_REST)) : setImmediate(r)));
    const started = performance.now();
    const { lines, builtAt: at } = await rebuildSummaries(year, month, ids.slice(i, i + CHUNK));
    turn = performance.now() - started;
    for (const { id, code: _c, name: _n, ...line } of lines) built.set(id, { line, at });
  }
  return built;
}

// The rebuild of each (year, month) running in this process, if any: one at a time, and a request
// that needs lines it is building waits for it instead of building them again.
const running = new Map<string, Promise<unknown>>();
function tracked<T>(key: string, work: Promise<T>): Promise<T> {
  running.set(key, work.catch(() => {}).finally(() => running.delete(key)));
  return work;
}

/**
 * The roll-up from the stored lines. Departments without a line, or whose month has changed
 * state since theirs was built, are built before answering (their old line would be wrong, not
 * late). Lines older than their department's last change are served as they are and rebuilt in
 * the background (only those departments), unless `wait` asks for them first. `computedAt` is the
 * oldest line's time; `stale` how many lines were served out of date.
 */
export async function summaryView(year: number, month: number, opts: { wait?: boolean } = {}): Promise<SummaryView> {
  const key = `${year}/${month}`;
  for (let waited = false; ; waited = true) {
    const [departments, version, rows, closed] = await Promise.all([
      prisma.department.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
      changeCounts(),
      prisma.departmentSummary.findMany({ where: { year, month } }),
      closedMonths(year),
    ]);
    const periodClosed = closed.has(month);
    // A line that does not decode (a row edited by hand) counts as not built.
    const stored = new Map(rows.map((r) => [r.departmentId, { ...r, line: decodeSummaryLine(r.dataJson) }]));
    const wrong: number[] = [];
    const late: number[] = [];
    for (const d of departments) {
      const r = stored.get(d.id);
      if (!r?.line || r.periodClosed !== periodClosed) wrong.push(d.id);
      else if (r.builtVersion !== (version.get(d.id) ?? 0)) late.push(d.id);
    }
    const now = opts.wait ? [...wrong, ...late] : wrong;
    const inFlight = running.get(key);
    if (now.length && inFlight && !waited) {
      await inFlight; // then read again: it may have built what this request needs
      continue;
    }
    const built = now.length ? await (inFlight ? rebuildInTurns(year, month, now, "waited-for") : tracked(key, rebuildInTurns(year, month, now, "waited-for"))) : new Map<number, { line: Line; at: Date }>();
    const pending = late.filter((id) => !built.has(id));
    if (pending.length && !running.has(key))
      tracked(key, rebuildInTurns(year, month, pending, "background")).catch((e: unknown) => console.error(`city roll-up: rebuilding ${key} in the background failed:`, e));
    let oldest = Date.now();
    const lines: DepartmentLine[] = departments.map((d) => {
      const own = built.get(d.id);
      const r = stored.get(d.id);
      const line = own ? own.line : r!.line!;
      oldest = Math.min(oldest, (own?.at ?? r!.builtAt).getTime());
      return { id: d.id, code: d.code, name: d.name, ...line };
    });
    return { value: withTotals(year, month, lines), computedAt: new Date(oldest), stale: pending.length };
  }
}

/** What the finance bureau's page and API serve (the page says when the oldest line was computed). */
export const cityView = (year: number, month: number) => summaryView(year, month);
