import { prisma } from "../lib/db/prisma";
import type { CurrentUser, Role } from "../lib/auth";

/** The seeded demo account as the server sees it after sign-in. */
export async function asUser(username: string): Promise<CurrentUser> {
  const u = await prisma.user.findUniqueOrThrow({ where: { username }, include: { orgs: true } });
  return { id: u.id, name: u.name, username: u.username, role: u.role as Role, orgIds: u.orgs.map((o) => o.organizationId) };
}

export async function indicatorByName(level3: string, tableNo: string) {
  return prisma.indicator.findFirstOrThrow({ where: { level3, tableNo, term: "annual", year: 2024 }, include: { orgs: true } });
}

export async function orgByShortName(shortName: string) {
  return prisma.organization.findFirstOrThrow({ where: { shortName } });
}
