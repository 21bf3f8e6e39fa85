// The 项目支出绩效自评表 filled from reports, exported and read back.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../lib/db/prisma";
import { saveReport } from "../lib/reporting/service";
import { projectSelfEvaluation } from "../lib/reports/self-eval";
import { selfEvalXlsx } from "../lib/reports/xlsx";
import { PROJECT_SELF_EVAL, PROJECT_SELF_EVAL_WITH_REVISIONS } from "../lib/reports/layouts";
import { asUser, indicatorByName, seededDepartment } from "./users";

const D = await seededDepartment();

const CODE = "420100225030030000101"; // 表12-1 机关业务工作: 19 annual indicators
const root = path.resolve(import.meta.dirname, "..");

beforeAll(async () => {
  const zhengyan = await asUser("zhengyan");
  const org = (await prisma.organization.findFirstOrThrow({ where: { name: "政研处" } })).id;
  const news = await indicatorByName("开展新闻报道", "12-1"); // 100次
  const posts = await indicatorByName("发布微信公众号推文", "12-1"); // 30期
  for (const [ind, value] of [[news, "80"], [posts, "30"]] as const) {
    const r = await saveReport({ indicatorId: ind.id, organizationId: org, year: 2024, month: 12, valueText: value, deviationCategories: ["人员保障"], deviationReason: "记者站调整", correctiveMeasure: "次年补足" }, zhengyan);
    if (!("data" in r)) throw new Error(JSON.stringify(r));
  }
});

describe("项目支出绩效自评表", () => {
  it("is filled from the reports: actuals, reasons, weights and a total", async () => {
    const d = await projectSelfEvaluation(D, CODE, 2024);
    if (!d) throw new Error("no project");
    expect(d.projectName).toBe("机关业务工作");
    expect(d.rows).toHaveLength(19);
    const news = d.rows.find((r) => r.level3 === "开展新闻报道");
    expect(news).toMatchObject({ target: "100次", actual: "80" });
    expect(news?.deviation).toContain("记者站调整");
    expect(news?.score).toBeLessThan(news?.weight ?? 0);
    const posts = d.rows.find((r) => r.level3 === "发布微信公众号推文");
    expect(posts?.score).toBeCloseTo(posts?.weight ?? -1, 10);
    // 80 of 100 scores 80% of the row's weight (正向, not met: weight × actual/target).
    expect(news?.score).toBeCloseTo((news?.weight ?? 0) * 0.8, 10);
    const weights = d.rows.reduce((s, r) => s + r.weight, 0) + (d.budget?.weight ?? 0);
    expect(weights).toBeCloseTo(100, 6);
  });

  it("exports XLSX that reads back with the layout's title, merged headers, grid and total", async () => {
    const d = await projectSelfEvaluation(D, CODE, 2024);
    if (!d) throw new Error("no project");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await selfEvalXlsx(PROJECT_SELF_EVAL, d)) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell("A1").value).toBe("项目支出绩效自评表");
    expect(ws.getCell("A1").isMerged).toBe(true);
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c.text)));
    for (const s of ["项目名称", "机关业务工作", "年度资金总额", "年初预算数", "执行率", "三级指标", "偏差原因分析及改进措施", "开展新闻报道", "总分", d.grade]) expect(cells).toContain(s);
    const totalRow = ws.getRows(1, ws.rowCount)?.find((r) => r.getCell(1).value === "总分");
    expect(Number(totalRow?.getCell(7).value)).toBeCloseTo(Math.round(d.total * 100) / 100, 6);
    expect(ws.pageSetup.orientation).toBe("landscape");
  });

  it("a local variant is a new definition, not new code (年初 / 调整 side by side)", async () => {
    const d = await projectSelfEvaluation(D, CODE, 2024);
    if (!d) throw new Error("no project");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await selfEvalXlsx(PROJECT_SELF_EVAL_WITH_REVISIONS, d)) as unknown as ExcelJS.Buffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(c.text)));
    expect(cells).toContain("年初指标值");
    expect(cells).toContain("调整指标值");
  });

  it("the CLI writes the file and refuses bad arguments", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "jixiao-report-")), "r.json");
    const run = (args: string[]) => spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "cli/index.ts", ...args], { cwd: root, encoding: "utf8", env: process.env });
    const ok = run(["report", "self-eval", "--year", "2024", "--project", CODE, "--format", "json", "--out", out]);
    expect(ok.status, ok.stderr).toBe(0);
    expect((JSON.parse(readFileSync(out, "utf8")) as { rows: unknown[] }).rows).toHaveLength(19);
    expect(run(["report", "self-eval", "--year", "2024", "--project", "123", "--format", "xlsx", "--out", out]).status).toBe(2);
    expect(run(["report", "self-eval", "--year", "2024", "--project", CODE, "--department", "--format", "xlsx", "--out", out]).status).toBe(2);
    expect(run(["report", "monitoring", "--year", "2024", "--project", CODE, "--month", "13", "--format", "csv", "--out", out]).status).toBe(2);
  }, 90_000);

  it("the CLI writes the department form as PDF, the July monitoring form as CSV and the summary as JSON", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "jixiao-report-"));
    const run = (args: string[]) => spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "cli/index.ts", ...args], { cwd: root, encoding: "utf8", env: process.env });
    const pdf = run(["report", "self-eval", "--year", "2024", "--department", "--format", "pdf", "--out", path.join(dir, "d.pdf")]);
    expect(pdf.status, pdf.stderr).toBe(0);
    expect(readFileSync(path.join(dir, "d.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    const csv = run(["report", "monitoring", "--year", "2024", "--project", CODE, "--format", "csv", "--out", path.join(dir, "m.csv")]);
    expect(csv.status, csv.stderr).toBe(0);
    const text = readFileSync(path.join(dir, "m.csv"), "utf8");
    expect(text.startsWith("\ufeff")).toBe(true);
    expect(text).toContain("项目支出绩效目标执行监控表");
    expect(text).toContain("1-7月");
    const json = run(["report", "summary", "--year", "2024", "--format", "json", "--out", path.join(dir, "s.json")]);
    expect(json.status, json.stderr).toBe(0);
    const s = JSON.parse(readFileSync(path.join(dir, "s.json"), "utf8")) as { forms: { scope: string }[] };
    expect(s.forms.map((f) => f.scope)).toEqual(["department", ...(await prisma.project.findMany({ where: { year: 2024 }, orderBy: { sortOrder: "asc" } })).map((p) => `project:${p.code}`)]);
  }, 90_000);
});
