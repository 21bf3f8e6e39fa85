import { notFound } from "next/navigation";
import { getMessages, fill } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { ownDepartment } from "@/lib/auth";
import { monthParams } from "@/lib/validations";
import { workingYear } from "@/lib/catalogue";
import { computeSelfEvaluation, evaluationSettingsOf, evaluationVersions, DEPARTMENT_SELF_EVAL, PROJECT_SELF_EVAL } from "@/lib/reports";
import { Card, PageHeader } from "@/components/ui/card";
import { EvaluationEditor } from "@/components/evaluation/evaluation-editor";
import { FinaliseForm } from "@/components/evaluation/finalise-form";
import { Downloads } from "@/components/evaluation/downloads";
import { timeText } from "@/components/ui/time";
import { can } from "@/lib/access";
import { Hint, TextLink } from "@/components/ui/controls";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SelfEvalPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Search }) {
  const { code } = await params;
  if (!/^\d{21}$/.test(code) && code !== "department") notFound();
  const scope = code === "department" ? "department" : `project:${code}`;
  const user = await requirePermission("evaluation.read", `/evaluation/${code}`);
  const { t, locale } = await getMessages();
  if (!user) return <Forbidden />;
  const { year } = await workingYear(user, monthParams.parse(await searchParams));
  const dept = ownDepartment(user);
  const { settings, version } = await evaluationSettingsOf(dept, year, scope);
  const [d, versions] = await Promise.all([computeSelfEvaluation(dept, scope, year, { settings, version }), evaluationVersions(dept, year, scope)]);
  if (!d) notFound();
  const def = d.kind === "department" ? DEPARTMENT_SELF_EVAL : PROJECT_SELF_EVAL;
  const canEdit = can(user.role, "evaluation.score");
  const e = t.evaluation;
  const n2 = (v: number) => (Math.round(v * 100) / 100).toFixed(2);
  const api = `/api/v1/self-eval/${code}?year=${year}`;
  return (
    <>
      <PageHeader title={`${def.title} · ${d.projectName}`} subtitle={`${d.year} · ${d.department}${d.kind === "project" ? ` · ${d.unit}` : ""}`}>
        <Downloads href={api} label={`${e.download} ${e.current}`} />
      </PageHeader>
      <p className="mb-4 text-sm"><TextLink href="/evaluation">← {e.title}</TextLink></p>

      <div className="grid gap-5 lg:grid-cols-3">
        <div className="space-y-5 lg:col-span-2">
          <Card title={`${e.total}：${n2(d.total)}（${d.grade}）`}>
            <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
              <div><dt className="text-xs text-slate-500">{t.budget.rate}</dt><dd>{d.rate == null ? "—" : `${Math.round(d.rate * 1000) / 10}%`}</dd></div>
              <div><dt className="text-xs text-slate-500">{e.budgetScore}</dt><dd>{d.budget ? `${n2(d.budget.score)} / ${n2(d.budget.weight)}` : "—"}</dd></div>
              <div><dt className="text-xs text-slate-500">{t.grid.level3}</dt><dd>{d.rows.length}</dd></div>
              <div><dt className="text-xs text-slate-500">{e.shortfalls}</dt><dd>{d.shortfalls.length}</dd></div>
            </dl>
            {d.errors.length > 0 && (
              <details className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" open={d.errors.length <= 5}>
                <summary className="cursor-pointer font-medium">⚠ {fill(e.issues, { n: d.errors.length })}</summary>
                <ul className="mt-2 list-disc space-y-0.5 pl-5">{d.errors.map((x, i) => <li key={i}>{x[locale]}</li>)}</ul>
              </details>
            )}
            {d.notes.length > 0 && <ul className="mt-3 space-y-0.5 text-xs text-slate-600">{d.notes.map((x, i) => <li key={i}>ℹ {x[locale]}</li>)}</ul>}
          </Card>
        </div>
        <div className="space-y-5">
          <Card title={e.versions}>
            {versions.length === 0 ? (
              <p className="text-sm text-slate-500">{e.noVersions}</p>
            ) : (
              <ul className="space-y-3">
                {versions.map((v) => (
                  <li key={v.number} className="text-sm">
                    <div className="font-medium">{fill(e.version, { n: v.number })} · {n2(v.total)}（{v.grade}）</div>
                    <Hint>{fill(e.finalisedBy, { who: v.finalisedBy, at: timeText(v.finalisedAt) })}{v.note ? ` · ${v.note}` : ""}</Hint>
                    <Downloads href={`${api}&version=${v.number}`} label={fill(e.version, { n: v.number })} small />
                  </li>
                ))}
              </ul>
            )}
            {canEdit && <div className="mt-4 border-t border-slate-100 pt-3"><FinaliseForm scope={scope} year={year} t={t} locale={locale} /></div>}
          </Card>
        </div>
      </div>

      <div className="mt-5">
        <Card title={e.settings}>
          <EvaluationEditor
            scope={scope}
            year={year}
            version={version}
            settings={settings}
            rows={d.rows}
            funds={d.kind === "department" ? def.funds.rows.map((f) => ({ field: f.field, label: f.label.replace(/^按.+?分：/, ""), spent: d.funds[f.field]?.spent ?? null })) : []}
            weights={d.weights}
            title={def.title}
            total={d.total}
            grade={d.grade}
            canEdit={canEdit}
            t={t}
            locale={locale}
          />
        </Card>
      </div>
    </>
  );
}
