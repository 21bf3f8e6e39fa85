import Link from "next/link";
import { getMessages, fill } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { ownDepartment } from "@/lib/auth";
import { listProjects, workingYear } from "@/lib/catalogue";
import { monthParams } from "@/lib/validations";
import { selfEvaluation, latestVersions } from "@/lib/reports";
import { Card, PageHeader } from "@/components/ui/card";
import { Downloads } from "@/components/evaluation/downloads";
import { Hint } from "@/components/ui/controls";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function EvaluationIndex({ searchParams }: { searchParams: Search }) {
  const user = await requirePermission("evaluation.read", "/evaluation");
  const { t } = await getMessages();
  if (!user) return <Forbidden />;
  const { year } = await workingYear(user, monthParams.parse(await searchParams));
  const dept = ownDepartment(user);
  const projects = await listProjects(year, user);
  const scopes = [{ scope: "department", code: "department", table: "表11", name: "" }, ...projects.map((p) => ({ scope: `project:${p.code}`, code: p.code, table: `表${p.tableNo}`, name: p.name }))];
  const [forms, versions] = await Promise.all([Promise.all(scopes.map((s) => selfEvaluation(dept, s.scope, year))), latestVersions(dept, year)]);
  const e = t.evaluation;
  const n2 = (v: number) => (Math.round(v * 100) / 100).toFixed(2);
  return (
    <>
      <PageHeader title={e.title} subtitle={`${year} · ${e.department} / ${e.projects}`}>
        <Link href="/evaluation/summary" className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">{e.summary} →</Link>
      </PageHeader>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {scopes.map((s, i) => {
          const f = forms[i];
          const v = versions.get(s.scope);
          return (
            <li key={s.scope} className={i === 0 ? "sm:col-span-2 lg:col-span-3" : ""}>
              <Link href={`/evaluation/${s.code}`} className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
                <Hint>{s.table}{i > 0 && ` · ${s.code}`}</Hint>
                <div className="mt-1 font-semibold">{i === 0 ? `${e.department} · ${f?.projectName ?? ""}` : s.name}</div>
                {f && (
                  <div className="mt-2 flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm">
                    <span><span className="text-slate-500">{e.total}</span> <strong className="text-lg">{n2(f.total)}</strong>（{f.grade}）</span>
                    {f.errors.length > 0 && <span className="text-amber-800">⚠ {f.errors.length}</span>}
                    <span className="text-slate-500">{v ? `${fill(e.version, { n: v.number })} · ${n2(v.total)}（${v.grade}）` : e.noVersions}</span>
                  </div>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
      <div className="mt-6">
        <Card title={fill(e.monitoring, { m: 7 })}>
          <Downloads href={`/api/v1/monitoring/department?year=${year}&month=7`} label={e.download} />
        </Card>
      </div>
    </>
  );
}
