import Link from "next/link";
import { getMessages, fill } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { listOrgs } from "@/lib/offices";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ActionForm } from "@/components/admin/accounts/action-form";
import { createOrgAction } from "./actions";
import { Hint, Label, Table, TextLink, inputClass } from "@/components/ui/controls";

export default async function OrgsPage() {
  const user = await requirePermission("accounts.manage", "/admin/orgs");
  const { t, locale } = await getMessages();
  if (!user) return <Forbidden />;
  const a = t.accounts;
  const orgs = await listOrgs(user);
  const parents = orgs.filter((o) => o.kind !== "division");
  const bureau = orgs.find((o) => o.code === "503002");
  return (
    <>
      <PageHeader title={a.orgsTitle} subtitle={a.orgsIntro}>
        <Link href="/admin/users" className="text-sm text-brand-700 hover:underline">{a.usersTitle} →</Link>
      </PageHeader>
      <div className="grid grid-cols-1 items-start gap-5 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <Card title={`${a.allOrgs} · ${orgs.length}`}>
          <Table label={a.orgsTitle}>
              <thead>
                <tr><th>{a.orgName}</th><th>{a.kind}</th><th>{a.code}</th><th>{a.aliases}</th><th className="text-right">{a.indicators}</th><th className="text-right">{a.users}</th></tr>
              </thead>
              <tbody>
                {orgs.map((o) => {
                  const extra = o.aliases.filter((x) => !x.own);
                  return (
                    <tr key={o.id}>
                      <td style={{ paddingLeft: `${o.depth * 1.25 + 0.5}rem` }}>
                        <Link href={`/admin/orgs/${o.id}`} className="font-medium text-brand-700 hover:underline">{o.shortName ?? o.name}</Link>
                        {o.shortName && <Hint>{o.name}</Hint>}
                      </td>
                      <td><Badge tone={o.kind === "division" ? "slate" : "blue"}>{a.kinds[o.kind as keyof typeof a.kinds] ?? o.kind}</Badge></td>
                      <td className="font-mono text-xs">{o.code ?? "—"}</td>
                      <td className="text-xs">
                        <span className="flex flex-wrap gap-1">
                          {extra.map((x) => (
                            <span key={x.id} className="rounded bg-slate-100 px-1.5 py-0.5" title={x.sharedWith.length ? fill(a.sharedWith, { list: x.sharedWith.join("、") }) : undefined}>
                              {x.alias}{x.sharedWith.length > 0 && <span className="text-slate-500"> ⇄{x.sharedWith.length}</span>}
                            </span>
                          ))}
                          {extra.length === 0 && <span className="text-slate-400">—</span>}
                        </span>
                      </td>
                      <td className="num">{o.indicators ? <TextLink href={`/catalogue?org=${o.id}`}>{o.indicators}</TextLink> : 0}</td>
                      <td className="num">{o.users}</td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
        </Card>
        <Card title={a.newOrg}>
          <ActionForm action={createOrgAction} label={a.newOrg} submit={a.createOrg} success={a.saved} openLabel={a.manage} openHref="/admin/orgs/{id}" resetOnSuccess locale={locale}>
            <Label>
              {a.orgName}
              <input name="name" required minLength={2} maxLength={100} className={inputClass} />
            </Label>
            <Label>
              {a.shortName}
              <input name="shortName" maxLength={40} className={inputClass} />
            </Label>
            <Label>
              {a.kind}
              <select name="kind" defaultValue="division" className={inputClass}>
                <option value="division">{a.kinds.division}</option>
                <option value="unit">{a.kinds.unit}</option>
              </select>
            </Label>
            <Label>
              {a.parent}
              <select name="parentId" defaultValue={bureau?.id ?? ""} className={inputClass}>
                {parents.map((p) => <option key={p.id} value={p.id}>{"　".repeat(p.depth)}{p.shortName ?? p.name}</option>)}
              </select>
            </Label>
            <Label>
              {a.code}
              <input name="code" maxLength={32} className={`${inputClass} font-mono`} placeholder="503035" />
            </Label>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
