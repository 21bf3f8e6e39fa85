import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";
import { DEFAULT_YEAR, listProjects } from "@/lib/catalogue/queries";
import { PageHeader } from "@/components/ui/card";

export default async function ProjectsPage() {
  const { t } = await getMessages();
  const projects = await listProjects(DEFAULT_YEAR);
  return (
    <>
      <PageHeader title={t.nav.projects} subtitle={`${DEFAULT_YEAR} · 表10 / 表12`} />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {projects.map((p) => (
          <li key={p.code}>
            <Link href={`/projects/${p.code}`} className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
              <div className="text-xs text-slate-500">表{p.tableNo} · {p.code}</div>
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
