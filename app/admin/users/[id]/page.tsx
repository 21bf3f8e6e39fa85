import Link from "next/link";
import { notFound } from "next/navigation";
import { getMessages } from "@/lib/i18n/server";
import { fill } from "@/lib/i18n/messages";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { getUser } from "@/lib/admin/accounts";
import { orgChoices } from "@/lib/admin/orgs";
import { DEPARTMENT_ROLES, PASSWORD_MIN } from "@/lib/validations/accounts";
import { Card, Field, PageHeader } from "@/components/ui/card";
import { ActionForm } from "@/components/admin/accounts/action-form";
import { OfficePicker } from "@/components/admin/accounts/office-picker";
import { AuditList } from "@/components/admin/accounts/audit-list";
import { RoleBadge, StatusBadge } from "@/components/admin/accounts/role-badge";
import { danger, field, labelCls, secondary } from "@/components/admin/accounts/styles";
import { resetPasswordAction, revokeTokenAction, setUserStatusAction, updateUserAction } from "../actions";
import { timeText } from "@/components/ui/time";

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const user = await requirePermission("accounts.manage", `/admin/users/${raw}`);
  const { t, locale } = await getMessages();
  if (!user) return <Forbidden />;
  const id = Number(raw);
  const u = Number.isInteger(id) && id > 0 ? await getUser(user, id) : null;
  if (!u) notFound();
  const choices = await orgChoices(user);
  const a = t.accounts;
  const self = u.id === user.id;
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/admin/users" className="text-brand-700 hover:underline">{a.back}</Link></p>
      <PageHeader title={`${u.name}`} subtitle={`${a.username} ${u.username}${self ? ` ${a.you}` : ""}`}>
        <div className="flex gap-2"><RoleBadge role={u.role} t={t} /><StatusBadge disabled={u.disabled} t={t} /></div>
      </PageHeader>
      <dl className="mb-5 grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-4">
        <Field label={a.offices}>{u.orgs.length ? u.orgs.map((o) => o.label).join("、") : "—"}</Field>
        <Field label={a.lastSignIn}>{u.lastSignIn ? timeText(u.lastSignIn) : a.never}</Field>
        <Field label={a.token}>{u.hasToken ? `🔑 ${a.hasToken}` : a.noToken}</Field>
        <Field label={a.createdAt}>{timeText(u.createdAt)}</Field>
      </dl>
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
        <Card title={a.roleAndOffices}>
          <ActionForm action={updateUserAction} label={a.roleAndOffices} submit={t.common.save} success={a.saved} locale={locale}>
            <input type="hidden" name="userId" value={u.id} />
            <label className={labelCls}>
              {a.name}
              <input name="name" required maxLength={64} defaultValue={u.name} className={field} />
            </label>
            <label className={labelCls}>
              {a.role}
              <select name="role" defaultValue={u.role} className={field}>
                {DEPARTMENT_ROLES.map((r) => <option key={r} value={r}>{a.roles[r]}</option>)}
              </select>
            </label>
            <OfficePicker choices={choices} selected={u.orgs.map((o) => o.id)} t={t} />
          </ActionForm>
        </Card>
        <div className="space-y-5">
          <Card title={a.resetPassword}>
            <ActionForm action={resetPasswordAction} label={a.resetPassword} submit={a.reset} success={a.resetDone} oneTime={a.newOneTime} resetOnSuccess locale={locale}>
              <input type="hidden" name="userId" value={u.id} />
              <div>
                <label className={labelCls}>
                  {a.newPassword}
                  <input name="password" type="text" minLength={PASSWORD_MIN} maxLength={256} autoComplete="new-password" aria-describedby="reset-hint" className={`${field} font-mono`} />
                </label>
                <p id="reset-hint" className="mt-1 text-xs text-slate-500">{a.resetHint}</p>
              </div>
            </ActionForm>
          </Card>
          <Card title={a.access}>
            <p className="mb-3 text-sm text-slate-600">{a.disableHint}</p>
            {self ? (
              <p className="text-sm text-slate-500">{a.selfHint}</p>
            ) : (
              <ActionForm action={setUserStatusAction} label={a.access} locale={locale}>
                <input type="hidden" name="userId" value={u.id} />
                {u.disabled ? (
                  <button type="submit" name="action" value="enable" className={secondary}>{a.enable}</button>
                ) : (
                  <button type="submit" name="action" value="disable" className={danger}>{a.disable}</button>
                )}
              </ActionForm>
            )}
          </Card>
          <Card title={a.token}>
            {u.hasToken ? (
              <ActionForm action={revokeTokenAction} label={a.revoke} locale={locale}>
                <input type="hidden" name="userId" value={u.id} />
                <button type="submit" className={danger}>{a.revoke}</button>
              </ActionForm>
            ) : (
              <p className="text-sm text-slate-600">{a.tokenNone}</p>
            )}
            <p className="mt-3 text-xs text-slate-500">{fill(a.tokenHint, { u: u.username })}</p>
          </Card>
        </div>
      </div>
      <div className="mt-5">
        <Card title={a.audit}>
          <AuditList rows={u.audit} t={t} />
        </Card>
      </div>
    </>
  );
}
