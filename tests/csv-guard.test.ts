// The formula guard on every CSV the application writes: a name and a reason that read "=1+1"
// come out as inert text ("'=1+1") from the command line's export and the reports' CSV; the
// dashboard's CSV and XLSX are covered with the same strings in lib/reports/status-table.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../lib/db/prisma";
import { renderDocument } from "../lib/reports/documents";
import { factory } from "../prisma/seed/factories";
import { cli } from "./cli-run";
import { asUser, seededDepartment } from "./users";

const YEAR = 2087; // a year of its own, removed afterwards
const EVIL = "=1+1";

/** Every field of a CSV text (quoted fields unquoted): none may start a formula. */
function fields(csv: string): string[] {
  return [...csv.replace(/^\ufeff/, "").matchAll(/"((?:[^"]|"")*)"|([^,\r\n]*)/g)].map((m) => (m[1] ?? m[2] ?? "").replace(/""/g, '"'));
}

describe("the CSV formula guard on every export path", () => {
  const build = factory(prisma);

  beforeAll(async () => {
    const departmentId = await seededDepartment();
    const reporter = await asUser("jiangan");
    const project = await build.project({ departmentId, year: YEAR, code: "420100225030030000199", name: "测试项目", sortOrder: 1 });
    const goal = await build.goal({ departmentId, project, goalNo: 1, text: "目标", sortOrder: 1 });
    const ind = await build.indicator({
      goal, sortOrder: 1, level3: EVIL, namePrinted: EVIL, basis: EVIL, targetText: "≥100人", targetKind: "quantitative", targetComparator: ">=", targetValue: 100, targetUnit: "人", targetDirection: "higher", accumulation: null,
      orgs: [reporter.orgIds[0]],
    });
    await build.report({ indicatorId: ind.id, organizationId: reporter.orgIds[0], by: reporter.id, year: YEAR, month: 7, status: "approved", valueText: "10人", value: 10, deviationReason: EVIL, correctiveMeasure: EVIL });
  });

  afterAll(() => build.drop());

  it("cli export indicators --format csv: the name and the basis", () => {
    const r = cli(["export", "indicators", "--year", String(YEAR), "--format", "csv"]);
    expect(r.code).toBe(0);
    const row = r.stdout.split("\n")[1].split(",");
    expect(row[6]).toBe(`'${EVIL}`); // level3
    expect(row[12]).toBe(`'${EVIL}`); // basis
    expect(fields(r.stdout).filter((f) => /^[=+@]/.test(f))).toEqual([]);
  });

  it("the reports' CSV (monitoring: the name and the shortfall's reason)", async () => {
    const doc = await renderDocument({ kind: "monitoring", scope: "department", year: YEAR, format: "csv", month: 7 }, await seededDepartment());
    const csv = doc!.body.toString("utf8");
    expect(csv).toContain(`'${EVIL}`);
    expect(csv.match(/'=1\+1/g)!.length).toBeGreaterThanOrEqual(2); // the name's row and the reasons' row
    expect(fields(csv).filter((f) => /^[=+@]/.test(f))).toEqual([]);
  });
});
