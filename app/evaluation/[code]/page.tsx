import { notFound } from "next/navigation";
import { getMessages } from "@/lib/i18n/server";
import { fill } from "@/lib/i18n/messages";
import { requireUser } from "@/lib/auth/require";
import { projectSelfEvaluation } from "@/lib/reports/self-eval";
import { PROJECT_SELF_EVAL } from "@/lib/reports/layouts";
import { Card, PageHeader } from "@/components/ui/card";
import { spans } from "@/components/catalogue/indicator-grid";

export default async function SelfEvalPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  if (!/^\d{21}$/.test(code)) notFound();
  const user = await requireUser(`/evaluation/${code}`);
  const { t } = await getMessages();
  if (!["evaluator", "manager", "admin"].includes(user.role)) return <p className="text-red-700">{t.errors.forbidden}</p>;
  const d = await projectSelfEvaluation(code, 2024);
  if (!d) notFound();
  const def = PROJECT_SELF_EVAL;
  const l1 = spans(d.rows, (r) => r.level1);
  const l2 = spans(d.rows, (r) => `${r.level1}/${r.level2}`);
  const n2 = (v: number) => (Math.round(v * 100) / 100).toFixed(2);
  return (
    <>
      <PageHeader title={`${def.title} · ${d.projectName}`} subtitle={`${d.year} · ${d.department} · ${d.unit}`}>
        <div className="flex gap-2 text-sm">
          <a className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700" href={`/api/v1/self-eval/${code}?year=${d.year}&format=xlsx`}>{t.evaluation.download} XLSX</a>
          <a className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50" href={`/api/v1/self-eval/${code}?year=${d.year}&format=json`}>JSON</a>
        </div>
      </PageHeader>
      {d.errors.length > 0 && (
        <details className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <summary className="cursor-pointer font-medium">⚠ {fill(t.evaluation.issues, { n: d.errors.length })}</summary>
          <ul className="mt-2 space-y-0.5">{d.errors.map((e, i) => <li key={i}>{e.zh}</li>)}</ul>
        </details>
      )}
      <Card title={`${t.evaluation.total}：${n2(d.total)}（${d.grade}）`}>
        <p className="mb-3 text-sm text-slate-700">{t.budget.rate}：{d.funds.rate == null ? "—" : `${Math.round(d.funds.rate * 1000) / 10}%`} · {t.evaluation.budgetScore}：{d.budget ? `${n2(d.budget.score)} / ${d.budget.weight}` : "—"}</p>
        <div className="overflow-x-auto">
          <table className="grid-table" aria-label={def.title}>
            <thead><tr>{def.grid.map((c) => <th key={c.key}>{c.title}</th>)}</tr></thead>
            <tbody>
              {d.rows.map((r, i) => (
                <tr key={i}>
                  {l1[i] > 0 && <td rowSpan={l1[i]} className="merged">{r.level1}</td>}
                  {l2[i] > 0 && <td rowSpan={l2[i]} className="merged">{r.level2}</td>}
                  <td>{r.level3}</td>
                  <td className="num">{r.target}</td>
                  <td className="num">{r.actual || "—"}</td>
                  <td className="num">{n2(r.weight)}</td>
                  <td className="num font-medium">{n2(r.score)}</td>
                  <td className="max-w-80 text-xs">{r.deviation}</td>
                </tr>
              ))}
              <tr><td colSpan={6} className="text-center font-semibold">总分</td><td className="num font-bold">{n2(d.total)}</td><td className="font-bold">{d.grade}</td></tr>
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
