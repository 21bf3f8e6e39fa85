import { notFound } from "next/navigation";
import { getMessages, fill } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { newIndicatorView } from "@/lib/admin";
import { Card, PageHeader } from "@/components/ui/card";
import { AdminForm } from "@/components/admin/admin-form";
import { IndicatorFields } from "@/components/admin/indicator-fields";
import { createIndicatorAction } from "../../actions";
import { Button, TextLink } from "@/components/ui/controls";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function NewIndicatorPage({ searchParams }: { searchParams: Search }) {
  const goalId = Number((await searchParams).goal);
  const user = await requirePermission("tables.edit", `/admin/tables/indicators/new?goal=${goalId}`);
  const { t, locale } = await getMessages();
  if (!user) return <Forbidden />;
  if (!Number.isInteger(goalId) || goalId <= 0) notFound();
  const view = await newIndicatorView(user, goalId);
  if (!view) notFound();
  const { goal } = view;
  const a = t.adminTables;
  const where = `${goal.year} · 表${goal.tableNo} ${goal.project?.name ?? a.dept} · ${goal.term === "annual" ? a.annual : a.longTerm}${goal.goalNo ? ` · ${fill(a.goalNo, { n: goal.goalNo })}` : ""}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <TextLink href={`/admin/tables?year=${goal.year}&table=${goal.tableNo}`}>← {a.indicator.back}</TextLink>
      </p>
      <PageHeader title={a.indicator.create} subtitle={fill(a.indicator.createIn, { where })} />
      <div className="max-w-2xl">
        <Card>
          <AdminForm action={createIndicatorAction} label={a.indicator.create} locale={locale} redirectTo="/admin/tables/indicators/{id}#offices">
            <input type="hidden" name="goalId" value={goal.id} />
            <IndicatorFields t={t} level1={view.level1} level2={view.level2} />
            <Button type="submit">{a.save}</Button>
          </AdminForm>
        </Card>
      </div>
    </>
  );
}
