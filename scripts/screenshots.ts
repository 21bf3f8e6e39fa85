// `npx tsx scripts/screenshots.ts [baseURL]`: captures the README's screenshots from a running app.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const shots: { name: string; path: string; width: number; full?: boolean }[] = [
  { name: "catalogue", path: "/catalogue?table=12-1&term=annual", width: 1440 },
  { name: "department", path: "/", width: 1440 },
  { name: "project", path: "/projects/420100225030030000102", width: 1440 },
  { name: "project-narrow", path: "/projects/420100225030030000102", width: 390 },
  { name: "quality", path: "/admin/quality", width: 1440 },
  { name: "indicator", path: "/indicators/1", width: 1440 },
];

const browser = await chromium.launch({
  executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const page = await browser.newPage({ locale: "zh-CN" });
const csrf = (await (await page.request.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string };
await page.request.post(`${base}/api/auth/callback/credentials`, { form: { csrfToken: csrf.csrfToken, username: "admin", password: "Jixiao#2024" } });
for (const s of shots) {
  await page.setViewportSize({ width: s.width, height: 900 });
  await page.goto(base + s.path);
  await page.screenshot({ path: `docs/screenshots/${s.name}.png`, fullPage: s.full ?? false });
  console.log(`docs/screenshots/${s.name}.png`);
}
await browser.close();
