import Link from "next/link";
import { getMessages, fill } from "@/lib/i18n";
import { listProjects, workingYear } from "@/lib/catalogue";
import { rollup } from "@/lib/reporting";
import { monthParams } from "@/lib/validations";
import { PageHeader } from "@/components/ui/card";
import { LightBadge } from "@/components/status/light-badge";
import { MonthPicker } from "@/components/status/month-picker";
import { requireUser } from "@/lib/access/require";
import { indicatorScope } from "@/lib/auth";
import { Hint } from "@/components/ui/controls";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ProjectsPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser("/projects");
  const { t } = await getMessages();
  const { year, month } = await workingYear(user, monthParams.parse(await searchParams));
  const [projects, lights] = await Promise.all([listProjects(year, user), rollup({ goal: { projectId: { not: null } }, ...indicatorScope(user) }, year, month)]);
  return (
    <>
      <PageHeader title={t.nav.projects} subtitle={`${year} · 表10 / 表12 · ${t.report.asOf} ${fill(t.report.month, { m: month })}`}>
        <MonthPicker year={year} month={month} t={t} path="/projects" />
      </PageHeader>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {projects.map((p) => (
          <li key={p.code}>
            <Link href={`/projects/${p.code}?month=${month}`} className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
              <div className="flex items-start justify-between gap-2">
                <Hint>表{p.tableNo} · {p.code}</Hint>
                <LightBadge light={lights.projects.get(p.code) ?? "none"} t={t} />
              </div>
              <div className="mt-1 text-base font-semibold text-slate-900">{p.name}</div>
              <div className="mt-2 text-sm text-slate-600">{t.project.budget}：<span className="font-medium tabular-nums text-slate-900">{p.currentBudget} {t.common.wan}</span></div>
              <div className="mt-1 text-xs text-slate-500">{p.executingUnitText}</div>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
