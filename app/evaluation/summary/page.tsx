import { getMessages, fill } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { ownDepartment } from "@/lib/auth";
import { monthParams } from "@/lib/validations";
import { workingYear } from "@/lib/catalogue";
import { annualSummary } from "@/lib/reports";
import { Card, PageHeader } from "@/components/ui/card";
import { LightBadge } from "@/components/status/light-badge";
import { LightBars, ScoreBars } from "@/components/charts/charts";
import { Downloads } from "@/components/evaluation/downloads";
import { TextLink } from "@/components/ui/controls";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SummaryPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePermission("evaluation.read", "/evaluation/summary");
  const { t } = await getMessages();
  if (!user) return <Forbidden />;
  const { year } = await workingYear(user, monthParams.parse(await searchParams));
  const s = await annualSummary(ownDepartment(user), year);
  const e = t.evaluation;
  const n2 = (v: number) => (Math.round(v * 100) / 100).toFixed(2);
  const pct = (v: number | null) => (v == null ? "—" : `${Math.round(v * 1000) / 10}%`);
  const href = (scope: string) => `/evaluation/${scope === "department" ? "department" : scope.slice("project:".length)}`;
  return (
    <>
      <PageHeader title={`${e.summary} · ${s.department}`} subtitle={`${year}`}>
        <Downloads href={`/api/v1/summary?year=${year}`} label={e.download} />
      </PageHeader>
      <p className="mb-4 text-sm"><TextLink href="/evaluation">← {e.title}</TextLink></p>
      <div className="grid gap-5 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title={e.total}>
            <ScoreBars label={e.total} data={s.forms.map((f) => ({ name: `表${f.tableNo} ${f.name}`.slice(0, 16), total: f.total, grade: f.grade }))} />
          </Card>
        </div>
        <div className="space-y-5">
          <Card title={e.grades}>
            <ul className="grid grid-cols-4 gap-2 text-center">
              {s.byGrade.map((g) => (
                <li key={g.grade} className="rounded border border-slate-200 p-2">
                  <div className="text-2xl font-bold">{g.count}</div>
                  <div className="text-xs text-slate-600">{g.grade}</div>
                </li>
              ))}
            </ul>
          </Card>
          <Card title={t.dashboard.summary}>
            <LightBars labels={t.light} height={130} data={[{ name: fill(t.dashboard.indicators, { n: s.indicatorsByLight.total }), ...s.indicatorsByLight }]} />
          </Card>
        </div>
      </div>

      <div className="mt-5">
        <Card title={e.title}>
          <div className="overflow-x-auto">
            <table className="grid-table text-sm">
              <thead>
                <tr><th>表</th><th>{t.grid.project}</th><th className="text-right">{e.total}</th><th>{e.grade}</th><th className="text-right">{t.budget.rate}</th><th>{t.report.light}</th><th className="text-right">{e.shortfalls}</th><th>{e.versions}</th></tr>
              </thead>
              <tbody>
                {s.forms.map((f) => (
                  <tr key={f.scope}>
                    <td>{f.tableNo}</td>
                    <td><TextLink href={href(f.scope)}>{f.name}</TextLink>{f.problems > 0 && <span className="ml-2 text-xs text-amber-800">⚠ {f.problems}</span>}</td>
                    <td className="num font-semibold">{n2(f.total)}</td>
                    <td>{f.grade}</td>
                    <td className="num">{pct(f.rate)}</td>
                    <td><LightBadge light={f.light} t={t} /></td>
                    <td className="num">{f.shortfalls}</td>
                    <td>{f.finalisedVersion ? fill(e.version, { n: f.finalisedVersion }) : <span className="text-slate-500">{e.noVersions}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </div>

      <div className="mt-5">
        <Card title={`${e.shortfalls}（${s.shortfalls.length}）`}>
          {s.shortfalls.length === 0 ? (
            <p className="text-sm text-slate-500">{t.common.none}</p>
          ) : (
            <details open={s.shortfalls.length <= 30}>
              <summary className="mb-2 cursor-pointer text-sm text-slate-600">{fill(t.common.count, { n: s.shortfalls.length })}</summary>
              <div className="overflow-x-auto">
              <table className="grid-table text-sm">
                <thead><tr><th>{t.grid.project}</th><th>{t.grid.level3}</th><th>年度指标值</th><th>实际完成值</th><th className="text-right">扣分</th><th>{t.report.deviationReason}</th><th>{t.report.corrective}</th></tr></thead>
                <tbody>
                  {s.shortfalls.map((x, i) => (
                    <tr key={i}>
                      <td>{x.form}</td><td>{x.level3}</td><td className="num">{x.target}</td><td className="num">{x.actual || "—"}</td><td className="num">{n2(x.lost)}</td>
                      <td className="max-w-72 text-xs">{x.deviationReason ?? <span className="text-red-700">—</span>}</td>
                      <td className="max-w-72 text-xs">{x.correctiveMeasure ?? <span className="text-red-700">—</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </div>
            </details>
          )}
        </Card>
      </div>
    </>
  );
}
