// Crash safety: a burst of concurrent report submissions, the server SIGKILLed in the middle of
// it, restarted. Every submission the server acknowledged (2xx) must be there with its value;
// nothing half-written may be there; on SQLite the file must pass PRAGMA integrity_check.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppServer, port } from "./server";
import { engineName, integrityCheck, pool, postReport, reportBody, seededApp, slotKey, testEngine, YEAR, type SeededApp, type Slot } from "./fixtures";

const engine = testEngine();
const ROUNDS = 3;
const PER_ROUND = 150; // submissions queued per round
const IN_FLIGHT = 24; // concurrent requests
const KILL_AFTER = 40; // acknowledgements before the SIGKILL

type Sent = { slot: Slot; n: number; valueText: string; intent: "save" | "submit" };

describe(`crash safety (${engineName(engine)}): SIGKILL during a burst of submissions`, () => {
  let app: SeededApp;
  let server: AppServer;
  /** Everything ever sent, by slot; a slot is sent once. */
  const sent = new Map<string, Sent>();
  const acked = new Map<string, Sent>();

  beforeAll(async () => {
    app = await seededApp(engine);
    expect(app.slots.length).toBeGreaterThan(ROUNDS * PER_ROUND + 10);
    // JIXIAO_SQL_STATS: the server says how many writes each second's commits carried (group commit, SQLite).
    server = new AppServer({ port: port(1), databaseUrl: app.url, env: { JIXIAO_SQL_STATS: "1000" } });
    await server.start();
  });

  afterAll(async () => {
    await server?.kill();
    await app?.close();
  });

  async function checkDatabase() {
    if (engine === "sqlite") expect(integrityCheck(app.url)).toBe("ok");
    const rows = await app.db.report.findMany({ where: { year: YEAR } });
    const byKey = new Map(rows.map((r) => [slotKey(r), r]));
    // Every acknowledged submission is there, complete, with its value.
    for (const [key, s] of acked) {
      const r = byKey.get(key);
      expect(r, `acknowledged ${key} (${s.valueText}) is missing`).toBeDefined();
      expect(r).toMatchObject({ valueText: s.valueText, note: `system test #${s.n}`, status: s.intent === "submit" ? "submitted" : "draft", current: true, revision: 1, version: 1 });
    }
    // Nothing is there that was not sent, and what is there is whole (an unacknowledged one may
    // have committed just before the kill: then it is complete too).
    for (const r of rows) {
      const s = sent.get(slotKey(r));
      expect(s, `row ${slotKey(r)} was never sent`).toBeDefined();
      expect(r).toMatchObject({ valueText: s!.valueText, note: `system test #${s!.n}`, deviationReason: `reason #${s!.n}`, correctiveMeasure: `measure #${s!.n}` });
    }
    expect(new Set(rows.map(slotKey)).size).toBe(rows.length);
    // The report and its audit row are one transaction: neither exists without the other.
    const audits = await app.db.auditLog.findMany({ where: { action: { in: ["report.create", "report.submit"] } } });
    const audited = audits.map((a) => (JSON.parse(a.after ?? "{}") as { id: number }).id).sort((a, b) => a - b);
    expect(audited).toEqual(rows.map((r) => r.id).sort((a, b) => a - b));
    return rows.length;
  }

  it(`keeps every acknowledged submission over ${ROUNDS} kill/restart rounds`, async () => {
    const timings: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const batch = app.slots.filter((s) => !sent.has(slotKey(s))).slice(0, PER_ROUND);
      let killed = false; // the SIGKILL is decided and sent
      let dead = false; // the server process has exited
      let acks = 0;
      let lost = 0; // requests that died with the server (no response)
      const unexpected: string[] = [];
      const t0 = Date.now();
      let killing: Promise<void> | null = null;
      await pool(
        batch,
        IN_FLIGHT,
        async (slot, i) => {
          const n = round * 1000 + i;
          const intent = i % 3 === 0 ? "save" : "submit";
          const body = reportBody(slot, n, 0, intent);
          const s: Sent = { slot, n, valueText: body.valueText, intent };
          sent.set(slotKey(slot), s);
          try {
            const res = await postReport(server.url, app.tokens[slot.reporter], body);
            if (res.status === 201) {
              acked.set(slotKey(slot), s);
              if (++acks >= KILL_AFTER && !killed) {
                killed = true;
                killing = server.kill("SIGKILL").then(() => {
                  dead = true;
                });
              }
            } else unexpected.push(`${res.status} ${JSON.stringify(res.json)}`);
          } catch {
            if (!killed) unexpected.push(`network error before the kill`);
            lost++;
          }
        },
        // Keep sending until the process is gone: with group commit a whole batch is answered at
        // once, so stopping at the decision could leave nothing in flight when the signal lands.
        () => dead,
      );
      await (killing as Promise<void> | null);
      const burstMs = Date.now() - t0;
      expect(unexpected, unexpected.slice(0, 3).join("\n")).toEqual([]);
      expect(killed).toBe(true);
      // The kill came mid-burst: some requests were cut off with no answer.
      expect(lost).toBeGreaterThan(0);

      const rows = await checkDatabase();
      const t1 = Date.now();
      await server.start();
      const restartMs = Date.now() - t1;
      expect(await checkDatabase()).toBe(rows);
      timings.push(`round ${round + 1}: ${acks} acknowledged, ${lost} cut off by the kill, ${rows - acked.size} committed without an acknowledgement so far; burst ${burstMs} ms, restart ${restartMs} ms`);
    }

    // The restarted server takes new work and serves the acknowledged reports.
    const fresh = app.slots.find((s) => !sent.has(slotKey(s)))!;
    const freshBody = reportBody(fresh, 99_999);
    sent.set(slotKey(fresh), { slot: fresh, n: 99_999, valueText: freshBody.valueText, intent: "submit" });
    const res = await postReport(server.url, app.tokens[fresh.reporter], freshBody);
    expect(res.status).toBe(201);
    const mine = await fetch(`${server.url}/api/v1/indicators?year=${YEAR}&month=12`, { headers: { authorization: `Bearer ${app.tokens.jiangan}` } });
    expect(mine.status).toBe(200);
    console.log(`[crash ${engine}] ${timings.join("\n  ")}`);
  });

  it("the production server groups concurrent submissions into shared commits (SQLite) and answers each", async () => {
    const rest = app.slots.filter((s) => !sent.has(slotKey(s))).slice(0, 120);
    expect(rest.length).toBeGreaterThanOrEqual(60);
    const from = server.output.length;
    const statuses: number[] = [];
    await pool(rest, IN_FLIGHT, async (slot, i) => {
      const body = reportBody(slot, 50_000 + i, 0, "submit");
      sent.set(slotKey(slot), { slot, n: 50_000 + i, valueText: body.valueText, intent: "submit" });
      statuses.push((await postReport(server.url, app.tokens[slot.reporter], body)).status);
    });
    expect(statuses.filter((s) => s === 201)).toHaveLength(rest.length);
    if (engine !== "sqlite") return; // PostgreSQL: a transaction per write (the server groups WAL flushes itself)
    await new Promise((r) => setTimeout(r, 1_500)); // the next stats line (JIXIAO_SQL_STATS=1000)
    const lines = [...server.output.slice(from).matchAll(/\[group commit\] (\d+) batches, (\d+) writes/g)].map((m) => ({ batches: Number(m[1]), writes: Number(m[2]) }));
    const total = lines.reduce((a, l) => ({ batches: a.batches + l.batches, writes: a.writes + l.writes }), { batches: 0, writes: 0 });
    // Every write went through the group committer, and on average several shared a commit.
    expect(total.writes).toBeGreaterThanOrEqual(rest.length);
    expect(total.batches).toBeLessThan(rest.length / 2);
  });
});
