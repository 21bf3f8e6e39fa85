import Link from "next/link";
import { getMessages, fill } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { rolloverView } from "@/lib/admin";
import { workingYear } from "@/lib/catalogue";
import { Card, PageHeader } from "@/components/ui/card";
import { AdminForm } from "@/components/admin/admin-form";
import { rolloverAction } from "../actions";
import { Button, TextLink } from "@/components/ui/controls";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function RolloverPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePermission("tables.edit", "/admin/tables/rollover");
  const { t, locale } = await getMessages();
  if (!user) return <Forbidden />;
  const r = t.adminTables.rolloverPage;
  const fromParam = Number((await searchParams).from) || undefined;
  const view = await rolloverView(user, fromParam, (await workingYear(user)).year);
  if (view.from == null || view.to == null) return <PageHeader title={r.title} subtitle={r.none} />;
  const vars = { from: view.from, to: view.to };
  return (
    <>
      <p className="mb-2 text-sm">
        <TextLink href={`/admin/tables?year=${view.from}`}>← {t.adminTables.title}</TextLink>
      </p>
      <PageHeader title={r.title} subtitle={fill(r.intro, vars)}>
        {view.years.length > 1 && (
          <div className="flex gap-2 text-sm">
            {view.years.map((y) => (
              <Link key={y} href={`/admin/tables/rollover?from=${y}`} aria-current={y === view.from ? "page" : undefined} className={`rounded px-2 py-1 ${y === view.from ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-700"}`}>
                {y} → {y + 1}
              </Link>
            ))}
          </div>
        )}
      </PageHeader>
      <div className="grid gap-5 lg:grid-cols-5">
        <div className="lg:col-span-2">
          <Card>
            <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
              <li>{fill(r.what1, vars)}</li>
              <li>{fill(r.what2, vars)}</li>
              <li>{fill(r.what3, vars)}</li>
              <li>{fill(r.what4, vars)}</li>
            </ol>
          </Card>
        </div>
        <div className="lg:col-span-3">
          <Card title={`${r.from} ${view.from} ${r.to} ${view.to}`}>
            {view.existing && (
              <p role="note" className="mb-3 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
                ⚠ {fill(r.exists, { ...vars, ...view.existing })}{" "}
                <Link href={`/admin/tables?year=${view.to}`} className="font-medium text-brand-700 underline">{fill(r.open, vars)}</Link>
              </p>
            )}
            <AdminForm action={rolloverAction} label={r.title} locale={locale} saved={r.done} savedLink={{ href: "/admin/tables?year={to}", label: r.open }}>
              <input type="hidden" name="from" value={view.from} />
              <input type="hidden" name="to" value={view.to} />
              <fieldset>
                <legend className="mb-2 text-sm font-semibold text-slate-800">{r.projects}</legend>
                <ul className="space-y-1">
                  {view.projects.map((p) => (
                    <li key={p.code}>
                      <label className="flex items-start gap-2 text-sm">
                        <input type="checkbox" name="projects" value={p.code} defaultChecked className="mt-1" />
                        <span>表{p.tableNo} {p.name} <span className="text-xs text-slate-500 tabular-nums">{p.code}</span></span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
              <Button type="submit" disabled={!!view.existing} size="lg">{r.submit}</Button>
            </AdminForm>
          </Card>
        </div>
      </div>
    </>
  );
}
