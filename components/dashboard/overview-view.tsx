import type { ReactNode } from "react";
import { fill, type Locale, type Messages } from "@/lib/i18n";
import type { overview, LightCounts } from "@/lib/dashboard";
import { formatNumber } from "@/lib/targets";
import type { Light } from "@/lib/status";
import { Card } from "@/components/ui/card";
import { LightBadge } from "@/components/status/light-badge";
import { LightBars, RateBars } from "@/components/charts/charts";
import { Hint, Table, TextLink } from "@/components/ui/controls";

// The managers' overview of one department: lights by project, category and office, budget
// against time, the worst shortfalls and reporting completeness. The department's own dashboard
// links into its pages; the finance bureau's drill-down (/city/<code>) shows the same without them.

const SHOWN: Light[] = ["red", "yellow", "overdue", "blue", "green", "nodata", "pending", "none"];
const cellStyle = { reported: "bg-emerald-100 text-emerald-800", late: "bg-amber-100 text-amber-900", missing: "bg-red-100 text-red-800", open: "bg-slate-50 text-slate-400", future: "bg-white text-slate-300" } as const;
const cellIcon = { reported: "✓", late: "⏱", missing: "✗", open: "·", future: "" } as const;

export function OverviewView({ o, month, t, locale, linked }: { o: Awaited<ReturnType<typeof overview>>; month: number; t: Messages; locale: Locale; linked: boolean }) {
  const bars = (m: Map<string, LightCounts>) => [...m].map(([name, c]) => ({ name, ...c }));
  const link = (href: string, text: ReactNode) => (linked ? <TextLink href={href}>{text}</TextLink> : text);
  return (
    <>
      <section aria-label={t.dashboard.summary} className="mb-5 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <span className="text-sm text-slate-600">{fill(t.dashboard.indicators, { n: o.overall?.total ?? 0 })}</span>
        {SHOWN.filter((l) => (o.overall?.[l] ?? 0) > 0).map((l) => (
          <span key={l} className="flex items-center gap-1 text-sm" data-testid={`overall-${l}`}>
            <LightBadge light={l} t={t} /> <span className="font-semibold tabular-nums">{o.overall?.[l]}</span>
          </span>
        ))}
      </section>

      <div className="grid gap-5 xl:grid-cols-2">
        <Card title={t.dashboard.byProject}>
          <LightBars data={bars(o.byProject)} labels={t.light} />
          <CountsTable title={t.dashboard.byProject} rows={o.byProject} t={t} />
        </Card>
        <Card title={t.dashboard.budget}>
          <RateBars data={o.budget.map((b) => ({ name: b.name, rate: b.rate ?? 0, time: b.time }))} rateLabel={t.budget.rate} timeLabel={t.budget.time} />
          <table className="grid-table mt-3">
            <thead><tr><th>{t.grid.project}</th><th className="text-right">{t.budget.spent}</th><th className="text-right">{t.budget.rate}</th><th>{t.project.budgetLight}</th><th>{t.project.indicatorLight}</th></tr></thead>
            <tbody>
              {o.budget.map((b) => (
                <tr key={b.code}>
                  <td>{link(`/projects/${b.code}?month=${month}`, b.name)}</td>
                  <td className="num">{formatNumber(b.spentYuan / 10000, "万元")}</td>
                  <td className="num">{b.rate == null ? "—" : formatNumber(b.rate, "%")}</td>
                  <td><LightBadge light={b.status.light} t={t} title={b.status.explanation[locale]} /></td>
                  <td><LightBadge light={b.light} t={t} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title={t.dashboard.byLevel1}>
          <LightBars data={bars(o.byLevel1)} labels={t.light} />
          <CountsTable title={t.dashboard.byLevel1} rows={o.byLevel1} t={t} />
        </Card>
        <Card title={t.dashboard.byOffice}>
          <LightBars data={bars(o.byOffice)} labels={t.light} />
        </Card>
      </div>

      <div className="mt-5">
        <Card title={t.dashboard.worst}>
          {o.shortfalls.length === 0 ? <p className="text-sm text-slate-500">{t.dashboard.noShortfall}</p> : (
            <Table label={t.dashboard.worst}>
                <thead><tr><th>#</th><th>{t.grid.level3}</th><th>{t.report.office}</th><th>{t.report.light}</th><th>{t.dashboard.why}</th><th>{t.report.corrective}</th></tr></thead>
                <tbody>
                  {o.shortfalls.map((s, i) => (
                    <tr key={`${s.indicator.id}-${s.org.id}`}>
                      <td className="num">{i + 1}</td>
                      <td className="min-w-48">{link(`/indicators/${s.indicator.id}?month=${month}`, s.indicator.level3)}<Hint>表{s.indicator.tableNo} · {s.indicator.targetText}</Hint></td>
                      <td className="whitespace-nowrap text-sm">{s.org.shortName ?? s.org.name}</td>
                      <td className="max-w-80"><LightBadge light={s.light} t={t} /><div className="mt-1 text-xs text-slate-600">{s.status.explanation[locale]}</div></td>
                      <td className="max-w-64 text-sm">{s.report?.deviationReason ?? "—"}</td>
                      <td className="max-w-64 text-sm">{s.report?.correctiveMeasure ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
          )}
        </Card>
      </div>

      <div className="mt-5">
        <Card title={t.dashboard.completeness}>
          <div className="mb-2 flex flex-wrap gap-3 text-xs">
            {(["reported", "late", "missing", "open"] as const).map((c) => <span key={c} className={`rounded px-1.5 py-0.5 ${cellStyle[c]}`}>{cellIcon[c]} {t.dashboard.cell[c]}</span>)}
          </div>
          <Table label={t.dashboard.completeness}>
              <thead><tr><th>{t.report.office}</th>{Array.from({ length: 12 }, (_, i) => <th key={i} className="text-center">{i + 1}</th>)}</tr></thead>
              <tbody>
                {o.completeness.map((row) => (
                  <tr key={row.orgId}>
                    <td className="whitespace-nowrap text-sm">{link(`/offices/${row.orgId}?month=${month}`, row.name)} <span className="text-xs text-slate-400">({row.owed})</span></td>
                    {row.cells.map((c, i) => <td key={i} className={`text-center text-sm ${cellStyle[c]}`} title={`${row.name} ${i + 1}月：${t.dashboard.cell[c]}`}>{cellIcon[c]}</td>)}
                  </tr>
                ))}
              </tbody>
            </Table>
        </Card>
      </div>
    </>
  );
}

function CountsTable({ title, rows, t }: { title: string; rows: Map<string, LightCounts>; t: Messages }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-slate-600">{t.dashboard.asTable}</summary>
      <table className="grid-table mt-2" aria-label={title}>
        <thead><tr><th></th>{SHOWN.map((l) => <th key={l} className="text-right">{t.light[l]}</th>)}<th className="text-right">{t.common.total}</th></tr></thead>
        <tbody>
          {[...rows].map(([name, c]) => (
            <tr key={name}><td>{name}</td>{SHOWN.map((l) => <td key={l} className="num">{c[l]}</td>)}<td className="num font-semibold">{c.total}</td></tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
