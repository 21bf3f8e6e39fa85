// Sign-in limits, password hashing and API tokens.
import { describe, expect, it } from "vitest";
import { prisma } from "../lib/db/prisma";
import { hashPassword, verifyPassword } from "../lib/auth/password";
import { attemptKeys, LOGIN_MAX_FAILURES, recordAttempt, tooManyFailures } from "../lib/auth/rate-limit";
import { apiUser } from "../lib/api/http";
import { factory } from "../prisma/seed/factories";
import { cli } from "./cli-run";
import { seededDepartment } from "./users";


describe("passwords", () => {
  it("are hashed with scrypt and verified", async () => {
    const h = await hashPassword("Jixiao#2024");
    expect(h).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("Jixiao#2024", h)).toBe(true);
    expect(await verifyPassword("jixiao#2024", h)).toBe(false);
  });
});

describe("sign-in attempts are limited", () => {
  it(`refuses after ${LOGIN_MAX_FAILURES} failures in the window, per user and per address`, async () => {
    const keys = attemptKeys("Mallory", "10.0.0.9");
    expect(keys).toEqual(["user:mallory", "ip:10.0.0.9"]);
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) await recordAttempt(keys, false);
    expect(await tooManyFailures(keys)).toBe(false);
    await recordAttempt(keys, false);
    expect(await tooManyFailures(keys)).toBe(true);
    expect(await tooManyFailures(attemptKeys("someone-else", "10.0.0.9"))).toBe(true); // same address
    expect(await tooManyFailures(attemptKeys("someone-else", "10.0.0.10"))).toBe(false);
    // Attempts older than the window do not count.
    expect(await tooManyFailures(keys, Date.now() + 16 * 60 * 1000)).toBe(false);
  });
});

describe("API tokens", () => {
  it("a token made by the CLI authenticates its user; a wrong or revoked one does not", async () => {
    // An account of its own: disabling it below changes no account another test signs in as.
    const build = factory(prisma);
    try {
      const user = await build.user({ role: "reporter", departmentId: await seededDepartment() });
      const made = cli(["token", "create", "--user", user.username]);
      expect(made.stderr).toBe("");
      const token = made.stdout.trim();
      expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      const req = (t: string) => new Request("http://localhost/api/v1/indicators", { headers: { authorization: `Bearer ${t}` } });
      expect((await apiUser(req(token)))?.username).toBe(user.username);
      expect(await apiUser(req(token.slice(0, -2) + "xx"))).toBeNull();
      const stored = await prisma.user.findUniqueOrThrow({ where: { username: user.username } });
      expect(stored.apiTokenHash).not.toContain(token);
      await prisma.user.update({ where: { id: stored.id }, data: { disabled: true } });
      expect(await apiUser(req(token))).toBeNull();
      await prisma.user.update({ where: { id: stored.id }, data: { disabled: false } });
      expect(cli(["token", "revoke", "--user", user.username]).code).toBe(0);
      expect(await apiUser(req(token))).toBeNull();
      expect(cli(["token", "create", "--user", "nobody"]).code).not.toBe(0);
    } finally {
      await build.drop();
    }
  }, 120_000);
});
