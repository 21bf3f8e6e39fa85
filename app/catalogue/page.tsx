import Link from "next/link";
import { getMessages, fill } from "@/lib/i18n";
import { filterOptions, listIndicators, type IndicatorRow, workingYear } from "@/lib/catalogue";
import { catalogueParams } from "@/lib/validations";
import { Card, PageHeader } from "@/components/ui/card";
import { IndicatorGrid } from "@/components/catalogue/indicator-grid";
import { requireUser } from "@/lib/access/require";
import { Button, Label } from "@/components/ui/controls";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function CataloguePage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser("/catalogue");
  const { t } = await getMessages();
  const asked = catalogueParams.parse(await searchParams);
  const f = { ...asked, year: (await workingYear(user, asked)).year };
  const [rows, opts] = await Promise.all([listIndicators(f, user), filterOptions(f.year, user)]);

  // Sections as in the document: one per goal table.
  const sections = new Map<number, IndicatorRow[]>();
  for (const r of rows) sections.set(r.goalId, [...(sections.get(r.goalId) ?? []), r]);
  const tableName = (tableNo: string) =>
    tableNo === "11" ? "表11 部门整体" : `表${tableNo} ${opts.projects.find((p) => p.tableNo === tableNo)?.name ?? ""}`;

  const select = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <>
      <PageHeader title={t.nav.catalogue} subtitle={`${f.year} · ${fill(t.common.count, { n: rows.length })}`} />
      <form method="get" role="search" className="mb-5 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-4 lg:grid-cols-7">
        <input type="hidden" name="year" value={f.year} />
        <Label inline>
          {t.grid.project}
          <select name="table" defaultValue={f.table ?? ""} className={select}>
            <option value="">{t.common.all}</option>
            <option value="11">表11 部门整体</option>
            {opts.projects.map((p) => (
              <option key={p.code} value={p.tableNo}>表{p.tableNo} {p.name}</option>
            ))}
          </select>
        </Label>
        <Label inline>
          {t.grid.term}
          <select name="term" defaultValue={f.term ?? ""} className={select}>
            <option value="">{t.common.all}</option>
            <option value="annual">{t.common.annual}</option>
            <option value="long_term">{t.common.longTerm}</option>
          </select>
        </Label>
        <Label inline>
          {t.grid.office}
          <select name="org" defaultValue={f.org ?? ""} className={select}>
            <option value="">{t.common.all}</option>
            {opts.orgs.map((o) => (
              <option key={o.id} value={o.id}>{o.shortName ?? o.name}</option>
            ))}
          </select>
        </Label>
        <Label inline>
          {t.grid.level1}
          <select name="level1" defaultValue={f.level1 ?? ""} className={select}>
            <option value="">{t.common.all}</option>
            {opts.level1.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </Label>
        <Label inline>
          {t.grid.level2}
          <select name="level2" defaultValue={f.level2 ?? ""} className={select}>
            <option value="">{t.common.all}</option>
            {opts.level2.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </Label>
        <Label inline>
          {t.common.search}
          <input type="search" name="q" defaultValue={f.q ?? ""} placeholder="开展新闻报道 / 95%" className={select} />
        </Label>
        <div className="flex items-end gap-2">
          <Button type="submit">{t.common.filter}</Button>
          <Link href="/catalogue" className="rounded px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100">{t.common.reset}</Link>
        </div>
      </form>

      {rows.length === 0 && <p className="rounded border border-dashed border-slate-300 p-8 text-center text-slate-500">{t.common.noResults}</p>}
      <div className="space-y-5">
        {[...sections.values()].map((group) => {
          const g = group[0];
          const heading = `${tableName(g.tableNo)} · ${g.term === "annual" ? t.common.annual : t.common.longTerm}${g.goal.goalNo ? ` · ${t.grid.goal}${g.goal.goalNo}` : ""}`;
          return (
            <Card key={g.goalId} title={heading}>
              {g.goal.goalNo != null && <p className="mb-3 text-sm text-slate-700">{g.goal.text}</p>}
              <IndicatorGrid rows={group} t={t} term={g.term} />
            </Card>
          );
        })}
      </div>
    </>
  );
}
