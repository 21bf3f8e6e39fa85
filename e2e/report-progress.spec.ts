import { readFileSync } from "node:fs";
import { test, expect, signInAs } from "./fixtures";

const INDICATOR = "社会保险政策宣传资料发放量";
// A minimal valid PDF, as evidence.
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

test.describe.serial("a 社保处 reporter logs a June value below plan; a manager returns it, then approves the correction", () => {
  test("the reporter sees the red light with its explanation and must give a reason", async ({ page }) => {
    await signInAs(page, "jiangan");
    await page.goto("/my?year=2024&month=6");
    await expect(page.getByRole("heading", { name: "我的指标" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: INDICATOR });
    await expect(row).toContainText("18.02万份");
    await expect(row).toContainText("9 个单位共同承担");
    await row.getByRole("link", { name: /填报/ }).click();

    await expect(page.getByRole("heading", { name: INDICATOR })).toBeVisible();
    // 18.02万份 shared by nine offices: 20022.2份 each; by June half of it, 10011.1份.
    await page.getByRole("textbox", { name: /实际完成值/ }).fill("5000");
    await page.getByRole("button", { name: "提交审核" }).click();
    const status = page.getByRole("status").filter({ hasText: "偏差原因" });
    await expect(status).toContainText("红灯");
    await expect(page.getByText(/请说明偏差原因/)).toBeVisible();
    await expect(page.getByRole("textbox", { name: /实际完成值/ })).toHaveValue("5000");

    await page.getByRole("checkbox", { name: "经费保障" }).check();
    await page.getByLabel("偏差原因说明").fill("宣传资料印刷经费6月才到位");
    await page.getByLabel("改进措施").fill("7月集中发放，下沉社区");
    await page.getByLabel("全年预计完成情况").fill("全年可完成");
    await page.getByLabel("完成目标可能性").selectOption("有可能");
    await page.getByRole("button", { name: "提交审核" }).click();
    await expect(page.getByText("已提交，等待审核")).toBeVisible();
    await expect(page.getByTestId("light-explanation")).toContainText("红灯");
  });

  test("a manager returns it with a comment", async ({ page }) => {
    await signInAs(page, "manager");
    await page.goto("/review");
    const card = page.getByRole("form", { name: new RegExp(`${INDICATOR} 江岸社保处 6月`) });
    await card.getByLabel("审核意见").fill("请补充发放记录作为佐证");
    await card.getByRole("button", { name: "退回" }).click();
    // Reviewed reports leave the queue.
    await expect(card).toHaveCount(0);
  });

  test("the reporter corrects with evidence and resubmits; the manager approves and it locks", async ({ page }) => {
    await signInAs(page, "jiangan");
    await page.goto("/my?year=2024&month=6");
    const row = page.getByRole("row").filter({ hasText: INDICATOR });
    await expect(row).toContainText("已退回");
    await expect(row).toContainText("请补充发放记录作为佐证");
    // The office page lists what was returned to it.
    await page.getByRole("link", { name: "江岸社保处 →" }).click();
    await expect(page.getByRole("heading", { name: "江岸社保处" })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: INDICATOR })).toContainText("请补充发放记录作为佐证");
    await page.goto("/my?year=2024&month=6");
    await row.getByRole("link", { name: /填报|查看/ }).click();
    await page.getByRole("textbox", { name: /实际完成值/ }).fill("9500");
    await page.getByLabel(/佐证材料/).setInputFiles({ name: "发放记录.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByRole("button", { name: "提交审核" }).click();
    await expect(page.getByText("已提交，等待审核")).toBeVisible();
    await expect(page.getByTestId("light-explanation")).toContainText("绿灯");

    await signInAs(page, "manager");
    await page.goto("/review");
    const card = page.getByRole("form", { name: new RegExp(`${INDICATOR} 江岸社保处 6月`) });
    await card.getByRole("button", { name: "审核通过" }).click();
    await expect(card).toHaveCount(0);

    await signInAs(page, "jiangan");
    await page.goto("/my?year=2024&month=6");
    await expect(page.getByRole("row").filter({ hasText: INDICATOR })).toContainText("已审核");
    await page.getByRole("row").filter({ hasText: INDICATOR }).getByRole("link").click();
    await expect(page.getByText("已审核锁定")).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "发放记录.pdf" }).click();
    expect(readFileSync(await (await download).path()).subarray(0, 5).toString()).toBe("%PDF-");
    // The audit trail holds every step.
    for (const a of ["report.submit", "report.return", "report.approve"]) await expect(page.getByText(a).first()).toBeVisible();
  });

  test("another office can neither see nor post to it (UI and API)", async ({ page }) => {
    await signInAs(page, "jiangan");
    const mine = (await (await page.request.get("/api/v1/indicators?year=2024&month=6")).json()) as { data: { indicators: { id: number; level3: string; office: { id: number } }[] } };
    const target = mine.data.indicators.find((i) => i.level3 === INDICATOR)!;

    await signInAs(page, "zhengyan");
    const theirs = (await (await page.request.get("/api/v1/indicators?year=2024&month=6")).json()) as { data: { indicators: { level3: string }[] } };
    expect(theirs.data.indicators.map((i) => i.level3)).not.toContain(INDICATOR);
    await page.goto(`/report/${target.id}?month=6`);
    await expect(page.getByRole("heading", { name: INDICATOR })).toHaveCount(0);
    const post = await page.request.post("/api/v1/reports", {
      data: { indicatorId: target.id, organizationId: target.office.id, year: 2024, month: 7, valueText: "100" },
    });
    expect(post.status()).toBe(403);
    expect(((await post.json()) as { error: { code: string } }).error.code).toBe("forbidden");

    // A fellow 社保处 shares the indicator but may only write its own part.
    await signInAs(page, "jianghan");
    const other = await page.request.post("/api/v1/reports", {
      data: { indicatorId: target.id, organizationId: target.office.id, year: 2024, month: 7, valueText: "100" },
    });
    expect(other.status()).toBe(403);
  });
});
