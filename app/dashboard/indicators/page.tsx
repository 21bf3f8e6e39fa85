import Link from "next/link";
import { getMessages, fill } from "@/lib/i18n";
import { requireUser } from "@/lib/access/require";
import { statusTable } from "@/lib/dashboard";
import { filterOptions, workingYear } from "@/lib/catalogue";
import { statusTableParams } from "@/lib/validations";
import { Card, PageHeader } from "@/components/ui/card";
import { StatusTable } from "@/components/dashboard/status-table";
import { Button, Label } from "@/components/ui/controls";

type Search = Promise<Record<string, string | string[] | undefined>>;
const LIGHTS = ["red", "yellow", "overdue", "blue", "green", "nodata", "pending", "none"] as const;

export default async function StatusTablePage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser("/dashboard/indicators");
  const { t } = await getMessages();
  const raw = await searchParams;
  const asked = statusTableParams.parse(raw);
  const { year, month } = await workingYear(user, asked);
  const p = { ...asked, year, month };
  const [rows, opts] = await Promise.all([statusTable(user, p), filterOptions(p.year, user)]);
  const qs = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" && v !== "" ? [[k, v]] : [])));
  const select = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <>
      <PageHeader title={t.dashboardTable.title} subtitle={`${p.year} · ${t.report.asOf} ${fill(t.report.month, { m: p.month })} · ${fill(t.common.count, { n: rows.length })}`}>
        <div className="flex gap-2 text-sm">
          <a className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50" href={`/dashboard/indicators/export?${qs.toString()}&format=csv`}>{t.dashboardTable.download} CSV</a>
          <a className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50" href={`/dashboard/indicators/export?${qs.toString()}&format=xlsx`}>{t.dashboardTable.download} XLSX</a>
        </div>
      </PageHeader>
      <form method="get" role="search" className="mb-5 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-4 lg:grid-cols-7">
        <input type="hidden" name="year" value={p.year} />
        <Label inline>{t.report.asOf}
          <select name="month" defaultValue={p.month} className={select}>{Array.from({ length: 12 }, (_, i) => i + 1).map((m) => <option key={m} value={m}>{fill(t.report.month, { m })}</option>)}</select>
        </Label>
        <Label inline>{t.report.light}
          <select name="light" defaultValue={p.light ?? ""} className={select}><option value="">{t.common.all}</option>{LIGHTS.map((l) => <option key={l} value={l}>{t.light[l]}</option>)}</select>
        </Label>
        <Label inline>{t.grid.project}
          <select name="table" defaultValue={p.table ?? ""} className={select}><option value="">{t.common.all}</option><option value="11">表11 部门整体</option>{opts.projects.map((x) => <option key={x.code} value={x.tableNo}>表{x.tableNo} {x.name}</option>)}</select>
        </Label>
        <Label inline>{t.report.office}
          <select name="org" defaultValue={p.org ?? ""} className={select}><option value="">{t.common.all}</option>{opts.orgs.map((o) => <option key={o.id} value={o.id}>{o.shortName ?? o.name}</option>)}</select>
        </Label>
        <Label inline>{t.grid.level1}
          <select name="level1" defaultValue={p.level1 ?? ""} className={select}><option value="">{t.common.all}</option>{opts.level1.map((l) => <option key={l} value={l}>{l}</option>)}</select>
        </Label>
        <Label inline>{t.common.search}
          <input type="search" name="q" defaultValue={p.q ?? ""} className={select} />
        </Label>
        <div className="flex items-end gap-2">
          <Button type="submit">{t.common.filter}</Button>
          <Link href="/dashboard/indicators" className="rounded px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100">{t.common.reset}</Link>
        </div>
      </form>
      <Card>
        <StatusTable rows={rows} t={t} month={p.month} />
      </Card>
    </>
  );
}
