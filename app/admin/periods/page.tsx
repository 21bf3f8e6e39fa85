import { getMessages, fill } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { listPeriods } from "@/lib/reporting";
import { monthParams } from "@/lib/validations";
import { workingYear } from "@/lib/catalogue";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { AdminForm } from "@/components/admin/admin-form";
import { changePeriodAction } from "./actions";
import { Time, timeText } from "@/components/ui/time";
import { Table } from "@/components/ui/controls";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function PeriodsPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePermission("periods.manage", "/admin/periods");
  const { t, locale } = await getMessages();
  if (!user) return <Forbidden />;
  const { year } = await workingYear(user, monthParams.parse(await searchParams));
  const periods = await listPeriods(year);
  const btn = "rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50";
  return (
    <>
      <PageHeader title={t.periods.title} subtitle={`${year} · ${t.periods.intro}`} />
      <Card>
        <Table scroll={false}>
          <thead><tr><th>{t.report.reportFor}</th><th>{t.periods.deadline}</th><th>{t.report.light}</th><th></th></tr></thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p.month}>
                <td>{fill(t.report.month, { m: p.month })}</td>
                <td className="tabular-nums">{p.deadline ? <Time value={p.deadline} part="date" /> : t.periods.noDeadline}</td>
                <td>{p.closed ? <Badge tone="red">■ {t.periods.closed}</Badge> : <Badge tone="green">● {p.reopened ? t.periods.reopened : t.periods.open}</Badge>}</td>
                <td>
                  <AdminForm action={changePeriodAction} className="flex flex-wrap items-center gap-2" label={fill(t.report.month, { m: p.month })} locale={locale} compact>
                    <input type="hidden" name="year" value={year} />
                    <input type="hidden" name="month" value={p.month} />
                    <input type="date" name="deadline" aria-label={t.periods.deadline} defaultValue={p.deadline ? timeText(p.deadline, "date") : ""} className="rounded border border-slate-300 px-2 py-0.5 text-xs" />
                    <button className={btn} name="action" value="set">{t.periods.setDeadline}</button>
                    {p.closed ? <button className={btn} name="action" value="reopen">{t.periods.reopen}</button> : <button className={btn} name="action" value="close">{t.periods.close}</button>}
                  </AdminForm>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
