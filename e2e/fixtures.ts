import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Jixiao#2024";

/** Signs in through Auth.js's credentials endpoint (the login form has its own spec). */
export async function signInAs(page: Page, username: string, password = DEMO_PASSWORD) {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
}

export const test = base.extend<{ adminPage: Page }>({
  adminPage: async ({ page }, use) => {
    await signInAs(page, "admin");
    await use(page);
  },
});
export { expect };
