import "server-only";
import { prisma } from "../db/prisma";

// Sign-in attempts are counted in the database, so the limit holds across app instances.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 10;

export async function tooManyFailures(keys: string[], now = Date.now()): Promise<boolean> {
  const since = new Date(now - LOGIN_WINDOW_MS);
  const failures = await prisma.loginAttempt.groupBy({ by: ["key"], where: { key: { in: keys }, ok: false, at: { gte: since } }, _count: true });
  return failures.some((f) => f._count >= LOGIN_MAX_FAILURES);
}

export async function recordAttempt(keys: string[], ok: boolean): Promise<void> {
  await prisma.loginAttempt.createMany({ data: keys.map((key) => ({ key, ok })) });
}

export function attemptKeys(username: string, ip: string | null): string[] {
  return [`user:${username.toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])];
}
