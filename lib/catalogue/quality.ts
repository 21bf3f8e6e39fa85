import "server-only";
import { prisma } from "../db/prisma";
import { findQualityIssues } from "../quality";

export async function qualityReport(year: number) {
  const rows = await prisma.indicator.findMany({
    where: { year },
    orderBy: [{ tableNo: "asc" }, { goal: { sortOrder: "asc" } }, { sortOrder: "asc" }],
    include: { orgs: { select: { organizationId: true } } },
  });
  const issues = findQualityIssues(rows.map((r) => ({ ...r, orgIds: r.orgs.map((o) => o.organizationId) })));
  const names = new Map(rows.map((r) => [r.id, `表${r.tableNo} ${r.term === "annual" ? "年度" : "长期"} · ${r.level3}`]));
  return { issues, names };
}
