import { test, expect, signInAs } from "./fixtures";

test("a visitor who is not signed in is sent to the login page", async ({ page }) => {
  await page.goto("/catalogue?table=12-1");
  await expect(page).toHaveURL(/\/login\?next=%2Fcatalogue/);
  await expect(page.getByRole("heading", { name: "登录绩效系统" })).toBeVisible();
});

test.describe("an evaluator browses the 2024 indicator tables", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "evaluator");
  });

  test("the catalogue shows every row of the document and filters by project, term and search", async ({ page }) => {
    await page.goto("/catalogue");
    await expect(page.getByRole("heading", { name: "指标目录" })).toBeVisible();
    await expect(page.getByText("2024 · 共 262 条")).toBeVisible();

    await page.getByLabel("项目").selectOption({ label: "表12-1 机关业务工作" });
    await page.getByLabel("类型").selectOption({ label: "年度" });
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/table=12-1/);
    await expect(page.getByText("2024 · 共 19 条")).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "开展新闻报道" });
    await expect(row).toContainText("100次");
    await expect(row).toContainText("政研处");

    // The filter state lives in the URL: the same link reproduces the view.
    const url = page.url();
    await page.goto("/catalogue");
    await page.goto(url);
    await expect(page.getByText("2024 · 共 19 条")).toBeVisible();
  });

  test("search by name and by responsible office", async ({ page }) => {
    await page.goto("/catalogue?q=" + encodeURIComponent("被投诉率"));
    await expect(page.getByRole("row").filter({ hasText: "办案人员被投诉率" }).first()).toContainText("≤1‰");
    await page.goto("/catalogue");
    await page.getByLabel("责任单位").selectOption({ label: "江岸社保处" });
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page.getByRole("row").filter({ hasText: "各社保处" }).first()).toBeVisible();
  });

  test("a project page shows budget, fund sources, second-level projects and both indicator tables", async ({ page }) => {
    await page.goto("/projects");
    await page.getByRole("link", { name: /就业和劳动保障工作/ }).click();
    await expect(page.getByRole("heading", { name: "就业和劳动保障工作" })).toBeVisible();
    await expect(page.getByText("1754.59").first()).toBeVisible();
    await expect(page.getByRole("cell", { name: "劳动能力鉴定工作经费" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "武汉市劳动人事争议仲裁院" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /长期绩效目标表 · 21 个指标/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: /年度绩效目标表 · 20 个指标/ })).toBeVisible();
  });

  test("the department page shows 表11 and the interface switches to English", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "武汉市人力资源和社会保障局" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "全年城镇新增就业人数" })).toBeVisible();
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("link", { name: "Indicators" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /Long-term goals/ })).toBeVisible();
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.getByRole("link", { name: "指标目录" })).toBeVisible();
  });
});
