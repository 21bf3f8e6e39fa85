import { notFound } from "next/navigation";
import { getMessages, fill, type Messages } from "@/lib/i18n";
import { getProjectView, workingYear } from "@/lib/catalogue";
import { Card, Field, PageHeader } from "@/components/ui/card";
import { IndicatorGrid } from "@/components/catalogue/indicator-grid";
import { LightBadge } from "@/components/status/light-badge";
import { SpendingForm } from "@/components/reporting/spending-form";
import { requireUser } from "@/lib/access/require";
import { coversOffice, indicatorScope } from "@/lib/auth";
import { projectExecution, rollup } from "@/lib/reporting";
import { formatNumber } from "@/lib/targets";
import { monthParams } from "@/lib/validations";
import { MonthPicker } from "@/components/status/month-picker";
import { can } from "@/lib/access";
import { Hint, Table } from "@/components/ui/controls";
import { decodeProjectAmounts, decodeProjectDetail, decodeSubProjectAmounts } from "@/lib/project";

const amountKeys = ["total", "current_general", "carry_general", "special_account", "unit_funds"] as const;

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ProjectPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Search }) {
  const { code } = await params;
  if (!/^\d{21}$/.test(code)) notFound();
  const user = await requireUser(`/projects/${code}`);
  const { year, month } = await workingYear(user, monthParams.parse(await searchParams));
  const [{ t, locale }, p] = await Promise.all([getMessages(), getProjectView(code, year, user)]);
  if (!p) notFound();
  const [execution, lights] = await Promise.all([
    projectExecution(p.id, year, p.currentBudgetYuan),
    rollup({ goal: { projectId: p.id }, ...indicatorScope(user) }, year, month),
  ]);
  const budgetNow = execution.months.filter((m) => m.month <= month).at(-1);
  const writable = can(user.role, "budget.write") ? p.subProjects.filter((s) => coversOffice(user, s.unitId)) : [];
  const detail = decodeProjectDetail(p.detailJson);
  const amounts = decodeProjectAmounts(p.amountsJson);
  const goals = p.goals;
  const sameGoalText = goals.length === 2 && goals[0].text === goals[1].text;
  const nIndicators = goals.reduce((s, g) => s + g.indicators.length, 0);

  return (
    <>
      <PageHeader title={p.name} subtitle={`${year} · 表${p.tableNo} · ${p.code} · ${fill(t.project.indicators, { n: nIndicators })}`}>
        <div className="flex items-end gap-4">
          <div className="text-sm" aria-label={t.report.light}>
            <Hint>{t.project.indicatorLight}（{fill(t.report.month, { m: month })}）</Hint>
            <LightBadge light={lights.projects.get(p.code) ?? "none"} t={t} />
          </div>
          <div className="text-sm">
            <Hint>{t.project.budgetLight}</Hint>
            <LightBadge light={budgetNow?.status.light ?? "nodata"} t={t} title={budgetNow?.status.explanation[locale]} />
          </div>
          <MonthPicker year={year} month={month} t={t} path={`/projects/${p.code}`} />
        </div>
      </PageHeader>
      <div className="grid gap-5 lg:grid-cols-3">
        <Card title={t.project.budget}>
          <div className="text-3xl font-bold tabular-nums text-slate-900">{p.currentBudget}<span className="ml-1 text-base font-normal text-slate-500">{t.common.wan}</span></div>
          <dl className="mt-4 grid grid-cols-2 gap-3">
            <Field label={t.project.total}>{p.totalBudget}</Field>
            <Field label={t.project.category}>{p.category}</Field>
            <Field label={t.project.attribute}>{p.attribute}</Field>
            <Field label={t.project.lead}>{p.lead}</Field>
          </dl>
          <dl className="mt-3"><Field label={t.project.unit}>{p.executingUnitText}</Field></dl>
          <p className="mt-3 text-xs leading-relaxed text-slate-500">{p.budgetHistory}</p>
        </Card>
        <Card title={t.project.sources}>
          <Table scroll={false}>
            <tbody>
              {(detail.fund_sources ?? []).map((s, i) => (
                <tr key={i}>
                  <td className={s.name.startsWith("其中") || s.name.startsWith("使用") ? "pl-6 text-slate-600" : ""}>{s.name}</td>
                  <td className="num">{s.amount ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card title={`表10 · ${t.common.wan}`}>
          <Table scroll={false}>
            <tbody>
              {amountKeys.filter((k) => amounts[k]).map((k) => (
                <tr key={k}><td>{t.project.amount[k]}</td><td className="num">{amounts[k]}</td></tr>
              ))}
            </tbody>
          </Table>
        </Card>
      </div>

      <div className="mt-5">
        <Card title={t.project.subProjects}>
          <SubProjects rows={p.subProjects} t={t} />
        </Card>
      </div>

      <div className="mt-5">
        <Card title={t.budget.title}>
          {execution.months.length === 0 ? <p className="text-sm text-slate-500">{t.budget.none}</p> : (
            <Table>
                <thead><tr><th>{t.report.reportFor}</th><th className="text-right">{t.budget.spent}</th><th className="text-right">{t.budget.rate}</th><th className="text-right">{t.budget.time}</th><th>{t.report.light}</th></tr></thead>
                <tbody>
                  {execution.months.map((m) => (
                    <tr key={m.month}>
                      <td>{fill(t.report.month, { m: m.month })}</td>
                      <td className="num">{formatNumber(m.spentYuan / 10000, "万元")}</td>
                      <td className="num">{p.currentBudgetYuan ? formatNumber(m.spentYuan / p.currentBudgetYuan, "%") : "—"}</td>
                      <td className="num">{formatNumber(m.month / 12, "%")}</td>
                      <td><LightBadge light={m.status.light} t={t} /> <span className="text-xs text-slate-600">{m.status.explanation[locale]}</span></td>
                    </tr>
                  ))}
                </tbody>
              </Table>
          )}
          {writable.length > 0 && (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <SpendingForm t={t} locale={locale} year={year} subs={writable.map((s) => ({ id: s.id, name: `${s.name}（${s.unitText}）`, versions: Object.fromEntries((execution.bySub.get(s.id) ?? []).map((r) => [r.month, r.version])) }))} />
            </div>
          )}
        </Card>
      </div>

      <div className="mt-5 grid gap-5 lg:grid-cols-2">
        {(sameGoalText ? goals.slice(0, 1) : goals).map((g) => (
          <Card key={g.id} title={sameGoalText ? "项目绩效总目标" : g.term === "annual" ? t.project.annualGoal : t.project.longGoal}>
            <div className="space-y-1.5 text-sm leading-relaxed text-slate-700">
              {g.text.split("\n").map((line, i) => <p key={i}>{line}</p>)}
            </div>
          </Card>
        ))}
      </div>

      {goals.map((g) => (
        <div key={g.id} className="mt-5">
          <Card title={`${g.term === "annual" ? "年度绩效目标表" : "长期绩效目标表"} · ${fill(t.project.indicators, { n: g.indicators.length })}`}>
            <IndicatorGrid rows={g.indicators} t={t} term={g.term} progress={g.term === "annual" ? lights.progress : undefined} />
          </Card>
        </div>
      ))}
    </>
  );
}

type Sub = { id: number; code: string; name: string; unitText: string; amountsJson: string };
function SubProjects({ rows, t }: { rows: Sub[]; t: Messages }) {
  return (
    <Table>
        <thead>
          <tr>
            <th>{t.project.code}</th><th>{t.grid.project}</th><th>{t.project.subUnit}</th>
            {amountKeys.map((k) => <th key={k} className="text-right">{t.project.amount[k]}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const a = decodeSubProjectAmounts(s.amountsJson);
            return (
              <tr key={s.id}>
                <td className="font-mono text-xs whitespace-nowrap text-slate-600">{s.code}</td>
                <td>{s.name}</td>
                <td className="text-slate-700">{s.unitText}</td>
                {amountKeys.map((k) => <td key={k} className="num">{a[k] ?? ""}</td>)}
              </tr>
            );
          })}
        </tbody>
      </Table>
  );
}
