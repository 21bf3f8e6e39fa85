import { test, expect } from "./fixtures";

test.describe("an admin checks the document's inconsistencies and confirms a target parse", () => {
  test("the data-quality list names the office printed two ways and links to the rows", async ({ adminPage: page }) => {
    await page.goto("/admin/quality");
    await expect(page.getByRole("heading", { name: "数据质量" })).toBeVisible();
    const item = page.getByRole("listitem").filter({ hasText: "企业薪酬调查户数" }).filter({ hasText: "两种写法" });
    await expect(item).toContainText("监察关系处");
    await expect(item).toContainText("农工处");
    await item.getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "企业薪酬调查户数" })).toBeVisible();
  });

  test("overriding a parse is saved, shown and audited; bad input changes nothing", async ({ adminPage: page }) => {
    await page.goto("/catalogue?table=12-1&term=annual&q=" + encodeURIComponent("开展新闻报道"));
    await page.getByRole("link", { name: "开展新闻报道" }).click();
    await expect(page.getByRole("heading", { name: "开展新闻报道" })).toBeVisible();
    const form = page.getByRole("form", { name: "人工确认解析" });

    await form.getByLabel("指标值").fill("这不是一个指标值###");
    await form.getByRole("button", { name: "人工确认解析" }).click();
    await expect(form.getByText(/无法解析/)).toBeVisible();
    await expect(page.getByText("已人工确认")).toHaveCount(0);

    await form.getByLabel("指标值").fill("≥100次");
    await form.getByRole("button", { name: "人工确认解析" }).click();
    await expect(page.getByText("已人工确认").first()).toBeVisible();
    await expect(page.getByText(/target\.override · 系统管理员/)).toBeVisible();
  });

  test("a visitor cannot open the data-quality page", async ({ page }) => {
    await page.goto("/admin/quality");
    await expect(page).toHaveURL(/\/login/);
  });
});
