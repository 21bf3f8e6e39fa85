import { test, expect, signInAs } from "./fixtures";
import type { Page } from "@playwright/test";

// A scripted March (as-of month 3, time progress 3/12) and the lights worked out by hand:
// - 社会保险政策宣传资料发放量 18.02万份 ÷ 9 offices = 20022.2份 each; by March 5005.6; 江岸 1000 → 20% → red.
// - 开展新闻报道 100次 (政研处 alone): by March 25; 16 → 64% → yellow.
// - 发布微信公众号推文 30期 (政研处): by March 7.5; 12 → 160% → blue.
// - 参保对象满意率 95% (江岸 96%: green) stays "not reported" overall: eight other 社保处 have not reported.
// No other indicator is red, yellow or blue without reports.
const SCRIPT: { user: string; level3: string; value: string; reason?: boolean }[] = [
  { user: "jiangan", level3: "参保对象满意率", value: "96%" },
  { user: "zhengyan", level3: "开展新闻报道", value: "16", reason: true },
  { user: "zhengyan", level3: "发布微信公众号推文", value: "12" },
];

async function post(page: Page, user: string, level3: string, value: string, reason: boolean) {
  await signInAs(page, user);
  const list = (await (await page.request.get("/api/v1/indicators?year=2024&month=3")).json()) as { data: { indicators: { id: number; level3: string; office: { id: number } }[] } };
  const ind = list.data.indicators.find((i) => i.level3 === level3);
  expect(ind, level3).toBeDefined();
  const res = await page.request.post("/api/v1/reports", {
    data: {
      indicatorId: ind!.id, organizationId: ind!.office.id, year: 2024, month: 3, valueText: value, intent: "submit",
      ...(reason ? { deviationCategories: ["其他"], deviationReason: `${level3}：一季度进度慢`, correctiveMeasure: "二季度加快" } : {}),
    },
  });
  expect(res.status(), await res.text()).toBe(201);
}

test("a manager sees the scripted March in the overview and drills down to the report and its evidence", async ({ page }) => {
  for (const s of SCRIPT) await post(page, s.user, s.level3, s.value, !!s.reason);
  // The red one is reported through the form, with evidence.
  await signInAs(page, "jiangan");
  await page.goto("/my?year=2024&month=3");
  await page.getByRole("row").filter({ hasText: "社会保险政策宣传资料发放量" }).getByRole("link", { name: /填报/ }).click();
  await page.getByRole("textbox", { name: /实际完成值/ }).fill("1000");
  await page.getByRole("checkbox", { name: "其他" }).check();
  await page.getByLabel("偏差原因说明").fill("社会保险政策宣传资料发放量：一季度进度慢");
  await page.getByLabel("改进措施").fill("二季度加快");
  await page.getByLabel(/佐证材料/).setInputFiles({ name: "一季度发放台账.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByText("已提交，等待审核")).toBeVisible();

  await signInAs(page, "manager");
  await page.goto("/dashboard?year=2024&month=3");
  await expect(page.getByRole("heading", { name: "绩效监控总览" })).toBeVisible();
  await expect(page.getByText("139 个年度指标")).toBeVisible();
  await expect(page.getByTestId("overall-red")).toContainText("1");
  await expect(page.getByTestId("overall-yellow")).toContainText("1");
  await expect(page.getByTestId("overall-blue")).toContainText("1");

  // Per project: 表12-1 holds the yellow and the blue, 表12-5 the red.
  await page.getByText("查看数据表").first().click();
  const byProject = page.getByRole("table", { name: "按项目" });
  const row = (name: string) => byProject.getByRole("row").filter({ hasText: name });
  const cells = async (name: string) => (await row(name).getByRole("cell").allTextContents()).slice(1, 4); // red, yellow, overdue
  expect(await cells("表12-1 机关业务工作")).toEqual(["0", "1", "0"]);
  expect(await cells("表12-5 社会保障工作")).toEqual(["1", "0", "0"]);

  // The worst shortfalls: the red first, with its reason; then the drill-down.
  const worst = page.getByRole("table", { name: "十项最大偏差" });
  await expect(worst.getByRole("row").nth(1)).toContainText("社会保险政策宣传资料发放量");
  await expect(worst.getByRole("row").nth(1)).toContainText("一季度进度慢");
  await expect(worst.getByRole("row").nth(2)).toContainText("开展新闻报道");
  await worst.getByRole("link", { name: "社会保险政策宣传资料发放量" }).click();
  await expect(page.getByRole("heading", { name: "社会保险政策宣传资料发放量" })).toBeVisible();
  const reports = page.getByRole("table", { name: "各月报告" });
  await expect(reports.getByRole("row").filter({ hasText: "3月" }).first()).toContainText("1000");
  await expect(reports).toContainText("一季度进度慢");
  await expect(reports.getByRole("link", { name: "一季度发放台账.pdf" })).toBeVisible();

  // The August review of January–July is one click.
  await page.goto("/dashboard?year=2024&month=3");
  await page.getByRole("link", { name: "1–7月集中监控" }).click();
  await expect(page).toHaveURL(/month=7/);
  await expect(page.getByText("截至 7月")).toBeVisible();

  // The month lives in the URL: the same link shows the same view.
  await page.goto("/dashboard?year=2024&month=3");
  await expect(page.getByTestId("overall-red")).toContainText("1");
});

test("the status table filters, sorts and chooses columns through the URL, and downloads as shown", async ({ page }) => {
  await signInAs(page, "manager");
  await page.goto("/dashboard/indicators?year=2024&month=3");
  await page.getByRole("combobox", { name: /^状态/ }).selectOption({ label: "红灯" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/light=red/);
  const table = page.getByRole("table", { name: "指标状态明细" });
  await expect(table.getByRole("row")).toHaveCount(2); // header + the one red row
  await expect(table.getByRole("row").nth(1)).toContainText("社会保险政策宣传资料发放量");

  // All lights, sorted by progress descending, without the 二级 column: all in the URL.
  await page.goto("/dashboard/indicators?year=2024&month=3&table=12-1");
  // Numbers sort the largest first on the first click, then the other way.
  const progress = table.getByRole("columnheader", { name: /完成进度/ });
  // Clicks right after a navigation may land before React has hydrated: retry until the URL follows.
  const until = async (pattern: RegExp, act: () => Promise<void>) =>
    expect(async () => {
      if (!pattern.test(page.url())) await act();
      await expect(page).toHaveURL(pattern, { timeout: 1000 });
    }).toPass();
  await until(/sort=achievement\.desc/, () => progress.getByRole("button").click());
  await expect(progress).toHaveAttribute("aria-sort", "descending");
  await until(/sort=achievement\.asc/, () => progress.getByRole("button").click());
  await expect(progress).toHaveAttribute("aria-sort", "ascending");
  await expect(table.getByRole("row").nth(1)).toContainText("开展新闻报道"); // 64%, the lowest reported
  await page.goto("/dashboard/indicators?year=2024&month=3&table=12-1&sort=achievement.desc");
  await page.getByText("选择列").click();
  await until(/cols=level2/, () => page.getByRole("checkbox", { name: "二级指标" }).click());
  await expect(table.getByRole("row").nth(1)).toContainText("发布微信公众号推文"); // 160%, the highest
  const url = page.url();
  await page.goto("/dashboard");
  await page.goto(url);
  await expect(table.getByRole("row").nth(1)).toContainText("发布微信公众号推文");
  await expect(table.getByRole("columnheader", { name: "二级指标" })).toHaveCount(0);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 CSV" }).click();
  const csv = await (await download).createReadStream();
  let text = "";
  for await (const chunk of csv) text += chunk;
  const lines = text.replace(/^\ufeff/, "").trim().split(/\r?\n/);
  expect(lines[0]).not.toContain("二级指标");
  expect(lines[1]).toContain("发布微信公众号推文");
  expect(lines[1]).toContain("蓝灯");
  expect(lines).toHaveLength(1 + 20); // 表12-1's 19 annual rows; 聘请第三方检查频次 has two offices
});
