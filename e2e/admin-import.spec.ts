import ExcelJS from "exceljs";
import { test, expect, signInAs } from "./fixtures";

// Issue 6: the admin keeps the 绩效目标表 in Excel. A workbook made the way an admin would fill in
// the template: one sheet, 表12-1, one corrected row (集体学习活动 8次 → 10次) with its lead office.
async function workbook(lead: string, target = "10次"): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表12-1");
  ws.addRow(["一级指标", "二级指标", "三级指标", "预计当年实现（2024年）", "牵头单位"]);
  ws.addRow(["产出指标", "数量指标", "集体学习活动（机关党委）", target, lead]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

test("an admin imports a workbook, sees a flagged row, fixes it and imports again", async ({ adminPage: page }) => {
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { name: "Excel 导入导出" })).toBeVisible();
  const form = page.getByRole("form", { name: "导入" });

  // A misspelt office: the problem is named with its sheet, row and column, and nothing can be confirmed.
  await form.getByLabel("文件").setInputFiles({ name: "机关业务工作.xlsx", mimeType: XLSX, buffer: await workbook("机关党工委") });
  await form.getByRole("button", { name: "预览" }).click();
  const problems = page.getByRole("list", { name: "问题" });
  await expect(problems).toContainText("表12-1 第2行 牵头单位（E列）");
  await expect(problems).toContainText("找不到单位“机关党工委”。是不是“机关党委”？");
  await expect(page.getByText("文件有 1 个错误，不能导入")).toBeVisible();
  await expect(page.getByRole("button", { name: "确认导入" })).toBeDisabled();
  const rows = page.getByRole("table", { name: "逐行预览" });
  await expect(rows.getByRole("row").filter({ hasText: "集体学习活动" })).toContainText("有错误");

  // The corrected file: the change is shown as before → after, and the rest of the year is left alone.
  await form.getByLabel("文件").setInputFiles({ name: "机关业务工作.xlsx", mimeType: XLSX, buffer: await workbook("机关党委") });
  await form.getByRole("button", { name: "预览" }).click();
  const row = rows.getByRole("row").filter({ hasText: "集体学习活动" });
  await expect(row).toContainText("修改");
  await expect(row).toContainText("指标值：8次 → 10次");
  await expect(page.getByText("没有发现问题。")).toBeVisible();
  await expect(page.getByText(/文件中没有的行（138）/)).toBeVisible();
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByRole("status").filter({ hasText: "导入完成" })).toContainText("修改 1 行");

  // The catalogue prints the corrected target.
  await page.goto(`/catalogue?table=12-1&term=annual&q=${encodeURIComponent("集体学习活动")}`);
  await expect(page.getByRole("row").filter({ hasText: "集体学习活动" })).toContainText("10次");

  // Importing the printed value back leaves the tables as the specs after this one expect them.
  await page.goto("/admin/import");
  await form.getByLabel("文件").setInputFiles({ name: "机关业务工作.xlsx", mimeType: XLSX, buffer: await workbook("机关党委", "8次") });
  await form.getByRole("button", { name: "预览" }).click();
  await expect(row).toContainText("指标值：10次 → 8次");
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByRole("status").filter({ hasText: "导入完成" })).toContainText("修改 1 行");
});

test("a reporter can neither open the import page nor download the tables", async ({ page }) => {
  await signInAs(page, "jiangan");
  await page.goto("/admin/import");
  await expect(page.getByText("无权执行此操作")).toBeVisible();
  await expect(page.getByRole("form", { name: "导入" })).toHaveCount(0);
  const res = await page.request.get("/api/v1/admin/tables?year=2024&format=xlsx");
  expect(res.status()).toBe(403);
});
