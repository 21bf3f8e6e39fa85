import { notFound } from "next/navigation";
import { getMessages, fill } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { narrowedTo } from "@/lib/auth";
import { overview } from "@/lib/dashboard";
import { departmentByCode } from "@/lib/reporting";
import { monthParams } from "@/lib/validations";
import { workingYear } from "@/lib/catalogue";
import { PageHeader } from "@/components/ui/card";
import { OverviewView } from "@/components/dashboard/overview-view";
import { MonthPicker } from "@/components/status/month-picker";
import { TextLink } from "@/components/ui/controls";

type Search = Promise<Record<string, string | string[] | undefined>>;

/** One department as the finance bureau sees it: its managers' overview, read-only, without links into it. */
export default async function CityDepartmentPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Search }) {
  const { code } = await params;
  const user = await requirePermission("city.view", `/city/${code}`);
  const { t, locale } = await getMessages();
  if (!user) return <Forbidden />;
  const { year, month } = await workingYear(user, monthParams.parse(await searchParams));
  const dept = await departmentByCode(decodeURIComponent(code));
  if (!dept) notFound();
  const o = await overview(narrowedTo(user, dept.id), year, month);
  return (
    <>
      <PageHeader title={dept.name} subtitle={`${dept.code} · ${year} · ${t.report.asOf} ${fill(t.report.month, { m: month })}`}>
        <MonthPicker year={year} month={month} t={t} path={`/city/${encodeURIComponent(dept.code)}`} />
      </PageHeader>
      <p className="mb-4 text-sm"><TextLink href={`/city?year=${year}&month=${month}`}>← {t.city.back}</TextLink></p>
      <OverviewView o={o} month={month} t={t} locale={locale} linked={false} />
    </>
  );
}
