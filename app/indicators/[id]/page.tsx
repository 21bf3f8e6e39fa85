import Link from "next/link";
import { notFound } from "next/navigation";
import { getMessages, fill } from "@/lib/i18n";
import { getIndicator, indicatorAudit } from "@/lib/catalogue";
import { requireUser } from "@/lib/access/require";
import { formatNumber } from "@/lib/targets";
import { Card, Field, PageHeader } from "@/components/ui/card";
import { TargetBadge } from "@/components/catalogue/target-badge";
import { OverrideForm } from "@/components/catalogue/override-form";
import { expectedPath, reportContext } from "@/lib/reporting";
import { PathChart } from "@/components/charts/charts";
import { ReportStatusBadge } from "@/components/reporting/report-status-badge";
import { listRevisions } from "@/lib/indicator";
import { Time, timeText } from "@/components/ui/time";
import { can } from "@/lib/access";
import { Table, TextLink } from "@/components/ui/controls";

export default async function IndicatorPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const user = await requireUser(`/indicators/${id}`);
  const [{ t, locale }, ind] = await Promise.all([getMessages(), getIndicator(id, user)]);
  if (!ind) notFound();
  const audit = await indicatorAudit(id);
  const ctx = ind.term === "annual" ? await reportContext(user, id, ind.year) : null;
  const revisions = await listRevisions(id);
  const ai = t.adminTables.indicator;
  const scale = ind.targetUnit === "%" ? 100 : ind.targetUnit === "‰" ? 1000 : 1;
  const shown = (v: number | null) => (v == null ? null : Math.round(v * scale * 100) / 100);
  const path = ctx ? expectedPath(ctx.full, ctx.ind.reports.filter((r) => r.current), ctx.agg).map((p) => ({ month: `${p.month}月`, actual: shown(p.actual), expected: shown(p.expected) })) : [];
  const where = ind.goal.project ? `表${ind.tableNo} ${ind.goal.project.name}` : "表11 部门整体";
  const value = (v: number | null) => (v == null ? "—" : formatNumber(v, ind.targetUnit));

  return (
    <>
      <p className="mb-2 text-sm">
        <TextLink href={ind.goal.project ? `/projects/${ind.goal.project.code}` : "/"}>← {where}</TextLink>
      </p>
      <PageHeader title={ind.level3} subtitle={`${where} · ${ind.term === "annual" ? t.common.annual : t.common.longTerm} · ${ind.level1} / ${ind.level2}`}>
        {can(user.role, "tables.edit") && (
          <Link href={`/admin/tables/indicators/${ind.id}`} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-700 hover:bg-slate-50">✎ {ai.title}</Link>
        )}
      </PageHeader>
      {ind.retiredAt && <p role="note" className="mb-4 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">⊘ {fill(ai.retiredOn, { d: timeText(ind.retiredAt, "date") })} · {ai.retireHint}</p>}
      <div className="grid gap-5 lg:grid-cols-3">
        <Card title={t.target.parse}>
          <dl className="grid grid-cols-2 gap-3">
            <Field label={t.target.printed}><span className="text-lg font-semibold">{ind.targetText}</span></Field>
            <Field label={t.grid.target}><TargetBadge row={ind} t={t} /></Field>
            <Field label={t.target.comparator}>{ind.targetComparator ? (t.target.comparators[ind.targetComparator as keyof typeof t.target.comparators] ?? ind.targetComparator) : "—"}</Field>
            <Field label={t.target.value}>{ind.targetValueHigh != null ? `${value(ind.targetValue)} – ${value(ind.targetValueHigh)}` : value(ind.targetValue)}</Field>
            <Field label={t.target.unit}>{ind.targetUnit ?? "—"}</Field>
            <Field label={t.grid.basis}>{ind.basis ?? "—"}</Field>
          </dl>
        </Card>
        <Card title={t.indicator.history}>
          <dl className="grid grid-cols-3 gap-3">
            {ind.term === "annual" ? (
              <>
                <Field label="2022">{ind.values.find((v) => v.year === 2022)?.printed ?? "—"}</Field>
                <Field label="2023">{ind.values.find((v) => v.year === 2023)?.printed ?? "—"}</Field>
                <Field label={t.grid.v2024}>{ind.targetText}</Field>
              </>
            ) : (
              <Field label={t.grid.value}>{ind.targetText}</Field>
            )}
          </dl>
          <dl className="mt-4 grid grid-cols-2 gap-3">
            <Field label={ai.original}>{ind.targetText}</Field>
            <Field label={ai.revised}>{ind.revisedTargetText ? <span className="font-semibold text-amber-800">{ind.revisedTargetText}</span> : <span className="text-slate-400">{ai.notRevised}</span>}</Field>
          </dl>
          <dl className="mt-4 space-y-3">
            <Field label={t.indicator.printedName}>{ind.namePrinted}</Field>
          </dl>
        </Card>
        <Card title={t.indicator.orgs}>
          {ind.officeText && <p className="mb-2 text-sm">（{ind.officeText}）</p>}
          <ul className="space-y-1 text-sm text-slate-700">
            {ind.orgs.map((o) => <li key={o.organizationId}>{o.organization.name}</li>)}
          </ul>
        </Card>
      </div>
      {ctx && (
        <div className="mt-5 grid gap-5 lg:grid-cols-5">
          <div className="lg:col-span-2">
            <Card title={t.indicatorPage.path}>
              <PathChart data={path} actualLabel={t.indicatorPage.actual} expectedLabel={t.indicatorPage.expected} unit={ind.targetUnit ?? ""} />
            </Card>
          </div>
          <div className="lg:col-span-3">
            <Card title={`${t.indicatorPage.reports} · ${fill(t.common.count, { n: ctx.ind.reports.length })}`}>
              {ctx.ind.reports.length === 0 ? <p className="text-sm text-slate-500">{t.report.notReported}</p> : (
                <Table label={t.indicatorPage.reports}>
                    <thead><tr><th>{t.report.reportFor}</th><th>{t.report.office}</th><th className="text-right">{t.report.value}</th><th>{t.report.light}</th><th>{t.report.deviation}</th><th>{t.report.evidence}</th></tr></thead>
                    <tbody>
                      {ctx.ind.reports.map((r) => (
                        <tr key={r.id} className={r.current ? "" : "text-slate-400"}>
                          <td className="whitespace-nowrap">{fill(t.report.month, { m: r.month })} · {fill(t.report.revision, { n: r.revision })}</td>
                          <td className="whitespace-nowrap">{r.organization.shortName ?? r.organization.name}</td>
                          <td className="num">{r.valueText}</td>
                          <td className="whitespace-nowrap">
                            <ReportStatusBadge status={r.status} t={t} />
                            {r.reviewComment && <div className="mt-1 max-w-48 text-xs text-slate-600">{t.report.comment}：{r.reviewComment}</div>}
                          </td>
                          <td className="max-w-72 text-xs">
                            {r.note && <div>{r.note}</div>}
                            {r.deviationReason && <div><span className="text-slate-500">{t.report.deviationReason}：</span>{r.deviationReason}</div>}
                            {r.correctiveMeasure && <div><span className="text-slate-500">{t.report.corrective}：</span>{r.correctiveMeasure}</div>}
                          </td>
                          <td className="text-xs">{r.evidence.map((e) => <div key={e.id}><a className="text-brand-700 hover:underline" href={`/api/v1/evidence/${e.id}`}>{e.fileName}</a></div>)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </Table>
              )}
            </Card>
          </div>
        </div>
      )}
      {revisions.length > 0 && (
        <div className="mt-5">
          <Card title={ai.history}>
            <Table label={ai.history}>
                <thead><tr><th>{ai.revised}</th><th>{ai.docNo}</th><th>{ai.approvedOn}</th><th>{ai.by}</th><th>{ai.note}</th></tr></thead>
                <tbody>
                  {revisions.map((r) => (
                    <tr key={r.id}>
                      <td className="whitespace-nowrap">{r.targetText}{r.effective && <span className="ml-1 text-xs text-emerald-700">（{ai.effective}）</span>}</td>
                      <td>{r.docNo}</td>
                      <td className="tabular-nums whitespace-nowrap">{r.approvedOn}</td>
                      <td className="whitespace-nowrap">{r.by}</td>
                      <td className="text-xs">{r.note ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
          </Card>
        </div>
      )}
      {can(user.role, "indicator.audit") && (
        <div className="mt-5 grid gap-5 lg:grid-cols-2">
          {can(user.role, "tables.edit") && (
            <Card title={t.target.override} id="override">
              <OverrideForm id={ind.id} expression={ind.targetText} overridden={!!ind.targetOverride} t={t} locale={locale} />
            </Card>
          )}
          <Card title={t.indicator.audit}>
            {audit.length === 0 ? <p className="text-sm text-slate-500">—</p> : (
              <ul className="space-y-2 text-sm">
                {audit.map((a) => (
                  <li key={a.id} className="border-b border-slate-100 pb-2">
                    <div className="font-medium">{a.action} · {a.user?.name ?? "system"} · <Time value={a.at} /></div>
                    <div className="break-all text-xs text-slate-500">{a.after}</div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
