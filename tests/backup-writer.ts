// A writer for tests/backup.test.ts, run as its own process (`tsx tests/backup-writer.ts <url>`):
// inserts report rows one transaction at a time (each with its audit row, as the app does) until
// its stdin closes, so a backup can be taken while writes go on. Row n has revision n, valueText "v<n>".
import { createPrisma } from "../lib/db/prisma";

const url = process.argv[2];
if (!url) throw new Error("usage: backup-writer.ts <database url>");
const db = createPrisma(url);
let stop = false;
process.stdin.on("data", () => undefined);
process.stdin.on("end", () => (stop = true));

const ind = await db.indicator.findFirstOrThrow({ where: { year: 2024, term: "annual", orgs: { some: {} } }, include: { orgs: true }, orderBy: { id: "asc" } });
const user = await db.user.findFirstOrThrow({ where: { role: "reporter" }, orderBy: { id: "asc" } });
let n = 0;
while (!stop) {
  n++;
  await db.$transaction(async (tx) => {
    const r = await tx.report.create({
      data: { indicatorId: ind.id, organizationId: ind.orgs[0].organizationId, year: 2024, month: 1, revision: n, current: false, valueText: `v${n}`, value: n, note: `note ${n}`, createdById: user.id, updatedById: user.id },
    });
    await tx.auditLog.create({ data: { userId: user.id, action: "backup-test.write", entity: "Report", entityId: String(r.id), after: JSON.stringify({ n }) } });
  });
  if (n === 1) process.stdout.write("started\n");
  // The SQLite driver is synchronous: without a turn of the event loop stdin would never be read.
  await new Promise((r) => setImmediate(r));
}
await db.$disconnect();
process.stdout.write(`done ${n}\n`);
