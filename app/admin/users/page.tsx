import Link from "next/link";
import { getMessages } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { listUsers } from "@/lib/admin";
import { orgChoices } from "@/lib/offices";
import { DEPARTMENT_ROLES, PASSWORD_MIN } from "@/lib/validations";
import { Card, PageHeader } from "@/components/ui/card";
import { ActionForm } from "@/components/admin/accounts/action-form";
import { OfficePicker } from "@/components/admin/accounts/office-picker";
import { RoleBadge, StatusBadge } from "@/components/admin/accounts/role-badge";
import { createUserAction } from "./actions";
import { timeText } from "@/components/ui/time";
import { Label, Table, inputClass } from "@/components/ui/controls";

export default async function UsersPage() {
  const user = await requirePermission("accounts.manage", "/admin/users");
  const { t, locale } = await getMessages();
  if (!user) return <Forbidden />;
  const a = t.accounts;
  const [users, choices] = await Promise.all([listUsers(user), orgChoices(user)]);
  return (
    <>
      <PageHeader title={a.usersTitle} subtitle={a.usersIntro}>
        <Link href="/admin/orgs" className="text-sm text-brand-700 hover:underline">{a.orgsTitle} →</Link>
      </PageHeader>
      <div className="grid grid-cols-1 items-start gap-5 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Card title={`${a.allUsers} · ${users.length}`}>
          <Table label={a.usersTitle}>
              <thead>
                <tr>
                  <th>{a.username}</th><th>{a.name}</th><th>{a.role}</th><th>{a.offices}</th><th>{a.status}</th><th>{a.token}</th><th>{a.lastSignIn}</th><th></th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr key={u.id} className={u.disabled ? "bg-slate-50 text-slate-500" : undefined}>
                    <td className="whitespace-nowrap font-mono text-xs">{u.username}{u.id === user.id && <span className="ml-1 font-sans text-slate-500">{a.you}</span>}</td>
                    <td className="whitespace-nowrap">{u.name}</td>
                    <td><RoleBadge role={u.role} t={t} /></td>
                    <td className="text-xs">{u.orgs.length ? u.orgs.map((o) => o.label).join("、") : "—"}</td>
                    <td><StatusBadge disabled={u.disabled} t={t} /></td>
                    <td className="text-xs">{u.hasToken ? `🔑 ${a.hasToken}` : a.noToken}</td>
                    <td className="whitespace-nowrap text-xs tabular-nums">{u.lastSignIn ? timeText(u.lastSignIn) : a.never}</td>
                    <td><Link href={`/admin/users/${u.id}`} className="whitespace-nowrap text-brand-700 hover:underline" aria-label={`${a.manage} ${u.username}`}>{a.manage}</Link></td>
                  </tr>
                ))}
              </tbody>
            </Table>
        </Card>
        <Card title={a.newUser}>
          <ActionForm action={createUserAction} label={a.newUser} submit={a.create} success={a.created} oneTime={a.oneTime} openLabel={a.open} openHref="/admin/users/{id}" resetOnSuccess locale={locale}>
            <Label>
              {a.username}
              <input name="username" required minLength={2} maxLength={64} autoComplete="off" className={`${inputClass} font-mono`} />
            </Label>
            <Label>
              {a.name}
              <input name="name" required maxLength={64} autoComplete="off" className={inputClass} />
            </Label>
            <Label>
              {a.role}
              <select name="role" defaultValue="reporter" className={inputClass}>
                {DEPARTMENT_ROLES.map((r) => <option key={r} value={r}>{a.roles[r]}</option>)}
              </select>
            </Label>
            <OfficePicker choices={choices} t={t} />
            <div>
              <Label>
                {a.password}
                <input name="password" type="text" minLength={PASSWORD_MIN} maxLength={256} autoComplete="new-password" aria-describedby="new-user-password-hint" className={`${inputClass} font-mono`} />
              </Label>
              <p id="new-user-password-hint" className="mt-1 text-xs text-slate-500">{a.passwordHint}</p>
            </div>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
