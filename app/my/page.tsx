import Link from "next/link";
import { getMessages, fill } from "@/lib/i18n";
import { requireUser } from "@/lib/access/require";
import { myIndicators, type MyIndicatorLine } from "@/lib/reporting";
import { monthParams } from "@/lib/validations";
import { workingYear } from "@/lib/catalogue";
import { formatNumber } from "@/lib/targets";
import { Card, PageHeader } from "@/components/ui/card";
import { LightBadge } from "@/components/status/light-badge";
import { MonthPicker } from "@/components/status/month-picker";
import { ReportStatusBadge } from "@/components/reporting/report-status-badge";
import { Hint, Table, TextLink } from "@/components/ui/controls";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function MyIndicatorsPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser("/my");
  const { t } = await getMessages();
  const { year, month } = await workingYear(user, monthParams.parse(await searchParams));
  const lines = await myIndicators(user, year, month);

  const groups = new Map<string, MyIndicatorLine[]>();
  for (const l of lines) {
    const key = l.indicator.goal.project ? `表${l.indicator.tableNo} ${l.indicator.goal.project.name}` : `表11 部门整体 · ${t.grid.goal}${l.indicator.goal.goalNo}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const counts = lines.reduce<Record<string, number>>((acc, l) => ({ ...acc, [l.status.light]: (acc[l.status.light] ?? 0) + 1 }), {});

  return (
    <>
      <PageHeader title={t.report.my} subtitle={`${year} · ${t.report.asOf} ${fill(t.report.month, { m: month })} · ${fill(t.common.count, { n: lines.length })}`}>
        <MonthPicker year={year} month={month} t={t} path="/my" />
      </PageHeader>
      <p className="mb-3 flex flex-wrap gap-3 text-sm">
        {[...new Map(lines.map((l) => [l.org.id, l.org])).values()].map((o) => (
          <TextLink key={o.id} href={`/offices/${o.id}?month=${month}`}>{o.shortName ?? o.name} →</TextLink>
        ))}
      </p>
      <div className="mb-4 flex flex-wrap gap-2" aria-label={t.report.light}>
        {(["red", "yellow", "overdue", "nodata", "green", "blue", "pending", "none"] as const).filter((l) => counts[l]).map((l) => (
          <span key={l} className="flex items-center gap-1 text-sm"><LightBadge light={l} t={t} /> {counts[l]}</span>
        ))}
      </div>
      {lines.length === 0 && <p className="rounded border border-dashed border-slate-300 p-8 text-center text-slate-500">{t.common.noResults}</p>}
      <div className="space-y-5">
        {[...groups.entries()].map(([title, rows]) => (
          <Card key={title} title={title}>
            <Table>
                <thead>
                  <tr>
                    <th className="hidden md:table-cell">{t.grid.level2}</th><th>{t.grid.level3}</th><th>{t.report.office}</th><th className="text-right">{t.report.target}</th>
                    <th className="text-right">{t.report.latest}</th><th>{t.report.light}</th><th>{fill(t.report.month, { m: month })}</th><th></th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((l) => (
                    <tr key={`${l.indicator.id}-${l.org.id}`}>
                      <td className="hidden whitespace-nowrap text-slate-600 md:table-cell">{l.indicator.level2}</td>
                      <td className="min-w-48">{l.indicator.level3}</td>
                      <td className="text-xs">
                        <div>{l.org.shortName ?? l.org.name}</div>
                        {l.shared > 1 && <div className="text-slate-500">{fill(t.report.shared, { n: l.shared })}</div>}
                      </td>
                      <td className="num">
                        <div className="font-medium">{l.indicator.targetText}</div>
                        {l.shared > 1 && l.target.value != null && l.target.value !== l.indicator.targetValue && (
                          <Hint>{t.report.officeShare} {formatNumber(l.target.value, l.target.unit)}</Hint>
                        )}
                      </td>
                      <td className="num">{l.latest ? <><Hint as="span">{fill(t.report.month, { m: l.latest.month })}</Hint> {l.latest.valueText}</> : "—"}</td>
                      <td className="max-w-72">
                        <LightBadge light={l.status.light} t={t} />
                        <div className="mt-1 text-xs leading-snug text-slate-600">{l.status.explanation.zh}</div>
                      </td>
                      <td className="whitespace-nowrap">
                        {l.current ? <ReportStatusBadge status={l.current.status} t={t} /> : <span className="text-xs text-slate-400">—</span>}
                        {l.current?.status === "returned" && l.current.reviewComment && <div className="mt-1 max-w-48 text-xs text-red-700">{l.current.reviewComment}</div>}
                      </td>
                      <td>
                        <Link className="whitespace-nowrap rounded bg-brand-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-brand-700" href={`/report/${l.indicator.id}?org=${l.org.id}&month=${month}&year=${year}`} aria-label={`${t.report.action} ${l.indicator.level3} ${l.org.shortName ?? l.org.name}`}>
                          {l.current && l.current.status !== "draft" ? t.report.view : t.report.action}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
          </Card>
        ))}
      </div>
    </>
  );
}
