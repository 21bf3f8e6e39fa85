import { test, expect, signInAs } from "./fixtures";

const NAME = "举办博士后学术交流活动";

test.describe("an admin fixes the rows the data-quality page flags", () => {
  test("a new row without an office and with an unreadable target is flagged, fixed where the link leads, and no longer flagged", async ({ adminPage: page }) => {
    // The admin adds a row to 表12-3's annual table; the target is not decided yet.
    await page.goto("/admin/tables?year=2024&table=12-3");
    await expect(page.getByRole("heading", { name: "指标表管理" })).toBeVisible();
    await page.getByRole("link", { name: "新增指标" }).last().click();
    const create = page.getByRole("form", { name: "新增指标" });
    await create.getByLabel("一级指标").fill("产出指标");
    await create.getByLabel("二级指标").fill("数量指标");
    await create.getByLabel("三级指标").fill(NAME);
    await create.getByLabel("年初指标值").fill("待定");
    await create.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("heading", { name: NAME })).toBeVisible();

    // The data-quality page lists both problems; the office one leads to the office assignment.
    await page.goto("/admin/quality");
    const noOffice = page.getByRole("listitem").filter({ hasText: NAME }).filter({ hasText: "没有责任单位" });
    const unparsed = page.getByRole("listitem").filter({ hasText: NAME }).filter({ hasText: "未能解析" });
    await expect(noOffice).toHaveCount(1);
    await expect(unparsed).toHaveCount(1);
    await noOffice.getByRole("link", { name: /指定责任单位/ }).click();
    await expect(page).toHaveURL(/#offices$/);
    await expect(page.getByText("尚未指定责任单位")).toBeVisible();
    const add = page.getByRole("form", { name: "添加责任单位" });
    await add.getByLabel("选择单位").selectOption({ label: "专技处" });
    await add.getByRole("button", { name: "添加责任单位" }).click();
    await expect(page.getByRole("form", { name: "专技处" })).toBeVisible();
    await expect(page.getByText("尚未指定责任单位")).toHaveCount(0);

    // Back on the list the office problem is gone; the target one leads to the target field.
    await page.goto("/admin/quality");
    await expect(page.getByRole("listitem").filter({ hasText: NAME }).filter({ hasText: "没有责任单位" })).toHaveCount(0);
    await page.getByRole("listitem").filter({ hasText: NAME }).filter({ hasText: "未能解析" }).getByRole("link", { name: /修改指标值/ }).click();
    await expect(page).toHaveURL(/#target$/);
    const edit = page.getByRole("form", { name: "修改指标" });
    await edit.getByLabel("年初指标值").fill("≥4次");
    await edit.getByRole("button", { name: "保存" }).click();
    await expect(edit.getByText("已保存")).toBeVisible();
    await expect(edit.getByText("定量")).toBeVisible();

    await page.goto("/admin/quality?code=unparsed_target");
    await expect(page.getByRole("listitem").filter({ hasText: NAME })).toHaveCount(0);
    await page.goto("/admin/quality");
    await expect(page.getByRole("listitem").filter({ hasText: NAME })).toHaveCount(0);

    // The row was only for this story: retiring it takes it out of the catalogue again.
    await page.goto("/admin/tables?year=2024&table=12-3");
    await page.getByRole("link", { name: NAME }).first().click();
    await page.getByRole("button", { name: "停用此指标" }).click();
    await expect(page.getByRole("button", { name: "恢复此指标" })).toBeVisible();
    await page.goto(`/catalogue?table=12-3&q=${encodeURIComponent(NAME)}`);
    await expect(page.getByText("没有符合条件的指标")).toBeVisible();
  });

  test("a visitor is sent to sign in; a reporter may not edit the tables", async ({ page }) => {
    await page.goto("/admin/tables");
    await expect(page).toHaveURL(/\/login/);
    await signInAs(page, "zhengyan");
    await page.goto("/admin/tables");
    await expect(page.getByText("无权执行此操作")).toBeVisible();
    await expect(page.getByRole("link", { name: "新增指标" })).toHaveCount(0);
  });
});
