// `npx tsx scripts/screenshots.ts [baseURL]`: captures the README's screenshots from a running app.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const only = process.argv[3]?.split(",");
const shots: { name: string; path: string; width: number; user?: string; full?: boolean }[] = [
  { name: "catalogue", path: "/catalogue?table=12-1&term=annual", width: 1440, user: "evaluator" },
  { name: "department", path: "/", width: 1440, user: "evaluator" },
  { name: "project", path: "/projects/420100225030030000105?month=6", width: 1440, user: "manager", full: true },
  { name: "project-narrow", path: "/projects/420100225030030000105?month=6", width: 390, user: "manager" },
  { name: "quality", path: "/admin/quality", width: 1440, user: "admin" },
  { name: "indicator", path: "/indicators/1", width: 1440, user: "admin" },
  { name: "indicator-reports", path: "/indicators/205?month=6", width: 1440, user: "manager" },
  { name: "indicator-reports-narrow", path: "/indicators/205?month=6", width: 390, user: "manager" },
  { name: "status-table", path: "/dashboard/indicators?year=2024&month=6&table=12-5", width: 1440, user: "manager" },
  { name: "reporter", path: "/my?year=2024&month=6", width: 1440, user: "jiangan" },
  { name: "reporter-narrow", path: "/my?year=2024&month=6", width: 390, user: "jiangan" },
  { name: "review", path: "/review", width: 1440, user: "manager" },
  { name: "evaluation", path: "/evaluation/420100225030030000105", width: 1440, user: "evaluator", full: true },
  { name: "evaluation-index", path: "/evaluation", width: 1440, user: "evaluator" },
  { name: "evaluation-department", path: "/evaluation/department", width: 1440, user: "evaluator" },
  { name: "evaluation-summary", path: "/evaluation/summary", width: 1440, user: "manager", full: true },
  { name: "admin-tables", path: "/admin/tables?year=2024&table=12-1", width: 1440, user: "admin" },
  { name: "admin-indicator", path: "/admin/tables/indicators/20", width: 1440, user: "admin", full: true },
  { name: "admin-users", path: "/admin/users", width: 1440, user: "admin" },
  { name: "admin-orgs", path: "/admin/orgs", width: 1440, user: "admin" },
  { name: "dashboard", path: "/dashboard?year=2024&month=6", width: 1440, user: "manager", full: true },
  { name: "city", path: "/city?year=2024&month=6", width: 1440, user: "finance", full: true },
  { name: "city-department", path: "/city/503?year=2024&month=6", width: 1440, user: "finance", full: true },
  { name: "dashboard-narrow", path: "/dashboard?year=2024&month=6", width: 390, user: "manager" },
];

async function pageFor(browser: Browser, user?: string) {
  const page = await browser.newPage({ locale: "zh-CN" });
  if (user) {
    const csrf = (await (await page.request.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
    await page.request.post(`${base}/api/auth/callback/credentials`, { form: { csrfToken: csrf.csrfToken, username: user, password: "Jixiao#2024" } });
  }
  return page;
}

const browser = await chromium.launch({
  executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
for (const s of shots.filter((x) => !only || only.includes(x.name))) {
  const page = await pageFor(browser, s.user);
  await page.setViewportSize({ width: s.width, height: 900 });
  await page.goto(base + s.path);
  await page.screenshot({ path: `docs/screenshots/${s.name}.png`, fullPage: s.full ?? false });
  await page.close();
  console.log(`docs/screenshots/${s.name}.png`);
}
await browser.close();
