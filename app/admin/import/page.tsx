import Link from "next/link";
import { getMessages, fill } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { workingYear } from "@/lib/catalogue";
import { importYears } from "@/lib/import";
import { ownDepartment } from "@/lib/auth";
import { importPageParams } from "@/lib/validations";
import { Card, PageHeader } from "@/components/ui/card";
import { ImportForm } from "./import-form";
import { Hint } from "@/components/ui/controls";

type Search = Promise<Record<string, string | string[] | undefined>>;

const link = "inline-flex items-center gap-1 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50";

/** Issue 6: the year's tables out to Excel, and back in through a preview the admin confirms. */
export default async function ImportPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePermission("import.run", "/admin/import");
  const { t, locale } = await getMessages();
  if (!user) return <Forbidden />;
  const m = t.importer;
  const p = importPageParams.parse(await searchParams);
  const years = await importYears(ownDepartment(user));
  const { year } = await workingYear(user, { year: p.year && years.includes(p.year) ? p.year : undefined });
  const api = `/api/v1/admin/tables?year=${year}`;

  return (
    <>
      <PageHeader title={m.title} subtitle={m.intro}>
        <nav aria-label={m.year} className="flex flex-wrap items-center gap-2 text-sm">
          {years.map((y) => (
            <Link key={y} href={`/admin/import?year=${y}`} aria-current={y === year ? "page" : undefined} className={`rounded px-2 py-1 ${y === year ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}>
              {fill(m.yearOf, { y })}
            </Link>
          ))}
        </nav>
      </PageHeader>
      <div className="space-y-5">
        <Card title={m.exportTitle}>
          <p className="mb-3 text-sm text-slate-600">{fill(m.exportHint, { year })}</p>
          <div className="flex flex-wrap items-center gap-3">
            <a href={`${api}&format=xlsx`} download className={`${link} border-brand-600 font-medium text-brand-700`}>⤓ {fill(m.download, { year })}</a>
            <a href={`${api}&format=xlsx&template=1`} download className={link}>⤓ {m.template}</a>
            <Hint as="span">{m.templateHint}</Hint>
          </div>
        </Card>
        <Card title={m.importTitle}>
          <ImportForm years={years.length ? years : [year]} year={year} locale={locale} m={m} />
        </Card>
      </div>
    </>
  );
}
