import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { test, expect, signInAs } from "./fixtures";

const CODE = "420100225030030000101"; // 表12-1 机关业务工作

test("an evaluator adjusts a score with a reason, downloads the form as XLSX and PDF, and is told what blocks finalising", async ({ page }) => {
  await signInAs(page, "evaluator");
  await page.goto("/evaluation");
  await page.getByRole("link", { name: /机关业务工作/ }).click();
  await expect(page.getByRole("heading", { name: "项目支出绩效自评表 · 机关业务工作" })).toBeVisible();
  const grid = page.getByRole("table", { name: "项目支出绩效自评表" });
  await expect(grid.getByRole("row").filter({ hasText: "开展新闻报道" })).toContainText("100次");
  await expect(grid.getByRole("row").last()).toContainText("总分");

  await page.getByLabel("调整得分：开展新闻报道").fill("1");
  await page.getByLabel("调整理由：开展新闻报道").fill("佐证材料不足，酌情给分");
  await page.getByRole("button", { name: "保存评分设置" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  await expect(page.getByLabel("调整得分：开展新闻报道")).toHaveValue("1");

  const current = page.getByRole("group", { name: /下载 当前计算结果/ });
  const [xlsx] = await Promise.all([page.waitForEvent("download"), current.getByRole("link", { name: "XLSX" }).click()]);
  expect(xlsx.suggestedFilename()).toBe("项目支出绩效自评表-机关业务工作-2024.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await xlsx.path()) as unknown as ExcelJS.Buffer);
  const texts: string[] = [];
  const news: unknown[] = [];
  wb.worksheets[0].eachRow((row) => {
    row.eachCell((c) => texts.push(c.text));
    if (row.values && (row.values as unknown[]).includes("开展新闻报道")) news.push(...(row.values as unknown[]));
  });
  expect(texts[0]).toBe("项目支出绩效自评表");
  expect(news).toContain(1); // the adjusted score, with its reason beside it
  expect(news.some((v) => typeof v === "string" && v.includes("佐证材料不足，酌情给分"))).toBe(true);

  const [pdf] = await Promise.all([page.waitForEvent("download"), current.getByRole("link", { name: "PDF" }).click()]);
  const bytes = readFileSync(await pdf.path());
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect(bytes.length).toBeGreaterThan(10_000);

  // Nothing was reported in this database: the form cannot be finalised yet, and says why.
  await page.getByRole("button", { name: "定稿" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "不能定稿" })).toBeVisible();
});

test("a reporter can neither open the self-evaluation nor download it", async ({ page }) => {
  await signInAs(page, "jiangan");
  await page.goto(`/evaluation/${CODE}`);
  await expect(page.getByText("无权执行此操作")).toBeVisible();
  await expect(page.getByRole("button", { name: "保存评分设置" })).toHaveCount(0);
  const res = await page.request.get(`/api/v1/self-eval/${CODE}?year=2024&format=xlsx`);
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
});
