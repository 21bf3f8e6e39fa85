// Issue 6, "Excel in, Excel out": the year's tables exported as a workbook, imported back through a
// preview (every row: new / changed / unchanged; every problem by sheet, row and column), written
// on confirmation in one transaction or not at all. Runs against this run's seeded database; every
// change made here is undone in afterAll, so the other files still see the document as printed.
import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../lib/db/prisma";
import type { CurrentUser } from "../lib/auth";
import { tablesFile } from "../lib/import/db";
import { confirmImport, previewImport } from "../lib/import/server";
import type { Problem, PreviewResult } from "../lib/import/types";
import { tablesCommand } from "../cli/tables";
import { GET as tablesRoute } from "../app/api/v1/admin/tables/route";
import { factory } from "../prisma/seed/factories";
import { asUser, seededDepartment } from "./users";

const YEAR = 2024;
let admin: CurrentUser;
let exported: Buffer;
const created: number[] = [];

beforeAll(async () => {
  admin = await asUser("admin");
  const file = await tablesFile(await seededDepartment(), YEAR);
  if (!file) throw new Error("no export");
  exported = file;
});

afterAll(async () => {
  // Test hygiene, not product behaviour: drop the rows created here and put the printed 2024 back.
  await prisma.indicatorOrg.deleteMany({ where: { indicatorId: { in: created } } });
  await prisma.indicatorValue.deleteMany({ where: { indicatorId: { in: created } } });
  await prisma.indicator.deleteMany({ where: { id: { in: created } } });
  const back = await previewImport({ year: YEAR, fileName: "original.xlsx", bytes: exported }, admin);
  if ("data" in back && back.data.counts.update > 0) await confirmImport({ year: YEAR, fileName: "original.xlsx", bytes: exported, digest: back.data.digest }, admin);
});

/** Every stored row of a year's tables, hashed: equal before and after means nothing changed. */
async function snapshot(year = YEAR) {
  const projects = await prisma.project.findMany({ where: { year }, orderBy: { id: "asc" } });
  const goals = await prisma.goal.findMany({ where: { year }, orderBy: { id: "asc" } });
  const indicators = await prisma.indicator.findMany({ where: { year }, orderBy: { id: "asc" }, include: { values: { orderBy: { id: "asc" } }, orgs: { orderBy: { organizationId: "asc" } } } });
  const reports = await prisma.report.count({ where: { year } });
  const counts = { projects: projects.length, goals: goals.length, indicators: indicators.length, values: indicators.reduce((s, i) => s + i.values.length, 0), orgs: indicators.reduce((s, i) => s + i.orgs.length, 0), reports };
  return { counts, hash: createHash("sha256").update(JSON.stringify({ projects, goals, indicators })).digest("hex") };
}

const data = <T,>(r: { data: T } | { error: { code: string; message: { en: string } } }): T => {
  if ("error" in r) throw new Error(`${r.error.code}: ${r.error.message.en}`);
  return r.data;
};
const preview = async (bytes: Uint8Array, fileName = "tables.xlsx") => data(await previewImport({ year: YEAR, fileName, bytes }, admin));

async function workbook(bytes: Uint8Array = exported) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
const save = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

/** The sheet row holding an indicator, found by its 三级指标 (column C). */
function rowOf(ws: ExcelJS.Worksheet, name: string): number {
  for (let r = 5; r <= ws.rowCount; r++) if (ws.getCell(r, 3).value === name) return r;
  throw new Error(`${ws.name}: no row ${name}`);
}
const find = (p: PreviewResult, code: Problem["code"], sheet: string) => p.problems.filter((x) => x.code === code && x.sheet === sheet);

describe("export", () => {
  it("has one sheet per annual table, the printed columns, merged headers and 一级 runs, and the importer's columns", async () => {
    const wb = await workbook();
    expect(wb.worksheets.map((w) => w.name)).toEqual(["表11", "表12-1", "表12-2", "表12-3", "表12-4", "表12-5", "表12-6", "表12-7", "填写说明", "单位名称"]);
    const ws = wb.getWorksheet("表12-1") as ExcelJS.Worksheet;
    const header = (ws.getRow(4).values as unknown[]).slice(1);
    expect(header).toEqual(["一级指标", "二级指标", "三级指标", "前年（2022年）", "上年（2023年）", "预计当年实现（2024年）", "指标值确定依据", "牵头单位", "配合单位", "累计方式", "汇总方式", "目标序号", "年度目标（不导入）", "项目编码", "系统编号"]);
    expect(ws.getCell("D3").value).toBe("指标值");
    expect(ws.getCell("E3").isMerged).toBe(true);
    const r = rowOf(ws, "聘请第三方检查频次（财务处、基金监督处）");
    expect(ws.getCell(r, 1).isMerged).toBe(true); // 产出指标 runs over several rows
    expect(ws.getCell(r, 8).value).toBe("财务处、基金监督处");
    expect(ws.getCell(r, 14).value).toBe("420100225030030000101");
    const rows = wb.worksheets.filter((w) => /^表1[12]/.test(w.name)).reduce((s, w) => s + w.rowCount - 4, 0);
    expect(rows).toBe(139);
  });

  it("serves the export and the template to admins only (API)", async () => {
    // Accounts of their own, with tokens: the demo accounts' are left as seeded.
    const build = factory(prisma);
    const token = await build.token(await build.user({ role: "admin", departmentId: admin.departmentId }));
    const get = (q: string, t = token) => tablesRoute(new Request(`http://localhost/api/v1/admin/tables?${q}`, { headers: { authorization: `Bearer ${t}` } }));
    try {
      const full = await get("year=2024&format=xlsx");
      expect(full.status).toBe(200);
      expect(full.headers.get("content-type")).toContain("spreadsheetml");
      expect(decodeURIComponent(full.headers.get("content-disposition") ?? "")).toContain("绩效目标表-2024.xlsx");
      const tpl = await workbook(new Uint8Array(await (await get("year=2024&template=1")).arrayBuffer()));
      expect((tpl.getWorksheet("表11") as ExcelJS.Worksheet).rowCount).toBe(4); // headers only
      expect(tpl.getWorksheet("填写说明")).toBeDefined();
      expect((await get("year=2031")).status).toBe(404);
      expect((await get("year=2024&format=pdf")).status).toBe(400);
      const jiangan = await prisma.user.findUniqueOrThrow({ where: { username: "jiangan" }, include: { orgs: true } });
      const reporter = await build.user({ role: "reporter", departmentId: admin.departmentId, orgIds: jiangan.orgs.map((o) => o.organizationId) });
      expect((await get("year=2024", await build.token(reporter))).status).toBe(403);
    } finally {
      await build.drop();
    }
  });
});

describe("import of an unchanged export", () => {
  it("previews every row as unchanged, and confirming writes no indicator change (only the import's audit row)", async () => {
    const p = await preview(exported);
    expect(p.counts).toEqual({ rows: 139, create: 0, update: 0, unchanged: 139, error: 0, notInFile: 0, errors: 0, warnings: 0 });
    expect(p.problems).toEqual([]);
    expect(p.canConfirm).toBe(true);
    const before = await snapshot();
    const audits = await prisma.auditLog.count();
    const done = data(await confirmImport({ year: YEAR, fileName: "tables.xlsx", bytes: exported, digest: p.digest }, admin));
    expect(done).toMatchObject({ created: 0, updated: 0, unchanged: 139, notInFile: 0 });
    expect(await snapshot()).toEqual(before);
    expect(await prisma.auditLog.count()).toBe(audits + 1);
    const audit = await prisma.auditLog.findUniqueOrThrow({ where: { id: done.auditId } });
    expect(audit).toMatchObject({ action: "tables.import", entity: "Year", entityId: "2024", userId: admin.id });
    expect(JSON.parse(audit.after ?? "{}")).toMatchObject({ sha256: createHash("sha256").update(exported).digest("hex"), created: 0, updated: 0, unchanged: 139 });
  });
});

describe("a broken workbook", () => {
  it("reports each problem with its sheet, row and column, refuses to confirm and writes nothing", async () => {
    const wb = await workbook();
    const s1 = wb.getWorksheet("表12-1") as ExcelJS.Worksheet;
    const news = rowOf(s1, "开展新闻报道（政研处）");
    s1.getCell(news, 8).value = "政研室"; // unknown office
    const posts = rowOf(s1, "发布微信公众号推文（政研处）");
    s1.getCell(posts, 6).value = "很多很多"; // unparseable target
    const s6 = wb.getWorksheet("表12-6") as ExcelJS.Worksheet;
    const first = rowOf(s6, "开展幼儿文体活动场次");
    const copy = s6.rowCount + 1;
    (s6.getRow(first).values as unknown[]).forEach((v, c) => c > 0 && (s6.getCell(copy, c).value = v as ExcelJS.CellValue)); // the same row twice
    const noLevel1 = copy + 1;
    s6.getCell(noLevel1, 2).value = "数量指标";
    s6.getCell(noLevel1, 3).value = "新增的家长开放日场次";
    s6.getCell(noLevel1, 6).value = "4场"; // no 一级指标
    const s7 = wb.getWorksheet("表12-7") as ExcelJS.Worksheet;
    s7.getCell(rowOf(s7, "当年招生人数"), 14).value = "420100225030039999999"; // unknown project code
    const s11 = wb.getWorksheet("表11") as ExcelJS.Worksheet;
    const idRow = rowOf(s11, "全年城镇新增就业人数");
    s11.getCell(idRow, 15).value = "12a"; // bad number
    const broken = await save(wb);

    const before = await snapshot();
    const audits = await prisma.auditLog.count();
    const p = await preview(broken, "broken.xlsx");
    expect(p.canConfirm).toBe(false);

    const [office] = find(p, "unknown_office", "表12-1");
    expect(office).toMatchObject({ severity: "error", row: news, column: "牵头单位", letter: "H" });
    expect(office.message.zh).toContain("政研室");
    expect(office.message.zh).toContain("政研处"); // the likely office is suggested
    expect(office.message.en).toContain("政研室");

    expect(find(p, "unparsed_target", "表12-1")[0]).toMatchObject({ severity: "warning", row: posts, column: "预计当年实现（2024年）", letter: "F" });
    expect(find(p, "duplicate_row", "表12-6")[0]).toMatchObject({ severity: "error", row: copy, column: "三级指标", letter: "C" });
    expect(find(p, "duplicate_row", "表12-6")[0].message.zh).toContain(`第${first}行`);
    expect(find(p, "missing_level1", "表12-6")[0]).toMatchObject({ severity: "error", row: noLevel1, column: "一级指标", letter: "A" });
    expect(find(p, "unknown_project", "表12-7")[0]).toMatchObject({ severity: "error", column: "项目编码", letter: "N" });
    expect(find(p, "bad_number", "表11")[0]).toMatchObject({ severity: "error", row: idRow, column: "系统编号", letter: "O" });

    const rowPlan = (sheet: string, row: number) => p.rows.find((r) => r.sheet === sheet && r.row === row);
    expect(rowPlan("表12-1", news)?.action).toBe("error");
    expect(rowPlan("表12-1", posts)).toMatchObject({ action: "update", changes: [{ field: "target", before: "30期", after: "很多很多" }] });
    expect(p.counts.errors).toBe(5);

    // Confirming is refused even with the preview's own digest; nothing at all is written.
    const r = await confirmImport({ year: YEAR, fileName: "broken.xlsx", bytes: broken, digest: p.digest }, admin);
    expect("error" in r && r.error.code).toBe("invalid");
    expect(await snapshot()).toEqual(before);
    expect(await prisma.auditLog.count()).toBe(audits);
  });

  it("says what is wrong with a file that is not a table", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("表12-9").addRow(["一级指标", "二级指标", "三级指标", "2024"]);
    wb.getWorksheet("表12-9")?.addRow(["产出指标", "数量指标", "某指标", "5次"]);
    wb.addWorksheet("Sheet1").addRow(["随便写的"]);
    const p = await preview(await save(wb), "odd.xlsx");
    expect(p.problems.find((x) => x.code === "unknown_table")).toMatchObject({ severity: "error", sheet: "表12-9" });
    expect(p.problems.find((x) => x.code === "ignored_sheet")).toMatchObject({ severity: "warning", sheet: "Sheet1" });
    const notExcel = await previewImport({ year: YEAR, fileName: "x.xlsx", bytes: new TextEncoder().encode("not a workbook") }, admin);
    expect(data(notExcel).problems[0]).toMatchObject({ code: "bad_file", severity: "error" });
    const wrongType = await previewImport({ year: YEAR, fileName: "x.pdf", bytes: new Uint8Array([1]) }, admin);
    expect("error" in wrongType && wrongType.error.code).toBe("invalid");
  });

  it("is for admins only", async () => {
    const manager = await asUser("manager");
    const r = await previewImport({ year: YEAR, fileName: "tables.xlsx", bytes: exported }, manager);
    expect("error" in r && r.error.code).toBe("forbidden");
    const c = await confirmImport({ year: YEAR, fileName: "tables.xlsx", bytes: exported, digest: "0".repeat(64) }, manager);
    expect("error" in c && c.error.code).toBe("forbidden");
  });
});

describe("a corrected table", () => {
  it("previews the changed target, writes it on confirmation with its audit rows, then previews as unchanged", async () => {
    const wb = await workbook();
    const ws = wb.getWorksheet("表12-6") as ExcelJS.Worksheet;
    const r = rowOf(ws, "开展教师教学交流活动场次");
    ws.getCell(r, 6).value = "75";
    ws.getCell(r, 7).value = "计划标准";
    const bytes = await save(wb);
    const p = await preview(bytes);
    expect(p.counts).toMatchObject({ rows: 139, update: 1, unchanged: 138, create: 0, errors: 0 });
    const row = p.rows.find((x) => x.action === "update");
    expect(row).toMatchObject({
      sheet: "表12-6",
      row: r,
      name: "开展教师教学交流活动场次",
      changes: [
        { field: "target", before: "70", after: "75" },
        { field: "basis", before: "", after: "计划标准" },
      ],
    });

    const ind = await prisma.indicator.findUniqueOrThrow({ where: { id: row?.indicatorId as number } });
    const done = data(await confirmImport({ year: YEAR, fileName: "corrected.xlsx", bytes, digest: p.digest }, admin));
    expect(done).toMatchObject({ created: 0, updated: 1, unchanged: 138 });
    const after = await prisma.indicator.findUniqueOrThrow({ where: { id: ind.id } });
    expect(after).toMatchObject({ targetText: "75", targetValue: 75, basis: "计划标准", level3: ind.level3, targetKind: "quantitative" });
    const audit = await prisma.auditLog.findUniqueOrThrow({ where: { id: done.auditId } });
    expect(audit.action).toBe("tables.import");
    expect(JSON.parse(audit.after ?? "{}")).toMatchObject({ updated: 1, updatedIds: [ind.id], sha256: createHash("sha256").update(bytes).digest("hex"), fileName: "corrected.xlsx" });
    const trail = await prisma.auditLog.findFirstOrThrow({ where: { entity: "Indicator", entityId: String(ind.id), action: "indicator.import" }, orderBy: { id: "desc" } });
    expect(JSON.parse(trail.before ?? "{}")).toEqual({ target: "70", basis: "" });
    expect(JSON.parse(trail.after ?? "{}")).toEqual({ target: "75", basis: "计划标准" });

    expect((await preview(bytes)).counts).toMatchObject({ unchanged: 139, update: 0 });
    // The original export now reads as a change back to what was printed.
    const back = await preview(exported);
    expect(back.rows.find((x) => x.action === "update")?.changes[0]).toEqual({ field: "target", before: "75", after: "70" });
  });

  it("refuses a confirmation when the tables changed after the preview", async () => {
    const wb = await workbook();
    const ws = wb.getWorksheet("表12-6") as ExcelJS.Worksheet;
    ws.getCell(rowOf(ws, "小型维护维修项目数量"), 6).value = "20";
    const bytes = await save(wb);
    const p = await preview(bytes);
    const ind = await prisma.indicator.findFirstOrThrow({ where: { year: YEAR, tableNo: "12-6", level3: "环保验收达标" } });
    await prisma.indicator.update({ where: { id: ind.id }, data: { basis: "另一个人刚改的" } });
    try {
      const before = await snapshot();
      const r = await confirmImport({ year: YEAR, fileName: "stale.xlsx", bytes, digest: p.digest }, admin);
      expect("error" in r && r.error.code).toBe("conflict");
      expect(await snapshot()).toEqual(before);
    } finally {
      await prisma.indicator.update({ where: { id: ind.id }, data: { basis: null } });
    }
  });
});

describe("CSV", () => {
  it("imports one table's rows with a 表号 column: a change, a new row, the rest listed as not in file and left alone", async () => {
    const csv = [
      "表号,一级指标,二级指标,三级指标,2022年,2023年,2024年,指标值确定依据,牵头单位,配合单位,累计方式",
      "12-6,产出指标,数量指标,开展幼儿文体活动场次,26,50,35,,,,",
      "12-6,产出指标,数量指标,小型维护维修项目数量,18,16,20,,,,",
      `表12-6,产出指标,数量指标,"家长开放日场次（幼管处）",/,/,≥4场,计划标准,,,累计`,
    ].join("\r\n");
    const bytes = new TextEncoder().encode(`\ufeff${csv}\r\n`);
    const p = await preview(bytes, "表12-6.csv");
    expect(p.format).toBe("csv");
    expect(p.problems.filter((x) => x.severity !== "info")).toEqual([]);
    expect(p.counts).toMatchObject({ rows: 3, create: 1, update: 1, unchanged: 1, errors: 0 });
    expect(p.rows[1]).toMatchObject({ sheet: "表12-6.csv", row: 3, action: "update", changes: [{ field: "target", before: "18", after: "20" }] });
    expect(p.rows[2]).toMatchObject({ action: "create", tableNo: "12-6" });
    const sameTable = p.notInFile.filter((n) => n.tableInFile);
    expect(sameTable).toHaveLength(14 - 2);
    expect(sameTable.every((n) => n.tableNo === "12-6")).toBe(true);
    expect(p.notInFile.filter((n) => !n.tableInFile)).toHaveLength(139 - 14);

    const untouched = await prisma.indicator.findMany({ where: { id: { in: sameTable.map((n) => n.indicatorId) } }, include: { values: true, orgs: true }, orderBy: { id: "asc" } });
    const done = data(await confirmImport({ year: YEAR, fileName: "表12-6.csv", bytes, digest: p.digest }, admin));
    expect(done).toMatchObject({ created: 1, updated: 1, notInFile: 139 - 2 });
    const added = await prisma.indicator.findFirstOrThrow({ where: { year: YEAR, tableNo: "12-6", level3: "家长开放日场次" }, include: { values: { orderBy: { year: "asc" } }, orgs: { include: { organization: true } } } });
    created.push(added.id);
    expect(added).toMatchObject({ namePrinted: "家长开放日场次（幼管处）", officeText: "幼管处", targetText: "≥4场", targetValue: 4, accumulation: "cumulative", basis: "计划标准", term: "annual" });
    expect(added.values.map((v) => [v.year, v.printed])).toEqual([[2022, "/"], [2023, "/"]]);
    expect(added.orgs.map((o) => [o.organization.shortName, o.role])).toEqual([["幼管处", "lead"]]);
    expect((await prisma.indicator.findFirstOrThrow({ where: { year: YEAR, tableNo: "12-6", level3: "小型维护维修项目数量" } })).targetText).toBe("20");
    expect(await prisma.indicator.findMany({ where: { id: { in: sameTable.map((n) => n.indicatorId) } }, include: { values: true, orgs: true }, orderBy: { id: "asc" } })).toEqual(untouched);
  });

  it("reads a CSV saved by Excel in GB18030 and names a missing 表号", async () => {
    // "一级指标,二级指标,三级指标,2024" and one row in GB18030, as Excel on a Chinese Windows saves CSV; no 表号 column.
    const gbk = Buffer.from("d2bbbcb6d6b8b1ea2cb6febcb6d6b8b1ea2cc8fdbcb6d6b8b1ea2c323032340d0ab2fab3f6d6b8b1ea2ccafdc1bfd6b8b1ea2cc4b3d6b8b1ea2c35b4ce0d0a", "hex");
    const p = await preview(new Uint8Array(gbk), "gbk.csv");
    expect(p.problems[0]).toMatchObject({ code: "missing_column", severity: "error" });
    expect(p.problems[0].message.zh).toContain("表号");
  });
});

describe("command line", () => {
  it("previews a file with its summary and exits 3 on errors without writing", async () => {
    const { writeFileSync, mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dir = mkdtempSync(path.join(tmpdir(), "jixiao-import-"));
    const file = path.join(dir, "tables.xlsx");
    let out = "";
    let err = "";
    expect(await tablesCommand(["export", "--year", "2024", "--out", file], (s) => (out += s), (s) => (err += s))).toBe(0);
    expect(err).toContain("wrote");
    out = "";
    expect(await tablesCommand(["import", "--year", "2024", "--file", file], (s) => (out += s), (s) => (err += s))).toBe(0);
    expect(out).toMatch(/rows (\d+): 0 new, 0 changed, \1 unchanged, 0 with errors/); // the file just exported
    const wb = await workbook();
    const ws = wb.getWorksheet("表12-1") as ExcelJS.Worksheet;
    ws.getCell(rowOf(ws, "开展新闻报道（政研处）"), 8).value = "政研室";
    writeFileSync(file, await save(wb));
    out = "";
    err = "";
    const before = await snapshot();
    expect(await tablesCommand(["import", "--year", "2024", "--file", file, "--confirm"], (s) => (out += s), (s) => (err += s))).toBe(3);
    expect(out).toMatch(/\[error\] 表12-1 第\d+行 牵头单位（H列）: 找不到单位“政研室”/);
    expect(err).toContain("nothing written");
    expect(await snapshot()).toEqual(before);
  });
});
