import { prisma } from "../lib/db/prisma";
import { asCurrentUser, type CurrentUser } from "../lib/auth/user";

/** The seeded demo account as the server sees it after sign-in. */
export async function asUser(username: string): Promise<CurrentUser> {
  const u = await prisma.user.findUniqueOrThrow({ where: { username }, include: { orgs: true } });
  return asCurrentUser(u);
}

export async function indicatorByName(level3: string, tableNo: string) {
  return prisma.indicator.findFirstOrThrow({ where: { level3, tableNo, term: "annual", year: 2024 }, include: { orgs: true } });
}

export async function orgByShortName(shortName: string) {
  return prisma.organization.findFirstOrThrow({ where: { shortName } });
}

/** The seeded department (the test database holds the 2024 document as one department). */
export async function seededDepartment(): Promise<number> {
  return (await prisma.department.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
}
