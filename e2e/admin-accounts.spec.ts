import { test, expect, signInAs } from "./fixtures";

const USERNAME = "jiangan-new";

test.describe.serial("an admin gives a new 江岸社保处 reporter an account, then disables it", () => {
  let password = "";

  test("the admin creates the reporter; the generated password is shown once", async ({ adminPage: page }) => {
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "账户管理" })).toBeVisible();
    const form = page.getByRole("form", { name: "新建账户" });

    // A reporter needs an office: refused, and what was typed stays.
    await form.getByLabel("用户名").fill(USERNAME);
    await form.getByLabel("姓名").fill("江岸社保处 新填报员");
    await form.getByLabel("角色").selectOption({ label: "填报员" });
    await form.getByRole("button", { name: "创建账户" }).click();
    await expect(form.getByRole("alert")).toContainText("填报员必须至少选择一个负责单位");
    await expect(form.getByLabel("用户名")).toHaveValue(USERNAME);

    await form.getByRole("searchbox", { name: "筛选单位" }).fill("江岸");
    await form.getByRole("checkbox", { name: /^江岸社保处/ }).check();
    await expect(form.getByText("已选 1 个")).toBeVisible();
    await form.getByRole("button", { name: "创建账户" }).click();
    await expect(form.getByRole("status")).toContainText(`已创建账户 ${USERNAME}`);
    password = (await form.getByLabel(/初始密码（仅显示这一次/).textContent()) ?? "";
    expect(password).toMatch(/^[A-Za-z2-9]{14}$/);

    // The list shows the account with its office; the same username again is refused clearly.
    const row = page.getByRole("table", { name: "账户管理" }).getByRole("row").filter({ hasText: USERNAME });
    await expect(row).toContainText("江岸社保处");
    await expect(row).toContainText("启用");
    await form.getByLabel("用户名").fill(USERNAME);
    await form.getByLabel("姓名").fill("重名");
    await form.getByLabel("角色").selectOption({ label: "评价人员" });
    await form.getByRole("button", { name: "创建账户" }).click();
    await expect(form.getByRole("alert")).toContainText(`用户名「${USERNAME}」已被使用`);
  });

  test("the new reporter signs in and sees only 江岸社保处's indicators", async ({ page }) => {
    await signInAs(page, USERNAME, password);
    await page.goto("/my?year=2024&month=6");
    await expect(page.getByRole("heading", { name: "我的指标" })).toBeVisible();
    const reportLinks = page.getByRole("link", { name: /^(填报|查看) / });
    const n = await reportLinks.count();
    expect(n).toBeGreaterThan(0);
    await expect(page.getByRole("link", { name: /^(填报|查看) .* 江岸社保处$/ })).toHaveCount(n);
    await expect(page.getByRole("row").filter({ hasText: "社会保险政策宣传资料发放量" })).toBeVisible();
    await expect(page.getByText("开展新闻报道")).toHaveCount(0); // 政研处's
  });

  test("the admin disables the account; the reporter's next page load goes to the login page", async ({ adminPage: page, browser }) => {
    const reporter = await browser.newPage();
    await signInAs(reporter, USERNAME, password);
    await reporter.goto("/my");
    await expect(reporter.getByRole("heading", { name: "我的指标" })).toBeVisible();

    await page.goto("/admin/users");
    await page.getByRole("link", { name: `管理 ${USERNAME}` }).click();
    await expect(page.getByRole("heading", { name: "江岸社保处 新填报员" })).toBeVisible();
    await page.getByRole("button", { name: "停用账户" }).click();
    await expect(page.getByRole("button", { name: "启用账户" })).toBeVisible();
    await expect(page.getByRole("list", { name: "变更记录" })).toContainText("user.disable");

    await reporter.reload();
    await expect(reporter).toHaveURL(/\/login\?next=(%2F|\/)my$/);
    await reporter.close();

    // Signing in again is refused too.
    const again = await browser.newPage();
    await again.goto("/login");
    await again.getByLabel("用户名").fill(USERNAME);
    await again.getByLabel("密码").fill(password);
    await again.getByRole("button", { name: "登录" }).click();
    await expect(again.getByText("用户名或密码不正确")).toBeVisible();
    await again.close();
  });
});

test("an admin is warned before giving an office an alias another office already has", async ({ adminPage: page }) => {
  await page.goto("/admin/orgs");
  await expect(page.getByRole("heading", { name: "单位管理" })).toBeVisible();
  await page.getByRole("table", { name: "单位管理" }).getByRole("link", { name: "政研处", exact: true }).click();
  await expect(page.getByRole("heading", { name: "政研处" })).toBeVisible();
  const form = page.getByRole("form", { name: "添加别名" });
  await form.getByLabel("添加别名").fill("财务处");
  await form.getByRole("button", { name: "添加", exact: true }).click();
  await expect(form.getByRole("alert")).toContainText("「财务处」已是 财务管理处 的别名");
  await expect(page.getByRole("list", { name: "别名" })).not.toContainText("财务处");
  await form.getByRole("button", { name: "仍然添加" }).click();
  await expect(form.getByRole("status")).toContainText("已添加别名");
  const item = page.getByRole("list", { name: "别名" }).getByRole("listitem").filter({ hasText: "财务处" });
  await expect(item).toContainText("也是 财务管理处 的别名");
  await item.getByRole("button", { name: "删除" }).click();
  await expect(page.getByRole("list", { name: "别名" }).getByRole("listitem").filter({ hasText: "财务处" })).toHaveCount(0);
});

test("a reporter cannot open the account pages", async ({ page }) => {
  await signInAs(page, "jiangan");
  await page.goto("/admin/users");
  await expect(page.getByText("无权执行此操作")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});
