import { test, expect } from "./fixtures";

test("the login form refuses a wrong password and admits a demo account", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("admin");
  await page.getByLabel("密码").fill("wrong-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("用户名或密码不正确")).toBeVisible();
  await page.getByLabel("密码").fill("Jixiao#2024");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("button", { name: "退出" })).toBeVisible();
  // The admin's menu leads to the administration pages.
  await page.getByRole("link", { name: "管理", exact: true }).click();
  await expect(page.getByRole("link", { name: /数据质量/ })).toBeVisible();
});

test("pages carry the security headers", async ({ page }) => {
  const res = await page.goto("/login");
  const h = res?.headers() ?? {};
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});
