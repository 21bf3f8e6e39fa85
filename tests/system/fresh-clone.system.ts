// A fresh clone with nothing beside it (no ../shared), as a new user gets it: the committed HEAD
// cloned into a temporary folder, node_modules linked in (instead of downloading it again) and the
// Prisma client generated as `npm install`'s postinstall does. There, `npm test -- FILE` (the
// suite's entry point: the machine check, then the seed-reading test), `npm run db:setup` and the
// CLI pass; with Chromium hidden, or node_modules missing, `npm test` stops at once with one line.
// Uncommitted changes are not in the clone: this tests what a clone gets.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "./server";

const base = mkdtempSync(path.join(tmpdir(), "jixiao-fresh-"));
const clone = path.join(base, "jixiao");

/** The user's environment: none of this test run's variables, no CI (so nothing is installed). */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", ...extra };
  for (const k of Object.keys(env))
    if (/^(VITEST|TEST_|CI$|JIXIAO_INSTALL$|DATABASE_URL$|AUTH_SECRET$|NODE_ENV$|CHROMIUM_PATH$)/.test(k) && !(k in extra)) delete env[k];
  return env;
}

function run(cmd: string, args: string[], cwd = clone, extra: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd, env: userEnv(extra), encoding: "utf8", timeout: 240_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function gitClone(to: string) {
  const head = run("git", ["rev-parse", "HEAD"], root).stdout.trim();
  expect(run("git", ["clone", "--quiet", "--no-checkout", root, to], base).code).toBe(0);
  expect(run("git", ["checkout", "--quiet", "--detach", head], to).code).toBe(0);
}

beforeAll(() => {
  gitClone(clone);
  // A hard-linked copy (no download, no compile; files the clone writes stay its own), or a symlink
  // where the temporary folder is on another device. Without the copied vite cache, whose files
  // vitest rewrites in place.
  const modules = path.join(clone, "node_modules");
  if (run("cp", ["-al", path.join(root, "node_modules"), modules]).code === 0) rmSync(path.join(modules, ".vite"), { recursive: true, force: true });
  else {
    rmSync(modules, { recursive: true, force: true });
    symlinkSync(path.join(root, "node_modules"), modules);
  }
  const generated = run(process.execPath, ["scripts/prisma-generate.mjs"]);
  expect(generated.code, generated.stderr).toBe(0);
}, 240_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("a fresh clone in a folder with nothing beside it", () => {
  it("holds only the clone: no ../shared beside it, no database yet", () => {
    expect(readdirSync(base)).toEqual(["jixiao"]);
    expect(existsSync(path.join(clone, "data"))).toBe(false);
    expect(existsSync(path.join(clone, "prisma/data/source/wuhan-hrss-2024-department-budget.txt"))).toBe(true);
  });

  it("npm test -- tests/catalogue.test.ts: the machine check passes, then the seed-reading test", () => {
    const r = run("npm", ["test", "--", "tests/catalogue.test.ts"]);
    expect(r.stderr).not.toMatch(/npm test: missing/);
    expect(r.stdout).toMatch(/^\s*Tests\s+7 passed \(7\)$/m);
    expect(r.code).toBe(0);
  });

  it("a CLI read works after npm run db:setup", () => {
    const db = { DATABASE_URL: "file:./data/jixiao.db" };
    expect(run("npm", ["run", "-s", "db:setup"], clone, db).code).toBe(0);
    const r = run("npm", ["run", "-s", "cli", "--", "export", "indicators", "--year", "2024", "--format", "json"], clone, db);
    expect(r.stderr).toBe("");
    expect((JSON.parse(r.stdout) as { indicators: unknown[] }).indicators).toHaveLength(262);
  });

  it("without Chromium, npm test stops at once with one line saying what to install, exit 2", () => {
    const r = run("npm", ["test"], clone, { CHROMIUM_PATH: path.join(base, "no-chromium") });
    expect(r.stderr).toMatch(new RegExp(`^npm test: missing chromium \\(${base}/no-chromium\\) — run: (sudo )?apt-get install chromium[^\\n]*\\n$`));
    expect(r.stdout).not.toMatch(/==/); // no stage started
    expect(r.code).toBe(2);
  });

  it("without node_modules, npm test says run npm install, exit 2", () => {
    const bare = path.join(base, "bare");
    gitClone(bare);
    const r = run("npm", ["test"], bare);
    expect(r.stderr).toBe("npm test: node_modules is missing — run npm install\n");
    expect(r.code).toBe(2);
  });
});
