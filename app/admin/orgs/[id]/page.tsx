import { notFound } from "next/navigation";
import { getMessages, fill } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { getOrg } from "@/lib/offices";
import { Badge, Card, Field, PageHeader } from "@/components/ui/card";
import { ActionForm } from "@/components/admin/accounts/action-form";
import { AuditList } from "@/components/admin/accounts/audit-list";
import { RoleBadge, StatusBadge } from "@/components/admin/accounts/role-badge";
import { addAliasAction, removeAliasAction, renameOrgAction } from "../actions";
import { Button, Hint, Label, TextLink, inputClass } from "@/components/ui/controls";

export default async function OrgPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const user = await requirePermission("accounts.manage", `/admin/orgs/${raw}`);
  const { t, locale } = await getMessages();
  if (!user) return <Forbidden />;
  const id = Number(raw);
  const found = Number.isInteger(id) && id > 0 ? await getOrg(user, id) : null;
  if (!found) notFound();
  const { org, row, users, audit } = found;
  const a = t.accounts;
  return (
    <>
      <p className="mb-2 text-sm"><TextLink href="/admin/orgs">{a.backOrgs}</TextLink></p>
      <PageHeader title={org.shortName ?? org.name} subtitle={org.shortName ? org.name : undefined}>
        <Badge tone={org.kind === "division" ? "slate" : "blue"}>{a.kinds[org.kind as keyof typeof a.kinds] ?? org.kind}</Badge>
      </PageHeader>
      <dl className="mb-5 grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-4">
        <Field label={a.code}>{org.code ?? "—"}</Field>
        <Field label={a.parent}>{org.parent ? <TextLink href={`/admin/orgs/${org.parent.id}`}>{org.parent.shortName ?? org.parent.name}</TextLink> : "—"}</Field>
        <Field label={a.indicators}>{row?.indicators ? <TextLink href={`/catalogue?org=${org.id}`}>{row.indicators} · {a.viewIndicators} →</TextLink> : 0}</Field>
        <Field label={a.users}>{users.length}</Field>
      </dl>
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
        <Card title={a.rename}>
          <ActionForm action={renameOrgAction} label={a.rename} submit={t.common.save} success={a.saved} locale={locale}>
            <input type="hidden" name="orgId" value={org.id} />
            <Label>
              {a.orgName}
              <input name="name" required minLength={2} maxLength={100} defaultValue={org.name} className={inputClass} />
            </Label>
            <Label>
              {a.shortName}
              <input name="shortName" maxLength={40} defaultValue={org.shortName ?? ""} className={inputClass} />
            </Label>
            <Hint as="p">{a.renameHint}</Hint>
          </ActionForm>
        </Card>
        <Card title={a.aliases}>
          <ul className="mb-4 divide-y divide-slate-100" aria-label={a.aliases}>
            {(row?.aliases ?? []).map((x) => (
              <li key={x.id} className="flex items-start gap-3 py-1.5 text-sm">
                <div className="min-w-0 flex-1">
                  <span className="font-medium">{x.alias}</span>
                  {x.own && <span className="ml-2 text-xs text-slate-500">{a.ownAlias}</span>}
                  {x.sharedWith.length > 0 && <p className="mt-0.5 text-xs text-amber-800">⇄ {fill(a.sharedWith, { list: x.sharedWith.join("、") })}</p>}
                </div>
                {!x.own && (
                  <ActionForm action={removeAliasAction} label={`${a.remove} ${x.alias}`} locale={locale} className="shrink-0">
                    <input type="hidden" name="aliasId" value={x.id} />
                    <Button type="submit" variant="secondary" size="sm">{a.remove}</Button>
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
          <ActionForm action={addAliasAction} label={a.addAlias} submit={a.add} success={a.aliasAdded} confirmLabel={a.addAnyway} resetOnSuccess locale={locale}>
            <input type="hidden" name="orgId" value={org.id} />
            <Label>
              {a.addAlias}
              <input name="alias" required minLength={2} maxLength={100} className={inputClass} />
            </Label>
          </ActionForm>
        </Card>
        <Card title={a.orgUsers}>
          {users.length === 0 ? <p className="text-sm text-slate-500">—</p> : (
            <ul className="space-y-1.5 text-sm">
              {users.map((u) => (
                <li key={u.id} className="flex flex-wrap items-center gap-2">
                  <TextLink href={`/admin/users/${u.id}`}>{u.name}</TextLink>
                  <span className="font-mono text-xs text-slate-500">{u.username}</span>
                  <RoleBadge role={u.role} t={t} />
                  {u.disabled && <StatusBadge disabled t={t} />}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={a.audit}>
          <AuditList rows={audit} t={t} />
        </Card>
      </div>
    </>
  );
}
