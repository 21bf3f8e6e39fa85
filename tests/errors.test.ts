// Issue 14 ("Errors", "Scope"): one AppError reaching each boundary with the shape and status it
// had; writes through mutate's transaction with their audit rows, all or nothing; an explicit scope
// for `cli export indicators` in an installation holding two departments.
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { prisma } from "../lib/db/prisma";
import type { CurrentUser } from "../lib/auth";
import { AppError, asResult } from "../lib/actions/errors";
import { audited, DomainError, mutate } from "../lib/actions/mutation";
import { apiResult } from "../lib/api/http";

/** Tests that spawn the CLI (a fresh Node + Prisma each run) get room on a busy machine. */
const CLI_TIMEOUT = 120_000;
import { tablesFile, writeImport } from "../lib/import/db";
import { previewImport } from "../lib/import/server";
import { rollover } from "../lib/admin/rollover";
import { tablesCommand } from "../cli/tables";
import { factory } from "../prisma/seed/factories";
import { cli } from "./cli-run";
import { otherDepartment, type OtherDepartment } from "./departments";
import { asUser, seededDepartment } from "./users";

let admin: CurrentUser;
let dept: number;
let bytes: Buffer;
const dir = mkdtempSync(path.join(tmpdir(), "jixiao-errors-"));

beforeAll(async () => {
  admin = await asUser("admin");
  dept = await seededDepartment();
  bytes = (await tablesFile(dept, 2024)) as Buffer;
});

const api = async (r: Parameters<typeof apiResult>[0]) => {
  const res = apiResult(r);
  return { status: res.status, body: (await res.json()) as unknown };
};

describe("one AppError", () => {
  it("is the class the former names stand for", () => {
    expect(DomainError).toBe(AppError);
    const e = new AppError({ code: "locked", message: { zh: "已锁定", en: "Locked" } });
    expect(e.message).toBe("Locked");
    expect(asResult(e)).toEqual({ error: { code: "locked", message: { zh: "已锁定", en: "Locked" } } });
    expect(asResult({ code: "P2002" })).toMatchObject({ error: { code: "conflict" } });
    expect(() => asResult(new RangeError("x"))).toThrow(RangeError);
  });

  it("from the import (formerly ImportRefused): action result, API 404, CLI exit 1 with both languages", async () => {
    const r = await previewImport({ year: 2031, fileName: "tables.xlsx", bytes }, admin);
    const message = { zh: "2031年还没有指标表（可在“指标表维护”中结转生成）", en: "2031 has no tables yet (roll them over under Indicator tables)" };
    expect(r).toEqual({ error: { code: "not_found", message } });
    expect(await api(r)).toEqual({ status: 404, body: { error: { code: "not_found", message, fields: null } } });
    const file = path.join(dir, "tables.xlsx");
    writeFileSync(file, bytes);
    let err = "";
    expect(await tablesCommand(["import", "--year", "2031", "--file", file], () => {}, (s) => (err += s))).toBe(1);
    expect(err).toBe(`error: ${message.en}\n${message.zh}\n`);
  });

  it("from the rollover (formerly RolloverRefused): action result, API 409, CLI exit 1", async () => {
    const r = await rollover({ from: 2023, to: 2024 }, admin);
    if (!("error" in r)) throw new Error("rolled into a year that has tables");
    expect(r.error.code).toBe("conflict");
    expect(r.error.message.en).toMatch(/^2024 already has tables/);
    expect((await api(r)).status).toBe(409);
    const c = cli(["rollover", "--from", "2023", "--to", "2024"]);
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(/^error: 2024 already has tables .*\n2024年已有指标表/);
  }, CLI_TIMEOUT);

  it("from a mutation (formerly DomainError): action result and API status; nothing written", async () => {
    const before = await prisma.auditLog.count();
    const r = await mutate({
      input: {},
      schema: z.object({}),
      roles: ["admin"],
      user: admin,
      run: () => {
        throw new DomainError({ code: "period_closed", message: { zh: "已关闭", en: "Closed" }, fields: { month: ["已关闭 / Closed"] } });
      },
    });
    expect(r).toEqual({ error: { code: "period_closed", message: { zh: "已关闭", en: "Closed" }, fields: { month: ["已关闭 / Closed"] } } });
    expect(await api(r)).toEqual({ status: 409, body: { error: { code: "period_closed", message: { zh: "已关闭", en: "Closed" }, fields: { month: ["已关闭 / Closed"] } } } });
    expect(await prisma.auditLog.count()).toBe(before);
  });
});

describe("writes through mutate's transaction", () => {
  it("writes several audit rows with one change, or nothing at all when it is refused", async () => {
    // An indicator of its own (in a department of its own), so no seeded row is changed and restored.
    const build = factory(prisma);
    const own = await build.department();
    const ind = await build.indicator({ goal: await build.goal({ departmentId: own.id }), basis: "原来的依据" });
    const change = (basis: string, refuse: boolean) =>
      audited({ userId: admin.id, departmentId: own.id, ids: true, timeout: 20_000 }, async (tx) => {
        await tx.indicator.update({ where: { id: ind.id }, data: { basis } });
        if (refuse) throw new AppError({ code: "invalid", message: { zh: "不行", en: "No" } });
        return { data: basis, audit: [1, 2].map((n) => ({ action: "test.many", entity: "Indicator", entityId: `${ind.id}-${n}`, before: { basis: ind.basis }, after: { basis } })) };
      });
    try {
      const refused = await change("拒绝的依据", true);
      expect(refused).toEqual({ error: { code: "invalid", message: { zh: "不行", en: "No" } } });
      expect((await prisma.indicator.findUniqueOrThrow({ where: { id: ind.id } })).basis).toBe(ind.basis);
      expect(await prisma.auditLog.count({ where: { action: "test.many" } })).toBe(0);

      const done = await change("测试依据", false);
      if ("error" in done) throw new Error(done.error.message.en);
      expect(done.auditIds).toHaveLength(2);
      const rows = await prisma.auditLog.findMany({ where: { id: { in: done.auditIds } }, orderBy: { id: "asc" } });
      expect(rows.map((a) => [a.userId, a.entityId, a.after])).toEqual([1, 2].map((n) => [admin.id, `${ind.id}-${n}`, JSON.stringify({ basis: "测试依据" })]));
    } finally {
      await prisma.auditLog.deleteMany({ where: { action: "test.many" } });
      await build.drop();
    }
  });

  it("an import refused after the preview writes no row and no audit row", async () => {
    const before = await prisma.auditLog.count();
    const r = await writeImport(dept, { year: 2024, fileName: "tables.xlsx", bytes, digest: "0".repeat(64) }, admin.id, "web");
    if (!("error" in r)) throw new Error("imported against a stale preview");
    expect(r.error.code).toBe("conflict");
    expect(r.error.message.en).toMatch(/changed after the preview/);
    expect(await prisma.auditLog.count()).toBe(before);
  });
});

describe("two departments: the CLI names one", () => {
  let other: OtherDepartment;
  let seededCode: string;
  beforeAll(async () => {
    other = await otherDepartment("599");
    seededCode = (await prisma.department.findUniqueOrThrow({ where: { id: dept } })).code;
  });
  afterAll(async () => {
    await prisma.auditLog.deleteMany({ where: { action: { in: ["token.create", "token.revoke"] }, entityId: String(other.users.manager.id) } });
    await other.drop();
  });

  it("export indicators refuses without --dept in one bilingual line listing the codes (exit 2)", async () => {
    // Every department the installation holds is listed (earlier test files may have left their own).
    const codes = (await prisma.department.findMany({ select: { code: true }, orderBy: { code: "asc" } })).map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining([seededCode, "599"]));
    const r = cli(["export", "indicators", "--year", "2024"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`error: 有多个部门，请用 --dept 指定其一：${codes.join("、")} / there are several departments: name one with --dept CODE (${codes.join(", ")})\n`);
  }, CLI_TIMEOUT);

  it("export indicators --dept exports that department's indicators only", () => {
    const theirs = cli(["export", "indicators", "--year", "2024", "--dept", "599"]);
    expect(theirs.code).toBe(0);
    const rows = (JSON.parse(theirs.stdout) as { indicators: { level3: string }[] }).indicators;
    expect(rows.map((i) => i.level3).sort()).toEqual(["其他部门指标1", "其他部门指标2"]);
    const seeded = cli(["export", "indicators", "--year", "2024", "--dept", seededCode]);
    const ours = (JSON.parse(seeded.stdout) as { indicators: { level3: string }[] }).indicators;
    expect(ours).toHaveLength(262);
    expect(ours.some((i) => i.level3.startsWith("其他部门指标"))).toBe(false);
  }, CLI_TIMEOUT);

  it("token create (a CLI write) leaves its audit row in the same transaction as the change", async () => {
    const u = other.users.manager;
    const r = cli(["token", "create", "--user", u.username]);
    expect(r.code).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).apiTokenHash).not.toBeNull();
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "token.create", entityId: String(u.id) } });
    expect(audit.userId).toBeNull();
    expect(JSON.parse(audit.after as string)).toEqual({ username: u.username, via: "cli" });
    expect(cli(["token", "revoke", "--user", u.username]).code).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).apiTokenHash).toBeNull();
  }, CLI_TIMEOUT);
});
