import { notFound } from "next/navigation";
import { getMessages } from "@/lib/i18n/server";
import { fill, type Messages } from "@/lib/i18n/messages";
import { DEFAULT_YEAR, getProjectView } from "@/lib/catalogue/queries";
import { Card, Field, PageHeader } from "@/components/ui/card";
import { IndicatorGrid } from "@/components/catalogue/indicator-grid";

type Detail = { fund_sources?: { name: string; amount: string | null }[]; attribute?: string; category?: string };
type Amounts = Record<string, string | null>;
const amountKeys = ["total", "current_general", "carry_general", "special_account", "unit_funds"] as const;

export default async function ProjectPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  if (!/^\d{21}$/.test(code)) notFound();
  const { t } = await getMessages();
  const p = await getProjectView(code, DEFAULT_YEAR);
  if (!p) notFound();
  const detail = JSON.parse(p.detailJson) as Detail;
  const amounts = JSON.parse(p.amountsJson) as Amounts;
  const goals = p.goals;
  const sameGoalText = goals.length === 2 && goals[0].text === goals[1].text;
  const nIndicators = goals.reduce((s, g) => s + g.indicators.length, 0);

  return (
    <>
      <PageHeader title={p.name} subtitle={`表${p.tableNo} · ${p.code} · ${fill(t.project.indicators, { n: nIndicators })}`} />
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
          <table className="grid-table">
            <tbody>
              {(detail.fund_sources ?? []).map((s, i) => (
                <tr key={i}>
                  <td className={s.name.startsWith("其中") || s.name.startsWith("使用") ? "pl-6 text-slate-600" : ""}>{s.name}</td>
                  <td className="num">{s.amount ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title={`表10 · ${t.common.wan}`}>
          <table className="grid-table">
            <tbody>
              {amountKeys.filter((k) => amounts[k]).map((k) => (
                <tr key={k}><td>{t.project.amount[k]}</td><td className="num">{amounts[k]}</td></tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>

      <div className="mt-5">
        <Card title={t.project.subProjects}>
          <SubProjects rows={p.subProjects} t={t} />
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
            <IndicatorGrid rows={g.indicators} t={t} term={g.term} />
          </Card>
        </div>
      ))}
    </>
  );
}

type Sub = { id: number; code: string; name: string; unitText: string; amountsJson: string };
function SubProjects({ rows, t }: { rows: Sub[]; t: Messages }) {
  return (
    <div className="overflow-x-auto">
      <table className="grid-table">
        <thead>
          <tr>
            <th>{t.project.code}</th><th>{t.grid.project}</th><th>{t.project.subUnit}</th>
            {amountKeys.map((k) => <th key={k} className="text-right">{t.project.amount[k]}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const a = JSON.parse(s.amountsJson) as Amounts;
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
      </table>
    </div>
  );
}
