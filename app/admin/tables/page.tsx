import Link from "next/link";
import { getMessages, fill } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { workingYear } from "@/lib/catalogue";
import { tableYears, tablesView } from "@/lib/admin";
import { tablesParams } from "@/lib/validations";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { AdminForm } from "@/components/admin/admin-form";
import { RowControls } from "@/components/admin/row-controls";
import { createGoalAction, createProjectAction, updateGoalAction, updateProjectAction } from "./actions";
import { Button, Label, Table, inputClass } from "@/components/ui/controls";

type Search = Promise<Record<string, string | string[] | undefined>>;


export default async function TablesPage({ searchParams }: { searchParams: Search }) {
  const user = await requirePermission("tables.edit", "/admin/tables");
  const { t, locale } = await getMessages();
  if (!user) return <Forbidden />;
  const a = t.adminTables;
  const p = tablesParams.parse(await searchParams);
  const years = await tableYears(user);
  const { year } = await workingYear(user, p);
  const view = await tablesView(user, year, p.table === "new" ? "11" : p.table);
  const href = (table: string, y = year) => `/admin/tables?year=${y}&table=${table}`;
  // Up and down move past retired rows, so the ends are the first and last rows still in use.
  const ends = <T extends { id: number; retiredAt: Date | null }>(rows: T[]) => {
    const active = rows.filter((r) => !r.retiredAt);
    return { first: active[0]?.id, last: active.at(-1)?.id };
  };
  const goalEnds = ends(view.goals);
  const tab = (active: boolean) => `rounded-t border-b-2 px-3 py-2 text-sm whitespace-nowrap ${active ? "border-brand-600 font-semibold text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`;

  return (
    <>
      <PageHeader title={a.title} subtitle={fill(a.intro, { year })}>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {years.map((y) => (
            <Link key={y} href={href("11", y)} aria-current={y === year ? "page" : undefined} className={`rounded px-2 py-1 ${y === year ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}>
              {fill(a.yearOf, { y })}
            </Link>
          ))}
          <Link href="/admin/tables/rollover" className="rounded border border-slate-300 bg-white px-2 py-1 text-slate-700 hover:bg-slate-50">{a.rollover}</Link>
          <Link href="/admin/quality" className="rounded border border-slate-300 bg-white px-2 py-1 text-slate-700 hover:bg-slate-50">{a.quality}</Link>
        </div>
      </PageHeader>

      <nav aria-label={a.title} className="mb-4 flex flex-wrap gap-x-1 border-b border-slate-200">
        {view.tabs.map((x) => (
          <Link key={x.tableNo} href={href(x.tableNo)} aria-current={p.table === x.tableNo ? "page" : undefined} className={tab(p.table === x.tableNo)}>
            <span className={x.retired ? "text-slate-400 line-through" : ""}>表{x.tableNo} {x.projectId == null ? a.dept : x.name}</span>
          </Link>
        ))}
        <Link href={href("new")} aria-current={p.table === "new" ? "page" : undefined} className={tab(p.table === "new")}>＋ {a.project.add}</Link>
      </nav>

      {p.table === "new" ? (
        <Card title={a.project.add}>
          <p className="mb-3 text-sm text-slate-600">{a.project.addHint}</p>
          <AdminForm action={createProjectAction} label={a.project.add} locale={locale} redirectTo={`/admin/tables?year=${year}&table={tableNo}`}>
            <input type="hidden" name="year" value={year} />
            <div className="grid gap-3 sm:grid-cols-3">
              <Label>{a.project.code}<input name="code" required className={inputClass} /></Label>
              <Label>{a.project.name}<input name="name" required className={inputClass} /></Label>
              <Label>{a.project.unit}<input name="executingUnitText" className={inputClass} /></Label>
            </div>
            <Button type="submit">{a.save}</Button>
          </AdminForm>
        </Card>
      ) : !view.found ? (
        <p className="text-slate-600">{a.notFound}</p>
      ) : (
        <div className="space-y-5">
          {view.project && (
            <Card
              title={<>{a.project.title} {view.project.retiredAt && <Badge tone="red">⊘ {a.retired}</Badge>}</>}
              actions={<RowControls entity="project" id={view.project.id} name={view.project.name} retired={!!view.project.retiredAt} canUp={view.projectEnds.first !== view.project.id} canDown={view.projectEnds.last !== view.project.id} t={t} locale={locale} />}
            >
              {view.project.retiredAt && <p className="mb-3 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">{a.retiredProject}</p>}
              <dl className="grid gap-3 text-sm sm:grid-cols-3">
                <div><dt className="text-xs text-slate-500">{a.project.code}</dt><dd className="tabular-nums">{view.project.code}</dd></div>
                <div><dt className="text-xs text-slate-500">{a.project.name}</dt><dd>{view.project.name}</dd></div>
                <div><dt className="text-xs text-slate-500">{a.project.unit}</dt><dd>{view.project.executingUnitText ?? "—"}</dd></div>
              </dl>
              <details className="mt-3">
                <summary className="cursor-pointer text-sm text-brand-700">{a.project.edit}</summary>
                <AdminForm action={updateProjectAction} label={a.project.edit} locale={locale} saved={a.saved} className="mt-2">
                  <input type="hidden" name="projectId" value={view.project.id} />
                  <div className="grid gap-3 sm:grid-cols-2">
                    <Label>{a.project.name}<input name="name" defaultValue={view.project.name} className={inputClass} /></Label>
                    <Label>{a.project.unit}<input name="executingUnitText" defaultValue={view.project.executingUnitText ?? ""} className={inputClass} /></Label>
                  </div>
                  <Button type="submit">{a.save}</Button>
                </AdminForm>
              </details>
            </Card>
          )}

          {view.goals.length === 0 && <p className="text-sm text-slate-600">{a.noGoals}</p>}
          {view.goals.map((g) => {
            const rowEnds = ends(g.indicators);
            const title = `${g.term === "annual" ? a.annual : a.longTerm}${g.goalNo ? ` · ${fill(a.goalNo, { n: g.goalNo })}` : ""}`;
            return (
              <Card
                key={g.id}
                title={<>{title} {g.retiredAt && <Badge tone="red">⊘ {a.retired}</Badge>}</>}
                actions={<RowControls entity="goal" id={g.id} name={title} retired={!!g.retiredAt} canUp={goalEnds.first !== g.id} canDown={goalEnds.last !== g.id} t={t} locale={locale} />}
              >
                <p className={`text-sm ${g.retiredAt ? "text-slate-400" : "text-slate-700"}`}>{g.text || "—"}</p>
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm text-brand-700">{a.editGoal}</summary>
                  <AdminForm action={updateGoalAction} label={`${a.editGoal}：${title}`} locale={locale} saved={a.saved} className="mt-2">
                    <input type="hidden" name="goalId" value={g.id} />
                    <Label>{a.goalText}<textarea name="text" rows={3} defaultValue={g.text} className={inputClass} /></Label>
                    <Button type="submit">{a.save}</Button>
                  </AdminForm>
                </details>
                <div className="mt-3 overflow-x-auto">
                  {g.indicators.length === 0 ? (
                    <p className="text-sm text-slate-500">{a.noIndicators}</p>
                  ) : (
                    <Table scroll={false} label={title}>
                      <thead>
                        <tr><th>{a.col.no}</th><th>{a.col.level1}</th><th>{a.col.level2}</th><th>{a.col.level3}</th><th>{a.col.target}</th><th>{a.col.offices}</th><th>{a.col.actions}</th></tr>
                      </thead>
                      <tbody>
                        {g.indicators.map((ind, n) => (
                          <tr key={ind.id} className={ind.retiredAt ? "bg-slate-50 text-slate-400" : ""}>
                            <td className="num">{n + 1}</td>
                            <td className="whitespace-nowrap">{ind.level1}</td>
                            <td className="whitespace-nowrap">{ind.level2}</td>
                            <td className="min-w-56">
                              <Link href={`/admin/tables/indicators/${ind.id}`} className={ind.retiredAt ? "line-through" : "text-brand-700 hover:underline"}>{ind.level3}</Link>
                              {ind.retiredAt && <> <Badge tone="red">⊘ {a.retired}</Badge></>}
                            </td>
                            <td className="whitespace-nowrap">
                              {ind.targetText}
                              {ind.revisedTargetText && <div className="text-xs text-amber-800">{a.indicator.revised}：{ind.revisedTargetText}</div>}
                              {ind.targetKind === "unparsed" && <> <Badge tone="red">{t.target.kind.unparsed}</Badge></>}
                            </td>
                            <td className="text-xs">
                              {ind.orgs.length === 0 ? (
                                <Badge tone="red">{a.noOffice}</Badge>
                              ) : (
                                ind.orgs.map((o) => (
                                  <div key={o.organizationId} className="whitespace-nowrap">
                                    {o.organization.shortName ?? o.organization.name}
                                    {o.role === "support" ? `（${a.indicator.support}）` : ""}
                                  </div>
                                ))
                              )}
                            </td>
                            <td className="whitespace-nowrap">
                              <div className="flex flex-wrap items-center gap-1">
                                <Link href={`/admin/tables/indicators/${ind.id}`} className="rounded border border-brand-600 px-2 py-0.5 text-xs text-brand-700 hover:bg-brand-50">✎ {a.edit}</Link>
                                <RowControls entity="indicator" id={ind.id} name={ind.level3} retired={!!ind.retiredAt} canUp={rowEnds.first !== ind.id} canDown={rowEnds.last !== ind.id} t={t} locale={locale} />
                              </div>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </Table>
                  )}
                </div>
                {!g.retiredAt && (
                  <p className="mt-3">
                    <Link href={`/admin/tables/indicators/new?goal=${g.id}`} className="text-sm font-medium text-brand-700 hover:underline">＋ {a.addIndicator}</Link>
                  </p>
                )}
              </Card>
            );
          })}

          {!view.project?.retiredAt && (
            <Card title={a.addGoal}>
              <AdminForm action={createGoalAction} label={a.addGoal} locale={locale} saved={a.saved} resetOnSuccess>
                <input type="hidden" name="year" value={year} />
                <input type="hidden" name="projectId" value={view.project?.id ?? ""} />
                <div className="grid gap-3 sm:grid-cols-4">
                  <Label>
                    {a.term}
                    <select name="term" defaultValue="annual" className={inputClass}>
                      <option value="annual">{a.annual}</option>
                      <option value="long_term">{a.longTerm}</option>
                    </select>
                  </Label>
                  <label className="block text-xs text-slate-600 sm:col-span-3">{a.goalText}<textarea name="text" rows={2} className={inputClass} /></label>
                </div>
                <Button type="submit">{a.add}</Button>
              </AdminForm>
            </Card>
          )}
        </div>
      )}
    </>
  );
}
