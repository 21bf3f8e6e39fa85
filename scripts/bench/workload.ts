// The submission workload shared by run.ts (over HTTP) and measure.ts (in process): office-months
// nobody has reported yet, each with a reporter of that office and a figure the office has typed
// before (so it parses against the office's target), and the body the API takes.
import { BARE_NOTE, SUBMIT_NOTE, YEAR } from "./config";
import type { Sink } from "./db";

export type Job = { indicatorId: number; organizationId: number; month: number; userId: number; valueText: string };

/** Takes out what earlier benchmark runs wrote (marked by their note), so every run starts alike. */
export async function resetBenchRows(sink: Sink): Promise<void> {
  // Their departments' stored city lines count them: out of date once they go (lib/reporting/summaries.ts).
  await sink.run(
    `INSERT INTO "SummaryVersion" ("departmentId", "shard", "version")
     SELECT DISTINCT o."departmentId", 0, 1 FROM "Report" r JOIN "Organization" o ON o."id" = r."organizationId" WHERE r."note" IN (?, ?)
     ON CONFLICT ("departmentId", "shard") DO UPDATE SET "version" = "SummaryVersion"."version" + 1`,
    [SUBMIT_NOTE, BARE_NOTE],
  );
  await sink.run(`DELETE FROM "Report" WHERE "note" IN (?, ?)`, [SUBMIT_NOTE, BARE_NOTE]);
  await sink.run(`DELETE FROM "AuditLog" WHERE "action" = 'report.submit' AND "after" LIKE ?`, [`%"note":"${SUBMIT_NOTE}"%`]);
}

/** Up to `want` unreported office-months, spread over the whole city, the same order every run. */
export async function findGaps(sink: Sink, want: number): Promise<{ jobs: Job[]; available: number }> {
  const gaps = await sink.all<Job>(
    `WITH RECURSIVE m("month") AS (SELECT 1 UNION ALL SELECT "month" + 1 FROM m WHERE "month" < 12)
     SELECT io."indicatorId" AS "indicatorId", io."organizationId" AS "organizationId", m."month" AS "month",
       (SELECT uo."userId" FROM "UserOrg" uo JOIN "User" u ON u."id" = uo."userId"
         WHERE uo."organizationId" = io."organizationId" AND u."role" = 'reporter' AND u."disabled" = false ORDER BY uo."userId" LIMIT 1) AS "userId",
       (SELECT r."valueText" FROM "Report" r
         WHERE r."indicatorId" = io."indicatorId" AND r."organizationId" = io."organizationId" AND r."year" = ${YEAR} ORDER BY r."month" DESC LIMIT 1) AS "valueText"
     FROM "IndicatorOrg" io JOIN "Indicator" i ON i."id" = io."indicatorId" CROSS JOIN m
     WHERE i."year" = ${YEAR} AND i."term" = 'annual' AND i."targetKind" NOT IN ('none', 'unparsed') AND i."retiredAt" IS NULL
       AND NOT EXISTS (SELECT 1 FROM "Report" r WHERE r."indicatorId" = io."indicatorId" AND r."organizationId" = io."organizationId" AND r."year" = ${YEAR} AND r."month" = m."month")`,
  );
  const usable = gaps.filter((g) => g.userId != null && g.valueText != null);
  // Spread over the whole city, the same order every run.
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = usable.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [usable[i], usable[j]] = [usable[j], usable[i]];
  }
  return { jobs: usable.slice(0, want), available: usable.length };
}

export function submissionBody(j: Job) {
  return JSON.stringify({
    indicatorId: j.indicatorId,
    organizationId: j.organizationId,
    year: YEAR,
    month: j.month,
    valueText: j.valueText,
    note: SUBMIT_NOTE,
    // Always given, so a figure behind plan is accepted too (the form asks for them then).
    deviationCategories: ["其他"],
    deviationReason: "基准测试：数据按月归集",
    correctiveMeasure: "基准测试：按计划推进",
    expectedVersion: 0,
    intent: "submit",
  });
}
