import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { test, expect as baseExpect, signInAs } from "./fixtures";

// A rollover changes the working year of everyone on the database, and every other spec expects
// 2024. So this spec does not touch the suite's database: it seeds its own SQLite file, rolls it
// over with the CLI as an operator would, and serves the same build on a port of its own.

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT ?? 3100) + 1;
const base = `http://127.0.0.1:${port}`;
const db = path.join(root, "data", "e2e-working-year.db");
const env = { ...process.env, DATABASE_URL: `file:${db}`, AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789" };
const PROJECT = "420100225030030000101"; // 表12-1 机关业务工作
let server: ChildProcess | undefined;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", ...args], { cwd: root, env, encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${args.join(" ")}: ${r.stderr}`);
  return r.stdout + r.stderr;
}

// Many pages on a second server: more than the default 30 s (and 5 s a step) on a loaded machine.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ mode: "serial", timeout: 180_000 });
test.use({ baseURL: base });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  run(["prisma/migrate.ts"]);
  run(["prisma/seed.ts"]);
  expect(run(["cli/index.ts", "rollover", "--from", "2024", "--to", "2025"])).toContain("rolled 2024 into 2025");
  server = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env, stdio: "ignore", detached: true });
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`${base}/login`).then((r) => r.ok, () => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the working-year server did not start on ${base}`);
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
});

const yearSelect = (page: import("@playwright/test").Page) => page.getByRole("banner").getByLabel("年度");
/** Chooses a year in the header once the page is interactive (the selector is a client component). */
async function chooseYear(page: import("@playwright/test").Page, year: string) {
  await page.waitForLoadState("networkidle");
  await yearSelect(page).selectOption(year);
}
const subtitle = (page: import("@playwright/test").Page) => page.getByRole("main").locator("h1 + p").first();

test("after rollover --from 2024 --to 2025, every page opens on 2025 and the header switches back to 2024", async ({ page }) => {
  await signInAs(page, "admin");
  const pages: [string, RegExp][] = [
    ["/", /^2025 · /],
    ["/catalogue", /^2025 · /],
    ["/dashboard", /^2025 · /],
    ["/review", /^2025 · /],
    ["/evaluation", /^2025 · /],
    [`/projects/${PROJECT}`, /^2025 · 表12-1/],
    ["/admin/tables", /2025年/],
  ];
  for (const [url, shown] of pages) {
    await page.goto(url);
    await expect(subtitle(page), url).toHaveText(shown);
    await expect(yearSelect(page), url).toHaveValue("2025");
  }

  // The catalogue's rows are 2025's: switching to 2024 shows other rows (2024's ids), same path.
  await page.goto("/catalogue");
  const first2025 = await page.getByRole("main").locator('a[href^="/indicators/"]').first().getAttribute("href");
  await chooseYear(page, "2024");
  await expect(page).toHaveURL(/\/catalogue\?year=2024$/);
  await expect(subtitle(page)).toHaveText(/^2024 · /);
  const first2024 = await page.getByRole("main").locator('a[href^="/indicators/"]').first().getAttribute("href");
  expect(Number(first2024?.split("/").at(-1))).toBeLessThan(Number(first2025?.split("/").at(-1)));

  // The choice is remembered for the session: the next page opens on 2024 too …
  await page.getByRole("navigation", { name: "main" }).getByRole("link", { name: "部门概览" }).click();
  await expect(page).toHaveURL(`${base}/`);
  await expect(subtitle(page)).toHaveText(/^2024 · /);
  await expect(yearSelect(page)).toHaveValue("2024");
  await page.goto(`/projects/${PROJECT}`);
  await expect(subtitle(page)).toHaveText(/^2024 · 表12-1/);

  // … until the latest year is chosen again.
  await chooseYear(page, "2025");
  await expect(page).toHaveURL(new RegExp(`/projects/${PROJECT}\\?year=2025$`));
  await page.goto("/evaluation");
  await expect(subtitle(page)).toHaveText(/^2025 · /);
});

test("a reporter's /my and the API answer for 2025 by default, 2024 when asked", async ({ page }) => {
  await signInAs(page, "jiangan");
  await page.goto("/my");
  await expect(subtitle(page)).toHaveText(/^2025 · /);
  await expect(yearSelect(page)).toHaveValue("2025");
  await page.goto("/my?year=2024");
  await expect(subtitle(page)).toHaveText(/^2024 · /);
  const api = async (q: string) => ((await (await page.request.get(`/api/v1/indicators${q}`)).json()) as { data: { year: number } }).data.year;
  expect(await api("")).toBe(2025);
  expect(await api("?year=2024")).toBe(2024);
});
