// Optimistic concurrency through the real server: N clients edit the same report at once with the
// same expectedVersion. Exactly one wins; the others get 409 with the JSON error shape; the row
// holds the winner's value at version+1, and no update is lost or duplicated. Repeated in rounds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppServer, port } from "./server";
import { engineName, isApiError, postReport, reportBody, seededApp, testEngine, YEAR, type SeededApp, type Slot } from "./fixtures";

const engine = testEngine();
const CLIENTS = 20;
const ROUNDS = 5;

describe(`concurrent edits of one report (${engineName(engine)})`, () => {
  let app: SeededApp;
  let server: AppServer;

  beforeAll(async () => {
    app = await seededApp(engine);
    server = new AppServer({ port: port(2), databaseUrl: app.url });
    await server.start();
  });

  afterAll(async () => {
    await server?.kill();
    await app?.close();
  });

  /** CLIENTS requests at once; returns the winner's n and checks the losers' answers. */
  async function race(slot: Slot, round: number, expectedVersion: number) {
    const ns = Array.from({ length: CLIENTS }, (_, c) => round * 100 + c);
    const results = await Promise.all(ns.map((n) => postReport(server.url, app.tokens[slot.reporter], reportBody(slot, n, expectedVersion, "save"))));
    const winners = results.flatMap((r, c) => (r.status === 201 ? [ns[c]] : []));
    expect(winners, `round ${round}: ${results.map((r) => r.status).join(",")}`).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 201)) {
      expect(r.status, JSON.stringify(r.json)).toBe(409);
      expect(isApiError(r.json, "conflict"), JSON.stringify(r.json)).toBe(true);
    }
    const won = results.find((r) => r.status === 201)!.json as { data: { report: { version: number; valueText: string } } };
    expect(won.data.report).toMatchObject({ version: expectedVersion + 1, valueText: slot.value(winners[0]) });
    return winners[0];
  }

  async function rowsOf(slot: Slot) {
    return app.db.report.findMany({ where: { indicatorId: slot.indicatorId, organizationId: slot.organizationId, year: YEAR, month: slot.month } });
  }

  it(`${CLIENTS} clients, ${ROUNDS} rounds: one winner each round, no lost update`, async () => {
    const slot = app.slots.find((s) => s.reporter === "jiangan" && s.month === 3)!;
    const history: number[] = [];
    // Round 0 creates the report (expectedVersion 0): one creation, no duplicate row.
    for (let round = 0; round <= ROUNDS; round++) {
      const winner = await race(slot, round, round);
      history.push(winner);
      const rows = await rowsOf(slot);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ version: round + 1, valueText: slot.value(winner), note: `system test #${winner}`, current: true, revision: 1 });
    }
    // One audited write per round, in order: every winner's update is in the history.
    const audits = (await app.db.auditLog.findMany({ where: { entity: "Indicator", entityId: String(slot.indicatorId), action: { in: ["report.create", "report.update"] } }, orderBy: { id: "asc" } })).filter((a) => {
      const after = JSON.parse(a.after!) as { organizationId: number; month: number };
      return after.organizationId === slot.organizationId && after.month === slot.month;
    });
    expect(audits.map((a) => a.action)).toEqual(["report.create", ...Array<string>(ROUNDS).fill("report.update")]);
    expect(audits.map((a) => (JSON.parse(a.after!) as { valueText: string }).valueText)).toEqual(history.map((n) => slot.value(n)));
  });

  it("a stale version is refused even without a race, and the row is untouched", async () => {
    const slot = app.slots.find((s) => s.reporter === "jianghan" && s.month === 4)!;
    expect((await postReport(server.url, app.tokens.jianghan, reportBody(slot, 1, 0, "save"))).status).toBe(201);
    expect((await postReport(server.url, app.tokens.jianghan, reportBody(slot, 2, 1, "save"))).status).toBe(201);
    const stale = await postReport(server.url, app.tokens.jianghan, reportBody(slot, 3, 1, "save"));
    expect(stale.status).toBe(409);
    expect(isApiError(stale.json, "conflict")).toBe(true);
    expect(await rowsOf(slot)).toMatchObject([{ version: 2, valueText: slot.value(2) }]);
  });

  it("many reports edited at once by three reporters: each report has exactly one winner per round", async () => {
    // Different reports do not conflict with each other; same-report writers do.
    const slots = (["jiangan", "jianghan", "zhengyan"] as const).map((r) => app.slots.find((s) => s.reporter === r && s.month === 9)!);
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(
        slots.flatMap((slot, k) => Array.from({ length: 8 }, (_, c) => postReport(server.url, app.tokens[slot.reporter], reportBody(slot, 1000 * k + 10 * round + c, round, "save")).then((r) => ({ k, r })))),
      );
      for (let k = 0; k < slots.length; k++) {
        const mine = results.filter((x) => x.k === k);
        expect(mine.filter((x) => x.r.status === 201)).toHaveLength(1);
        expect(mine.filter((x) => x.r.status === 409)).toHaveLength(7);
        expect(await rowsOf(slots[k])).toMatchObject([{ version: round + 1 }]);
      }
    }
  });
});
