import { getMessages, fill } from "@/lib/i18n";
import { getDepartmentView, workingYear } from "@/lib/catalogue";
import { Card, Field, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/access/require";
import { indicatorScope } from "@/lib/auth";
import { rollup } from "@/lib/reporting";
import { monthParams } from "@/lib/validations";
import { LightBadge } from "@/components/status/light-badge";
import { MonthPicker } from "@/components/status/month-picker";
import { IndicatorGrid } from "@/components/catalogue/indicator-grid";
import { Hint, Table, TextLink } from "@/components/ui/controls";
import { decodeProfileDetail } from "@/lib/department";


type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function DepartmentPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser("/");
  const { t } = await getMessages();
  const { year, month } = await workingYear(user, monthParams.parse(await searchParams));
  const [view, lights] = await Promise.all([getDepartmentView(year, user), rollup({ tableNo: "11", ...indicatorScope(user) }, year, month)]);
  if (!view) return <p>{t.errors.notFound}</p>;
  const detail = decodeProfileDetail(view.profile?.detailJson);
  const codeOf = new Map(view.projects.map((p) => [p.name, p]));
  const longGoals = view.goals.filter((g) => g.term === "long_term");
  const annualGoals = view.goals.filter((g) => g.term === "annual");

  return (
    <>
      <PageHeader title={view.dept.name} subtitle={`${year} · ${t.dept.title}`}>
        <MonthPicker year={year} month={month} t={t} path="/" />
      </PageHeader>
      <div className="grid gap-5 lg:grid-cols-5">
        <div className="lg:col-span-3">
          <Card title={t.dept.funds}>
            <Table>
                <thead>
                  <tr><th></th><th></th><th className="text-right">{t.dept.amount}（{t.common.wan}）</th><th className="text-right">{t.dept.share}</th><th className="text-right">2023</th><th className="text-right">2022</th></tr>
                </thead>
                <tbody>
                  {detail.funds.map((f, i, all) => {
                    const first = i === 0 || all[i - 1].group !== f.group;
                    const span = all.filter((x) => x.group === f.group).length;
                    return (
                      <tr key={i} className={f.item === "合计" ? "font-semibold" : ""}>
                        {first && <td rowSpan={span} className="merged whitespace-nowrap">{f.group}</td>}
                        <td className="whitespace-nowrap">{f.item}</td>
                        <td className="num">{f.amount}</td>
                        <td className="num">{f.share}</td>
                        <td className="num text-slate-600">{f.y2023}</td>
                        <td className="num text-slate-600">{f.y2022}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </Table>
          </Card>
        </div>
        <div className="lg:col-span-2">
          <Card title={t.dept.overview}>
            <p className="text-sm leading-relaxed text-slate-700">{view.profile?.overview}</p>
            <h3 className="mt-4 text-sm font-semibold text-slate-800">{t.dept.tasks}</h3>
            <ol className="mt-2 space-y-1.5 text-sm leading-relaxed text-slate-700">
              {(view.profile?.tasks ?? "").split("\n").map((line, i) => <li key={i}>{line}</li>)}
            </ol>
            <dl className="mt-4 grid grid-cols-2 gap-3">
              <Field label={t.dept.filler}>{view.profile?.filler}</Field>
              <Field label={t.dept.phone}>{view.profile?.phone}</Field>
            </dl>
          </Card>
        </div>
      </div>

      <div className="mt-5">
        <Card title={t.dept.projects}>
          <Table>
              <thead>
                <tr><th>{t.grid.project}</th><th>{t.project.category}</th><th className="text-right">{t.project.total}</th><th className="text-right">{t.project.budget}</th><th>{t.grid.table}</th></tr>
              </thead>
              <tbody>
                {detail.projects.map((p, i) => {
                  const proj = p.name ? codeOf.get(p.name) : undefined;
                  const n = proj?.indicators ?? 0;
                  return (
                    <tr key={i}>
                      <td>
                        {proj ? <TextLink href={`/projects/${proj.code}`}>{p.name}</TextLink> : p.name}
                        <Hint>{p.purpose}</Hint>
                      </td>
                      <td className="whitespace-nowrap">{p.category}</td>
                      <td className="num">{p.total}</td>
                      <td className="num">{p.current}</td>
                      <td className="whitespace-nowrap text-slate-600">{proj ? `表${proj.tableNo} · ${fill(t.project.indicators, { n })}` : ""}</td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
        </Card>
      </div>

      <h2 className="mt-8 mb-3 text-lg font-semibold">{t.dept.longGoals}</h2>
      <div className="space-y-5">
        {longGoals.map((g) => (
          <Card key={g.id} title={`${t.common.longTerm}${t.grid.goal}${g.goalNo}：${g.text}`}>
            <IndicatorGrid rows={g.indicators} t={t} term="long_term" />
          </Card>
        ))}
      </div>
      <h2 className="mt-8 mb-3 text-lg font-semibold">{t.dept.annualGoals}</h2>
      <div className="space-y-5">
        {annualGoals.map((g) => (
          <Card key={g.id} title={`${t.common.annual}${t.grid.goal}${g.goalNo}：${g.text}`} actions={<LightBadge light={lights.goals.get(g.id) ?? "none"} t={t} />}>
            <IndicatorGrid rows={g.indicators} t={t} term="annual" progress={lights.progress} />
          </Card>
        ))}
      </div>
    </>
  );
}
