import { readFileSync } from "node:fs";
import path from "node:path";
import { test, expect, signInAs } from "./fixtures";

// Issue 12: an admin onboards the department's published budget. What an admin of department 503
// may onboard is its own document: here the seed's budget text with one target reprinted (表12-6
// 玩具、图书等资料购买数量 2600件/套 → 2800件/套), reviewed and imported, then the original imported
// again, which puts the row back. A file that is not a budget gets a message and writes nothing.

const SEED = readFileSync(path.resolve(import.meta.dirname, "../prisma/data/source/wuhan-hrss-2024-department-budget.txt"), "utf8");
const CHANGED = SEED.replace("2600件/套", "2800件/套");
const file = (name: string, text: string, mimeType = "text/plain") => ({ name, mimeType, buffer: Buffer.from(text, "utf8") });

test.describe.serial("onboarding from the department budget", () => {
  test("an admin uploads the budget, reviews the tables beside their source lines, imports the change, and re-imports the original", async ({ adminPage: page }) => {
    test.setTimeout(120_000);
    await page.goto("/admin/onboard");
    await expect(page.getByRole("heading", { name: "从部门预算导入" })).toBeVisible();
    const form = page.getByRole("form", { name: "上传预算文件" });
    await form.getByLabel("预算文件").setInputFiles(file("武汉市人社局2024年部门预算.txt", CHANGED));
    await form.getByRole("button", { name: "读取并预览" }).click();

    const review = page.getByRole("region", { name: "核对抽取结果" });
    await expect(review).toContainText("503 武汉市人力资源和社会保障局", { timeout: 60_000 });
    await expect(review).toContainText("新增 0 · 变更 1 · 不变 261");
    await expect(page.getByText("没有发现问题。")).toBeVisible();
    // The document's own grid: 一级 / 二级 / 三级, the year columns, and the lines each row was read from.
    const table = page.getByRole("region", { name: /表12-6 .* 年度绩效目标/ });
    const row = table.getByRole("row").filter({ hasText: "玩具、图书等资料购买数量" });
    await expect(row).toContainText("2800件/套");
    await expect(row).toContainText("变更");
    await expect(row).toContainText("target: 2600件/套 → 2800件/套");
    await expect(row.locator("pre")).toContainText("2800件/套");
    await expect(row).toContainText(/第\d+(–\d+)?行/);
    await expect(table.getByRole("columnheader", { name: "2023年" })).toBeVisible();

    await page.getByRole("button", { name: "全部导入" }).click();
    const done = page.getByRole("status").filter({ hasText: "导入完成" });
    await expect(done).toContainText("新增 0 个指标，变更 1 个，261 个不变", { timeout: 60_000 });
    await expect(done.getByRole("link", { name: "查看导入的指标表" })).toHaveAttribute("href", "/admin/tables?year=2024");

    // The original again: the one row goes back; a third time there is nothing to import.
    await done.getByRole("button", { name: "导入另一个文件" }).click();
    await form.getByLabel("预算文件").setInputFiles(file("武汉市人社局2024年部门预算.txt", SEED));
    await form.getByRole("button", { name: "读取并预览" }).click();
    await expect(review).toContainText("新增 0 · 变更 1 · 不变 261", { timeout: 60_000 });
    await page.getByRole("button", { name: "全部导入" }).click();
    await expect(page.getByRole("status").filter({ hasText: "导入完成" })).toContainText("变更 1 个", { timeout: 60_000 });
    await page.getByRole("button", { name: "导入另一个文件" }).click();
    await form.getByLabel("预算文件").setInputFiles(file("武汉市人社局2024年部门预算.txt", SEED));
    await form.getByRole("button", { name: "读取并预览" }).click();
    await expect(page.getByText("系统中已有该文件的全部内容，无需导入。")).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole("button", { name: "全部导入" })).toBeDisabled();
  });

  test("a file that is not a budget gets a message and nothing to import", async ({ adminPage: page }) => {
    await page.goto("/admin/onboard");
    const form = page.getByRole("form", { name: "上传预算文件" });
    // Wrong kind of file: refused before it is sent.
    await form.getByLabel("预算文件").setInputFiles(file("指标表.xlsx", "x", "application/octet-stream"));
    await form.getByRole("button", { name: "读取并预览" }).click();
    await expect(page.getByTestId("onboard-error")).toContainText("只能导入部门预算的 .pdf 文件或其文本 .txt 文件");
    // A PDF without text: refused by the server.
    await form.getByLabel("预算文件").setInputFiles({ name: "扫描件.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n") });
    await form.getByRole("button", { name: "读取并预览" }).click();
    await expect(page.getByTestId("onboard-error")).toContainText(/PDF/, { timeout: 30_000 });
    // A text with no goal tables: read, shown with its problem, and nothing can be imported.
    await form.getByLabel("预算文件").setInputFiles(file("部门预算说明.txt", "武汉市某局2024年部门预算\n一、部门主要职责\n……\n"));
    await form.getByRole("button", { name: "读取并预览" }).click();
    await expect(page.getByRole("list", { name: "问题" })).toContainText("绩效目标表", { timeout: 30_000 });
    await expect(page.getByRole("button", { name: "全部导入" })).toBeDisabled();
  });

  test("only admins may open it", async ({ page }) => {
    await signInAs(page, "manager");
    await page.goto("/admin/onboard");
    await expect(page.getByText("无权执行此操作")).toBeVisible();
  });
});
