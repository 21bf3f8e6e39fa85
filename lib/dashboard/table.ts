import "server-only";
import type { CurrentUser } from "../auth";
import { indicatorScope } from "../auth";
import { categoryStem } from "../catalogue";
import { rollup } from "../reporting";
import type { StatusTableView } from "../validations";

export type StatusRow = {
  id: number;
  table: string;
  project: string;
  level1: string;
  level2: string;
  level3: string;
  office: string;
  orgId: number;
  target: string;
  latest: string;
  achievement: number | null;
  light: string;
  explanation: string;
  report: string;
};

/** Indicator × office rows at the as-of month, filtered as the URL says (server side). */
export async function statusTable(user: CurrentUser, p: StatusTableView): Promise<StatusRow[]> {
  const { lines } = await rollup(
    { ...indicatorScope(user), ...(p.table ? { tableNo: p.table } : {}), ...(p.level1 ? { level1: { startsWith: categoryStem(p.level1) } } : {}), ...(p.q ? { namePrinted: { contains: p.q } } : {}) },
    p.year,
    p.month,
  );
  return lines
    .filter((l) => (!p.org || l.org.id === p.org) && (!p.light || l.status.light === p.light))
    .map((l) => ({
      id: l.indicator.id,
      table: l.indicator.tableNo,
      project: l.indicator.goal.project?.name ?? "部门整体",
      level1: l.indicator.level1,
      level2: l.indicator.level2,
      level3: l.indicator.level3,
      office: l.org.shortName ?? l.org.name,
      orgId: l.org.id,
      target: l.indicator.targetText,
      latest: l.latest ? `${l.latest.month}月 ${l.latest.valueText}` : "",
      achievement: l.status.ratio,
      light: l.status.light,
      explanation: l.status.explanation.zh,
      report: l.current?.status ?? "",
    }));
}
