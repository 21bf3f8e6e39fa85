import Link from "next/link";
import { notFound } from "next/navigation";
import { getMessages, fill } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { indicatorAdminView } from "@/lib/admin";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { TargetBadge } from "@/components/catalogue/target-badge";
import { AdminForm } from "@/components/admin/admin-form";
import { IndicatorFields } from "@/components/admin/indicator-fields";
import { assignOfficeAction, officeRowAction, reviseTargetAction, rowAction, setAggregationAction, updateIndicatorAction } from "../../actions";
import { Time, timeText } from "@/components/ui/time";
import { Button, Hint, Label, Notice, Table, TextLink, inputClass } from "@/components/ui/controls";


export default async function EditIndicatorPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const user = await requirePermission("tables.edit", `/admin/tables/indicators/${id}`);
  const { t, locale } = await getMessages();
  if (!user) return <Forbidden />;
  const view = await indicatorAdminView(user, id);
  if (!view) notFound();
  const { ind, revisions, organizations } = view;
  const a = t.adminTables;
  const ai = a.indicator;
  const where = ind.goal.project ? `表${ind.tableNo} ${ind.goal.project.name}` : `表11 ${a.dept}`;
  const term = ind.term === "annual" ? t.common.annual : t.common.longTerm;
  const assigned = new Set(ind.orgs.map((o) => o.organizationId));
  const kinds = ["division", "unit", "department"] as const;
  const orgLabel = (o: { name: string; shortName: string | null }) => (o.shortName && o.shortName !== o.name ? `${o.name}（${o.shortName}）` : o.name);
  const accumulationLabel = view.autoAccumulation ? t.target.accumulation[view.autoAccumulation] : "—";

  return (
    <>
      <p className="mb-2 text-sm">
        <TextLink href={`/admin/tables?year=${ind.year}&table=${ind.tableNo}`}>← {ai.back}</TextLink>
      </p>
      <PageHeader title={ind.level3} subtitle={`${ai.title} · ${ind.year} · ${where} · ${term} · ${ind.level1} / ${ind.level2}`}>
        <div className="flex items-center gap-2 text-sm">
          {ind.retiredAt && <Badge tone="red">⊘ {fill(ai.retiredOn, { d: timeText(ind.retiredAt, "date") })}</Badge>}
          <Link href={`/indicators/${ind.id}`} className="rounded border border-slate-300 bg-white px-2 py-1 text-slate-700 hover:bg-slate-50">{ai.view}</Link>
        </div>
      </PageHeader>

      <div className="grid gap-5 lg:grid-cols-2">
        <Card title={ai.names} id="names">
          <AdminForm action={updateIndicatorAction} label={ai.title} locale={locale} saved={a.saved}>
            <input type="hidden" name="indicatorId" value={ind.id} />
            <IndicatorFields t={t} values={ind} level1={view.level1} level2={view.level2} />
            <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
              {ai.parsedAs}：<TargetBadge row={ind} t={t} />
            </div>
            {ind.targetKind === "unparsed" && (
              <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {ai.unparsed} <Link href={`/indicators/${ind.id}#override`} className="font-medium text-brand-700 underline">{ai.confirmParse}</Link>
              </p>
            )}
            <Button type="submit">{a.save}</Button>
          </AdminForm>
        </Card>

        <Card title={ai.offices} id="offices">
          <p className="mb-3 text-sm text-slate-600">{ai.officesHint}</p>
          {ind.officeText && <p className="mb-2 text-xs text-slate-500">{fill(ai.printedOffice, { text: ind.officeText })}</p>}
          {ind.orgs.length === 0 ? (
            <Notice tone="error" role="note" className="mb-3">⚠ {ai.noOffices}</Notice>
          ) : (
            <ul className="mb-3 divide-y divide-slate-100 rounded border border-slate-200">
              {ind.orgs.map((o) => (
                <li key={o.organizationId} className="px-3 py-2">
                  <AdminForm action={officeRowAction} label={o.organization.name} locale={locale} compact className="flex flex-wrap items-center gap-2">
                    <input type="hidden" name="indicatorId" value={ind.id} />
                    <input type="hidden" name="organizationId" value={o.organizationId} />
                    <span className="min-w-0 flex-1 text-sm">{orgLabel(o.organization)}</span>
                    <select name="role" defaultValue={o.role} aria-label={`${ai.role}：${o.organization.name}`} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm">
                      <option value="lead">{ai.lead}</option>
                      <option value="support">{ai.support}</option>
                    </select>
                    <Button type="submit" name="op" value="save" variant="secondary" size="xs">{a.save}</Button>
                    <Button type="submit" name="op" value="remove" variant="secondary" size="xs" className="text-red-700">{ai.remove}</Button>
                  </AdminForm>
                </li>
              ))}
            </ul>
          )}
          <AdminForm action={assignOfficeAction} label={ai.addOffice} locale={locale} saved={a.saved} resetOnSuccess>
            <input type="hidden" name="indicatorId" value={ind.id} />
            <div className="grid gap-3 sm:grid-cols-[1fr_auto]">
              <Label>
                {ai.chooseOffice}
                <select name="organizationId" defaultValue="" className={inputClass}>
                  <option value="">—</option>
                  {kinds.map((k) => (
                    <optgroup key={k} label={ai.kinds[k]}>
                      {organizations.filter((o) => o.kind === k && !assigned.has(o.id)).map((o) => (
                        <option key={o.id} value={o.id}>{orgLabel(o)}</option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </Label>
              <Label>
                {ai.role}
                <select name="role" defaultValue={ind.orgs.length ? "support" : "lead"} className={inputClass}>
                  <option value="lead">{ai.lead}</option>
                  <option value="support">{ai.support}</option>
                </select>
              </Label>
            </div>
            <Button type="submit">{ai.addOffice}</Button>
          </AdminForm>
        </Card>

        <Card title={ai.revision} id="revision">
          <p className="mb-3 text-sm text-slate-600">{ai.revisionHint}</p>
          <dl className="mb-4 grid grid-cols-2 gap-3">
            <div><dt className="text-xs text-slate-500">{ai.original}</dt><dd className="text-lg font-semibold">{ind.targetText}</dd></div>
            <div><dt className="text-xs text-slate-500">{ai.revised}</dt><dd className={`text-lg font-semibold ${ind.revisedTargetText ? "text-amber-800" : "text-slate-400"}`}>{ind.revisedTargetText ?? ai.notRevised}</dd></div>
          </dl>
          <AdminForm action={reviseTargetAction} label={ai.addRevision} locale={locale} saved={a.saved} resetOnSuccess>
            <input type="hidden" name="indicatorId" value={ind.id} />
            <div className="grid gap-3 sm:grid-cols-3">
              <Label>{ai.newTarget}<input name="targetText" className={inputClass} /></Label>
              <Label>{ai.docNo}<input name="docNo" placeholder={ai.docNoHint} className={inputClass} /></Label>
              <Label>{ai.approvedOn}<input name="approvedOn" type="date" className={inputClass} /></Label>
            </div>
            <Label>{ai.note}<input name="note" className={inputClass} /></Label>
            <Button type="submit">{ai.addRevision}</Button>
          </AdminForm>
          {revisions.length > 0 && (
            <Table label={ai.history} className="mt-4">
                <caption className="mb-1 text-left text-sm font-semibold text-slate-800">{ai.history}</caption>
                <thead><tr><th>{ai.revised}</th><th>{ai.docNo}</th><th>{ai.approvedOn}</th><th>{ai.by}</th><th>{ai.at}</th></tr></thead>
                <tbody>
                  {revisions.map((r) => (
                    <tr key={r.id}>
                      <td className="whitespace-nowrap">{r.targetText} {r.effective && <Badge tone="green">{ai.effective}</Badge>}{r.note && <Hint>{r.note}</Hint>}</td>
                      <td>{r.docNo}</td>
                      <td className="tabular-nums whitespace-nowrap">{r.approvedOn}</td>
                      <td className="whitespace-nowrap">{r.by}</td>
                      <td className="whitespace-nowrap"><Time value={r.at} /></td>
                    </tr>
                  ))}
                </tbody>
              </Table>
          )}
        </Card>

        <div className="space-y-5">
          <Card title={ai.aggregation} id="aggregation">
            <p className="mb-3 text-sm text-slate-600">{ai.aggregationHint}</p>
            <AdminForm action={setAggregationAction} label={ai.aggregation} locale={locale} saved={a.saved}>
              <input type="hidden" name="indicatorId" value={ind.id} />
              <div className="grid gap-3 sm:grid-cols-2">
                <Label>
                  {ai.accumulation}
                  <select name="accumulation" defaultValue={view.accumulationChoice} className={inputClass}>
                    <option value="auto">{fill(ai.accumulationAuto, { v: accumulationLabel })}</option>
                    <option value="cumulative">{ai.cumulative}</option>
                    <option value="level">{ai.level}</option>
                  </select>
                </Label>
                <Label>
                  {ai.combine}
                  <select name="aggregation" defaultValue={ind.aggregation} className={inputClass}>
                    <option value="auto">{ai.combineAuto}</option>
                    <option value="sum">{ai.sum}</option>
                    <option value="mean">{ai.mean}</option>
                  </select>
                </Label>
              </div>
              <Button type="submit">{a.save}</Button>
            </AdminForm>
          </Card>

          <Card title={ai.retire} id="retire">
            <p className="mb-3 text-sm text-slate-600">{ai.retireHint}</p>
            <p className="mb-3 text-sm">{fill(ai.reports, { n: ind._count.reports })}</p>
            <AdminForm action={rowAction} label={ai.retire} locale={locale} saved={a.saved}>
              <input type="hidden" name="entity" value="indicator" />
              <input type="hidden" name="id" value={ind.id} />
              {ind.retiredAt ? (
                <Button type="submit" name="op" value="restore">↺ {ai.restoreButton}</Button>
              ) : (
                <button type="submit" name="op" value="retire" className="rounded border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-50">⊘ {ai.retireButton}</button>
              )}
            </AdminForm>
          </Card>
        </div>
      </div>
    </>
  );
}
