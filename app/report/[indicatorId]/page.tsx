import { notFound } from "next/navigation";
import { getMessages, fill } from "@/lib/i18n";
import { requireUser } from "@/lib/access/require";
import { decodeDeviationCategories, officeEvidence, reportContext, monthly } from "@/lib/reporting";
import { monthParams } from "@/lib/validations";
import { workingYear } from "@/lib/catalogue";
import { formatNumber } from "@/lib/targets";
import { indicatorStatus } from "@/lib/status";
import { Card, Field, PageHeader } from "@/components/ui/card";
import { LightBadge } from "@/components/status/light-badge";
import { ReportForm } from "@/components/reporting/report-form";
import { ReportStatusBadge } from "@/components/reporting/report-status-badge";
import { Time } from "@/components/ui/time";
import { can } from "@/lib/access";
import { Hint, Notice, TextLink } from "@/components/ui/controls";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ReportPage({ params, searchParams }: { params: Promise<{ indicatorId: string }>; searchParams: Search }) {
  const id = Number((await params).indicatorId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const user = await requireUser(`/report/${id}`);
  const { t, locale } = await getMessages();
  const asked = monthParams.parse(await searchParams);
  const { org } = asked;
  const { year, month } = await workingYear(user, asked);
  const ctx = await reportContext(user, id, year);
  if (!ctx) notFound();
  const { ind } = ctx;
  const myOrgs = ind.orgs.filter((o) => user.orgIds.includes(o.organizationId));
  const orgId = org && myOrgs.some((o) => o.organizationId === org) ? org : myOrgs[0]?.organizationId;
  const mine = ind.reports.filter((r) => r.organizationId === orgId);
  const current = mine.find((r) => r.month === month && r.current) ?? null;
  const status = indicatorStatus({
    target: ctx.officeTarget,
    asOfMonth: month,
    year,
    reports: monthly(mine.filter((r) => r.current && r.month <= month)),
    periodClosed: ctx.closed.has(month),
  });
  const evidence = current ? await officeEvidence(ind.id, orgId, year) : [];
  const canWrite = can(user.role, "report.write") && orgId != null;
  const where = ind.goal.project ? `表${ind.tableNo} ${ind.goal.project.name}` : "表11 部门整体";
  const orgName = ind.orgs.find((o) => o.organizationId === orgId)?.organization;

  return (
    <>
      <p className="mb-2 text-sm"><TextLink href={`/my?month=${month}`}>← {t.report.my}</TextLink></p>
      <PageHeader title={ind.level3} subtitle={`${where} · ${ind.level1} / ${ind.level2} · ${orgName?.shortName ?? orgName?.name ?? ""} · ${year}年${month}月`} />
      <div className="grid gap-5 lg:grid-cols-3">
        <Card title={t.report.target}>
          <dl className="grid grid-cols-2 gap3 gap-3">
            <Field label={t.report.target}><span className="text-lg font-semibold">{ind.targetText}</span></Field>
            {ind.orgs.length > 1 && ctx.officeTarget.value != null && (
              <Field label={t.report.officeShare}>{formatNumber(ctx.officeTarget.value, ctx.officeTarget.unit)}（{fill(t.report.shared, { n: ind.orgs.length })}）</Field>
            )}
            <Field label="2023">{ind.values.find((v) => v.year === 2023)?.printed ?? "—"}</Field>
            <Field label="2022">{ind.values.find((v) => v.year === 2022)?.printed ?? "—"}</Field>
          </dl>
        </Card>
        <Card title={t.report.light}>
          <LightBadge light={status.light} t={t} />
          <p className="mt-2 text-sm text-slate-700" data-testid="light-explanation">{status.explanation[locale]}</p>
        </Card>
        <Card title={t.report.parts}>
          <ul className="space-y-1 text-sm">
            {ind.orgs.map((o) => {
              const part = ctx.latestByOrg.get(o.organizationId);
              return (
                <li key={o.organizationId} className="flex justify-between gap-2">
                  <span>{o.organization.shortName ?? o.organization.name}</span>
                  <span className={part ? "tabular-nums" : "text-slate-400"}>{part ? `${fill(t.report.month, { m: part.month })} ${formatNumber(part.value as number, ctx.full.unit)}` : t.report.notReported}</span>
                </li>
              );
            })}
          </ul>
          {ind.orgs.length > 1 && ctx.combined != null && (
            <p className="mt-2 border-t border-slate-100 pt-2 text-sm font-medium">{t.report.combined}：{formatNumber(ctx.combined, ctx.full.unit)}</p>
          )}
        </Card>
      </div>

      <div className="mt-5 grid gap-5 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title={`${fill(t.report.month, { m: month })} · ${t.report.value}`} actions={current ? <ReportStatusBadge status={current.status} t={t} suffix={fill(t.report.revision, { n: current.revision })} /> : undefined}>
            {current?.status === "returned" && current.reviewComment && (
              <Notice tone="error" className="mb-3">{t.report.comment}：{current.reviewComment}</Notice>
            )}
            {current?.status === "approved" && <Notice tone="ok" className="mb-3">{t.report.locked}</Notice>}
            {canWrite ? (
              <ReportForm
                t={t}
                locale={locale}
                key={`${current?.id ?? 0}-${current?.version ?? 0}`}
                fixed={{ indicatorId: ind.id, organizationId: orgId, year, month }}
                accumulation={ind.targetKind === "quantitative" ? (ind.accumulation ?? "level") : ind.targetKind}
                initial={current ? {
                  valueText: current.valueText, note: current.note ?? "", deviationCategories: decodeDeviationCategories(current.deviationCategories),
                  deviationReason: current.deviationReason ?? "", correctiveMeasure: current.correctiveMeasure ?? "", forecastText: current.forecastText ?? "", likelihood: current.likelihood ?? "",
                } : null}
                version={current?.version ?? 0}
                locked={current?.status === "submitted"}
              />
            ) : (
              <p className="text-sm text-slate-600">{current ? `${current.valueText}` : t.report.notReported}</p>
            )}
            {evidence.length > 0 && (
              <div className="mt-4">
                <h3 className="text-sm font-semibold">{t.report.evidence}</h3>
                <ul className="mt-1 space-y-1 text-sm">
                  {evidence.map((e) => (
                    <li key={e.id}><a className="text-brand-700 hover:underline" href={`/api/v1/evidence/${e.id}`}>{e.fileName}</a> <Hint as="span">{Math.ceil(e.size / 1024)} KB · {fill(t.report.month, { m: e.report.month })}</Hint></li>
                  ))}
                </ul>
              </div>
            )}
          </Card>
        </div>
        <Card title={t.report.history}>
          <ul className="space-y-2 text-sm">
            {mine.length === 0 && <li className="text-slate-500">—</li>}
            {mine.map((r) => (
              <li key={r.id} className={`flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 pb-1 ${r.current ? "" : "text-slate-400 line-through"}`}>
                <span>{fill(t.report.month, { m: r.month })} · {r.valueText}</span>
                <span className="text-xs">{t.report.status[r.status as keyof typeof t.report.status]} · {fill(t.report.revision, { n: r.revision })}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>

      <div className="mt-5">
        <Card title={t.indicator.audit}>
          <ul className="space-y-1 text-sm">
            {ctx.audit.length === 0 && <li className="text-slate-500">—</li>}
            {ctx.audit.map((a) => (
              <li key={a.id} className="flex flex-wrap gap-x-3"><span className="text-slate-500"><Time value={a.at} /></span><span className="font-medium">{a.action}</span><span>{a.user?.name ?? "system"}</span></li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
