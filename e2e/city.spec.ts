import { test, expect, signInAs } from "./fixtures";
import { query } from "./security-fixtures";

// The finance bureau's day: signs in, lands on the city roll-up (not a department's pages), finds
// the department, opens its overview read-only and comes back. The seeded installation has one
// department, 武汉市人力资源和社会保障局: 139 annual indicators as printed (other specs may add and
// retire rows, so the count is read from the database the server uses).
const annual = () =>
  query<{ n: number }>(`SELECT COUNT(*) AS n FROM "Indicator" i JOIN "Goal" g ON g."id" = i."goalId" WHERE i."year" = 2024 AND i."term" = 'annual' AND i."retiredAt" IS NULL AND g."retiredAt" IS NULL`)[0].n;

test("the finance bureau sees the departments at /city and each one read-only, never the departments' own pages", async ({ page }) => {
  await signInAs(page, "finance");

  // The departments' pages send it to /city; the header offers only 全市.
  await page.goto("/");
  await expect(page).toHaveURL(/\/city$/);
  await expect(page.getByRole("heading", { name: "全市部门绩效监控" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "main" }).getByRole("link")).toHaveText(["全市"]);

  const table = page.getByRole("table", { name: "部门" });
  const row = table.getByRole("row").filter({ hasText: "武汉市人力资源和社会保障局" });
  await expect(row).toHaveCount(1);
  expect(annual()).toBeGreaterThanOrEqual(139);
  await expect(row.getByRole("cell").nth(1)).toHaveText(String(annual()));
  await expect(page.getByText(/第 1–1 个，共 1 个部门/)).toBeVisible();

  // Searching for a department that does not exist empties the list.
  await page.getByLabel("部门名称或编码").fill("不存在的部门");
  await page.getByRole("button", { name: "筛选" }).last().click();
  await expect(page.getByText(/共 0 个部门/)).toBeVisible();
  await page.getByLabel("部门名称或编码").fill("人力资源");
  await page.getByRole("button", { name: "筛选" }).last().click();
  await expect(table.getByRole("row").filter({ hasText: "武汉市人力资源和社会保障局" })).toHaveCount(1);

  // The drill-down: the department's overview, without links into the department's pages.
  await table.getByRole("link", { name: "武汉市人力资源和社会保障局" }).click();
  await expect(page).toHaveURL(/\/city\/[^/?]+\?year=2024&month=\d+/);
  await expect(page.getByRole("heading", { name: "武汉市人力资源和社会保障局" })).toBeVisible();
  await expect(page.getByText("十项最大偏差")).toBeVisible();
  expect(await page.locator('main a[href^="/projects/"], main a[href^="/indicators/"], main a[href^="/offices/"]').count()).toBe(0);
  await page.getByRole("link", { name: "← 全市" }).click();
  await expect(page).toHaveURL(/\/city\?year=2024&month=\d+/);

  // The JSON roll-up agrees with the page.
  const api = (await (await page.request.get("/api/v1/city?year=2024&month=6")).json()) as { data: { departments: { name: string; indicators: number }[]; computedAt: string } };
  expect(api.data.departments).toEqual([expect.objectContaining({ name: "武汉市人力资源和社会保障局", indicators: annual() })]);
  expect(Number.isNaN(Date.parse(api.data.computedAt))).toBe(false);
});

test("a department's manager is refused the city view", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/city");
  await expect(page.getByText("无权执行此操作")).toBeVisible();
  expect((await page.request.get("/api/v1/city")).status()).toBe(403);
});
