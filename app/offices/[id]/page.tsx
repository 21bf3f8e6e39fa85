import { notFound } from "next/navigation";
import { getMessages, fill } from "@/lib/i18n";
import { requireUser } from "@/lib/access/require";
import { officeView } from "@/lib/reporting";
import { monthParams } from "@/lib/validations";
import { workingYear } from "@/lib/catalogue";
import { Card, PageHeader } from "@/components/ui/card";
import { LightBadge } from "@/components/status/light-badge";
import { MonthPicker } from "@/components/status/month-picker";
import { Time } from "@/components/ui/time";
import { Table, TextLink } from "@/components/ui/controls";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function OfficePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Search }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const user = await requireUser(`/offices/${id}`);
  const { t, locale } = await getMessages();
  const { year, month } = await workingYear(user, monthParams.parse(await searchParams));
  const v = await officeView(user, id, year, month);
  if (!v) notFound();
  const name = v.org.shortName ?? v.org.name;
  return (
    <>
      <PageHeader title={name} subtitle={`${v.org.name} · ${year} · ${t.report.asOf} ${fill(t.report.month, { m: month })}`}>
        <MonthPicker year={year} month={month} t={t} path={`/offices/${id}`} />
      </PageHeader>
      <div className="grid gap-5 lg:grid-cols-2">
        <Card title={`${t.office.owes} · ${fill(t.common.count, { n: v.owed.length })}`}>
          <p className="mb-2 text-sm text-slate-600">{t.periods.deadline}：{v.deadline ? <Time value={v.deadline} part="date" /> : t.periods.noDeadline}</p>
          <ul className="space-y-1 text-sm">
            {v.owed.length === 0 && <li className="text-slate-500">—</li>}
            {v.owed.map((l) => (
              <li key={l.indicator.id} className="flex justify-between gap-2">
                <TextLink href={`/indicators/${l.indicator.id}?month=${month}`}>{l.indicator.level3}</TextLink>
                <LightBadge light={l.status.light} t={t} />
              </li>
            ))}
          </ul>
        </Card>
        <Card title={`${t.office.returned} · ${fill(t.common.count, { n: v.returned.length })}`}>
          <ul className="space-y-2 text-sm">
            {v.returned.length === 0 && <li className="text-slate-500">—</li>}
            {v.returned.map((r) => (
              <li key={r.id}>
                <TextLink href={`/indicators/${r.indicator.id}`}>{r.indicator.level3}</TextLink> · {fill(t.report.month, { m: r.month })} · {r.valueText}
                {r.reviewComment && <div className="text-xs text-red-700">{t.report.comment}：{r.reviewComment}</div>}
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <div className="mt-5">
        <Card title={`${t.office.indicators} · ${fill(t.common.count, { n: v.lines.length })}`}>
          <Table label={t.office.indicators}>
              <thead><tr><th>{t.grid.table}</th><th>{t.grid.level3}</th><th className="text-right">{t.report.target}</th><th className="text-right">{t.report.latest}</th><th>{t.report.light}</th></tr></thead>
              <tbody>
                {v.lines.map((l) => (
                  <tr key={l.indicator.id}>
                    <td className="whitespace-nowrap">表{l.indicator.tableNo}</td>
                    <td><TextLink href={`/indicators/${l.indicator.id}?month=${month}`}>{l.indicator.level3}</TextLink></td>
                    <td className="num">{l.indicator.targetText}</td>
                    <td className="num">{l.latest ? `${fill(t.report.month, { m: l.latest.month })} ${l.latest.valueText}` : "—"}</td>
                    <td className="max-w-80"><LightBadge light={l.status.light} t={t} /><div className="mt-1 text-xs text-slate-600">{l.status.explanation[locale]}</div></td>
                  </tr>
                ))}
              </tbody>
            </Table>
        </Card>
      </div>
    </>
  );
}
