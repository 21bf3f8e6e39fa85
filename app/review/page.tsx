import { getMessages, fill } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { decodeDeviationCategories, reviewQueue } from "@/lib/reporting";
import { monthParams } from "@/lib/validations";
import { workingYear } from "@/lib/catalogue";
import { Card, PageHeader } from "@/components/ui/card";
import { ReviewForm } from "@/components/reporting/review-form";
import { LightBadge } from "@/components/status/light-badge";
import { TextLink } from "@/components/ui/controls";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ReviewPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePermission("report.review", "/review");
  const { t, locale } = await getMessages();
  if (!user) return <Forbidden />;
  const { year } = await workingYear(user, monthParams.parse(await searchParams));
  const queue = await reviewQueue(user, year);
  return (
    <>
      <PageHeader title={t.report.review} subtitle={`${year} · ${fill(t.common.count, { n: queue.length })}`} />
      {queue.length === 0 && <p className="rounded border border-dashed border-slate-300 p-8 text-center text-slate-500">{t.report.nothingToReview}</p>}
      <div className="space-y-4">
        {queue.map((r) => {
          const cats = decodeDeviationCategories(r.deviationCategories).join("、");
          const office = r.organization.shortName ?? r.organization.name;
          return (
            <Card key={r.id} title={`${r.indicator.level3} · ${office} · ${fill(t.report.month, { m: r.month })}`}>
              <div className="grid gap-4 md:grid-cols-3">
                <dl className="space-y-1 text-sm md:col-span-2">
                  <div className="mb-2 flex flex-wrap items-center gap-2"><LightBadge light={r.status.light} t={t} /><span className="text-slate-700">{r.status.explanation[locale]}</span></div>
                  <div><dt className="inline text-slate-500">{t.report.target}：</dt><dd className="inline font-medium">{r.indicator.targetText}</dd>
                    <span className="ml-3 text-slate-500">{t.report.value}：</span><span className="font-semibold">{r.valueText}</span></div>
                  {r.note && <div><dt className="inline text-slate-500">{t.report.note}：</dt><dd className="inline">{r.note}</dd></div>}
                  {cats && <div><dt className="inline text-slate-500">{t.report.deviationCategories}：</dt><dd className="inline">{cats}</dd></div>}
                  {r.deviationReason && <div><dt className="inline text-slate-500">{t.report.deviationReason}：</dt><dd className="inline">{r.deviationReason}</dd></div>}
                  {r.correctiveMeasure && <div><dt className="inline text-slate-500">{t.report.corrective}：</dt><dd className="inline">{r.correctiveMeasure}</dd></div>}
                  {r.forecastText && <div><dt className="inline text-slate-500">{t.report.forecast}：</dt><dd className="inline">{r.forecastText}{r.likelihood ? `（${r.likelihood}）` : ""}</dd></div>}
                  <div className="text-xs"><TextLink href={`/indicators/${r.indicator.id}`}>{r.indicator.goal.project?.name ?? "表11"} · 表{r.indicator.tableNo}</TextLink></div>
                </dl>
                <ReviewForm t={t} locale={locale} reportId={r.id} version={r.version} label={`${t.report.review} ${r.indicator.level3} ${office} ${fill(t.report.month, { m: r.month })}`} />
              </div>
            </Card>
          );
        })}
      </div>
    </>
  );
}
