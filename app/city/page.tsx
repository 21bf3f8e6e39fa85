import { getMessages, fill } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { cityView } from "@/lib/reporting";
import { CITY_SORTS, executionRate, reportingRate, sortDepartments } from "@/lib/dashboard";
import { cityParams } from "@/lib/validations";
import { workingYear } from "@/lib/catalogue";
import { budgetStatus } from "@/lib/status";
import { Card, PageHeader } from "@/components/ui/card";
import { LightBadge } from "@/components/status/light-badge";
import { LightStrip } from "@/components/status/light-strip";
import { MonthPicker } from "@/components/status/month-picker";
import { timeText } from "@/components/ui/time";
import { Button, Hint, Label, Table, TextLink } from "@/components/ui/controls";

type Search = Promise<Record<string, string | string[] | undefined>>;
const PAGE = 50;
const pct = (v: number | null) => (v == null ? "—" : `${(Math.floor(v * 1000) / 10).toFixed(1)}%`);
const wan = (yuan: number) => (yuan / 10000).toLocaleString("zh-CN", { maximumFractionDigits: 0 });

/** The finance bureau's view: every department's lights, reporting and budget at a month. */
export default async function CityPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePermission("city.view", "/city");
  const { t, locale } = await getMessages();
  if (!user) return <Forbidden />;
  const { sort, q, page, ...asked } = cityParams.parse(await searchParams);
  const { year, month } = await workingYear(user, asked);
  const { value: city, computedAt } = await cityView(year, month);
  const c = t.city;
  const matching = q ? city.departments.filter((d) => d.name.includes(q) || d.code.startsWith(q)) : city.departments;
  const sorted = sortDepartments(matching, sort);
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE));
  const p = Math.min(page, pages);
  const rows = sorted.slice((p - 1) * PAGE, p * PAGE);
  const query = (over: Record<string, string | number>) => `/city?${new URLSearchParams({ year: String(year), month: String(month), sort, ...(q ? { q } : {}), page: String(p), ...Object.fromEntries(Object.entries(over).map(([k, v]) => [k, String(v)])) })}`;
  const T = city.totals;
  const cityBudget = T.budgetYuan > 0 ? budgetStatus({ budgetYuan: T.budgetYuan, spentYuan: T.spentYuan, asOfMonth: month }) : null;

  return (
    <>
      <PageHeader title={c.title} subtitle={fill(c.subtitle, { y: year, m: month })}>
        <MonthPicker year={year} month={month} t={t} path="/city" extra={{ sort, ...(q ? { q } : {}) }} />
      </PageHeader>

      <section aria-label={c.title} className="mb-5 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Figure label={c.departments} value={city.departments.length.toLocaleString("zh-CN")} />
        <Figure label={c.indicators} value={T.indicators.toLocaleString("zh-CN")} />
        <Figure label={c.reporting} value={pct(reportingRate(T))} hint={`${T.reported.toLocaleString("zh-CN")} / ${T.owed.toLocaleString("zh-CN")}`} />
        <Figure label={c.pending} value={T.submitted.toLocaleString("zh-CN")} />
        <Figure label={c.budget} value={pct(executionRate(T))} hint={`${c.time} ${pct(month / 12)}`} light={cityBudget ? <LightBadge light={cityBudget.light} t={t} title={cityBudget.explanation[locale]} /> : null} />
      </section>

      <Card title={c.lights}>
        <div className="mb-4 flex flex-wrap items-center gap-3 text-sm" data-testid="city-lights">
          {(["overdue", "red", "yellow", "nodata", "blue", "green", "pending", "none"] as const).filter((l) => T.lights[l] > 0).map((l) => (
            <span key={l} className="flex items-center gap-1"><LightBadge light={l} t={t} /><span className="font-semibold tabular-nums">{T.lights[l].toLocaleString("zh-CN")}</span></span>
          ))}
        </div>
        <form method="get" action="/city" className="mb-3 flex flex-wrap items-end gap-2">
          <input type="hidden" name="year" value={year} />
          <input type="hidden" name="month" value={month} />
          <Label inline>{c.search}
            <input name="q" defaultValue={q ?? ""} className="mt-1 block w-56 rounded border border-slate-300 px-2 py-1.5 text-sm" />
          </Label>
          <Label inline>{c.sort}
            <select name="sort" defaultValue={sort} className="mt-1 block rounded border border-slate-300 bg-white px-2 py-1.5 text-sm">
              {CITY_SORTS.map((s) => <option key={s} value={s}>{c.sorts[s]}</option>)}
            </select>
          </Label>
          <Button type="submit" variant="secondary">{t.common.filter}</Button>
          <span className="ml-auto text-sm text-slate-600">{fill(c.shown, { from: rows.length ? (p - 1) * PAGE + 1 : 0, to: (p - 1) * PAGE + rows.length, n: sorted.length })}</span>
        </form>
        <Table label={c.departments}>
            <thead>
              <tr>
                <th>{c.departments}</th><th className="text-right">{c.indicators}</th><th>{t.report.light}</th>
                <th className="text-right">{t.light.overdue}</th><th className="text-right">{t.light.red}</th><th className="text-right">{t.light.yellow}</th>
                <th className="text-right">{c.reporting}</th><th className="text-right">{c.pending}</th><th className="text-right">{c.budget}</th><th>{c.selfEval}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <td className="min-w-52"><TextLink href={`/city/${encodeURIComponent(d.code)}?year=${year}&month=${month}`}>{d.name}</TextLink><Hint>{d.code}</Hint></td>
                  <td className="num">{d.indicators}</td>
                  <td><LightStrip counts={d.lights} t={t} /></td>
                  <td className="num">{d.lights.overdue || ""}</td>
                  <td className="num">{d.lights.red || ""}</td>
                  <td className="num">{d.lights.yellow || ""}</td>
                  <td className="num">{pct(reportingRate(d))}</td>
                  <td className="num">{d.submitted || ""}</td>
                  <td className="num whitespace-nowrap">{pct(executionRate(d))} <LightBadge light={d.budgetLight} t={t} /><Hint>{wan(d.spentYuan)} / {wan(d.budgetYuan)} {t.common.wan}</Hint></td>
                  <td className="whitespace-nowrap text-sm">{d.selfEval ? `${d.selfEval.total.toFixed(2)}（${d.selfEval.grade}）` : <span className="text-slate-400">{c.notFinalised}</span>}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        {pages > 1 && (
          <nav aria-label="pages" className="mt-3 flex items-center gap-3 text-sm">
            {p > 1 ? <TextLink href={query({ page: p - 1 })}>← {c.prev}</TextLink> : <span className="text-slate-400">← {c.prev}</span>}
            <span className="tabular-nums text-slate-600">{p} / {pages}</span>
            {p < pages ? <TextLink href={query({ page: p + 1 })}>{c.next} →</TextLink> : <span className="text-slate-400">{c.next} →</span>}
          </nav>
        )}
        <p className="mt-3 text-xs text-slate-500">
          {fill(c.computed, { t: timeText(computedAt, "clock") })} · {c.apiHint} <code>/api/v1/city?year={year}&amp;month={month}</code>
        </p>
      </Card>
    </>
  );
}

function Figure({ label, value, hint, light }: { label: string; value: string; hint?: string; light?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <Hint>{label}</Hint>
      <div className="mt-1 flex items-center gap-2 text-2xl font-semibold tabular-nums">{value}{light}</div>
      {hint && <div className="mt-0.5 text-xs text-slate-500">{hint}</div>}
    </div>
  );
}
