import Link from "next/link";
import { getMessages, fill } from "@/lib/i18n";
import { requireUser } from "@/lib/access/require";
import { overview } from "@/lib/dashboard";
import { monthParams } from "@/lib/validations";
import { workingYear } from "@/lib/catalogue";
import { PageHeader } from "@/components/ui/card";
import { OverviewView } from "@/components/dashboard/overview-view";
import { MonthPicker } from "@/components/status/month-picker";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser("/dashboard");
  const { t, locale } = await getMessages();
  const { year, month } = await workingYear(user, monthParams.parse(await searchParams));
  const o = await overview(user, year, month);

  return (
    <>
      <PageHeader title={t.dashboard.title} subtitle={`${year} · ${t.report.asOf} ${fill(t.report.month, { m: month })}（${t.dashboard.review}）`}>
        <div className="flex items-end gap-3">
          <Link href={`/dashboard?year=${year}&month=7`} aria-current={month === 7 ? "page" : undefined} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-700">{t.dashboard.julyReview}</Link>
          <Link href={`/dashboard/indicators?year=${year}&month=${month}`} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">{t.dashboardTable.title} →</Link>
          <MonthPicker year={year} month={month} t={t} path="/dashboard" />
        </div>
      </PageHeader>

      <OverviewView o={o} month={month} t={t} locale={locale} linked />
    </>
  );
}
