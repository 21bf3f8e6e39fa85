// The CLI on a database that is not set up (a fresh clone before `npm start`): one line naming
// `npm run db:setup`, exit 2, and nothing created — on the engine TEST_ENGINE names.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "./cli-run";
import { freshDatabase, testEngine } from "./db";

const engine = testEngine();
const dir = mkdtempSync(path.join(tmpdir(), "jixiao-cli-setup-"));
const suffix = `${process.pid}_${Date.now()}`;
const cleanups: (() => Promise<unknown>)[] = [() => Promise.resolve(rmSync(dir, { recursive: true, force: true }))];

async function onServer(sql: string) {
  const c = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}
function pgUrl(name: string) {
  const u = new URL(process.env.TEST_POSTGRES_URL ?? "");
  u.pathname = `/${name}`;
  return u.toString();
}

/** A database URL that names nothing yet. */
const missingUrl = () => (engine === "sqlite" ? `file:${path.join(dir, "missing", "jixiao.db")}` : pgUrl(`jixiao_missing_${suffix}`));

/** A database that exists but holds none of Jixiao's tables. */
async function emptyUrl() {
  if (engine === "sqlite") {
    const file = path.join(dir, "empty.db");
    new Database(file).exec("CREATE TABLE unrelated (a)").close();
    return `file:${file}`;
  }
  const name = `jixiao_empty_${suffix}`;
  await onServer(`CREATE DATABASE "${name}"`);
  cleanups.push(() => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  return pgUrl(name);
}

async function run(url: string, sql: string) {
  if (engine === "sqlite") return new Database(url.slice("file:".length)).exec(sql).close();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

const line = /^数据库尚未建立，请运行 npm run db:setup \/ the database (\S+) is not set up \((.+)\): run npm run db:setup\n$/;
function refused(r: ReturnType<typeof cli>, reason: RegExp) {
  expect(r.stdout).toBe("");
  const m = line.exec(r.stderr);
  expect(m, r.stderr).not.toBeNull();
  expect(m?.[2]).toMatch(reason);
  expect(r.code).toBe(2);
  return m?.[1];
}

let migrated: string;
beforeAll(async () => {
  const db = await freshDatabase(engine); // every migration applied, no data loaded
  cleanups.push(db.drop);
  migrated = db.url;
});
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe(`cli on a database that is not set up (${engine})`, () => {
  it("a database that does not exist: says so and creates none", () => {
    const url = missingUrl();
    const where = refused(cli(["export", "indicators", "--year", "2024"], undefined, { DATABASE_URL: url }), /^it does not exist$/);
    if (engine === "sqlite") {
      expect(where).toBe(url.slice("file:".length));
      expect(existsSync(url.slice("file:".length))).toBe(false);
    } else {
      expect(where).toBe(`postgresql://${new URL(url).host}/jixiao_missing_${suffix}`); // no credentials in the message
    }
  });

  it("a database without Jixiao's tables", async () => {
    refused(cli(["token", "create", "--user", "admin"], undefined, { DATABASE_URL: await emptyUrl() }), /^it has no tables$/);
  });

  it("migrated but empty: data commands refuse, the first finance account may be made", () => {
    refused(cli(["export", "indicators", "--year", "2024"], undefined, { DATABASE_URL: migrated }), /^it holds no department$/);
    const r = cli(["finance", "create", "--username", "fin01", "--name", "市财政局"], undefined, { DATABASE_URL: migrated });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^fin01\t\S+\n$/);
  });

  it("a migration behind: names the first one missing", async () => {
    await run(migrated, `DELETE FROM "_jixiao_migrations" WHERE "name" = '0002_reporting.sql'`);
    refused(cli(["report", "summary", "--year", "2024", "--format", "json", "--out", path.join(dir, "s.json")], undefined, { DATABASE_URL: migrated }), /^1 migration\(s\) not applied, from 0002_reporting\.sql$/);
    expect(existsSync(path.join(dir, "s.json"))).toBe(false);
  });

  it("commands that need no database still run", () => {
    const r = cli(["targets", "evaluate"], JSON.stringify({ target: "≥95%", actual: "96%" }) + "\n", { DATABASE_URL: missingUrl() });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ met: true });
  });
});
