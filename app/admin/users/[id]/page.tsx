import { notFound } from "next/navigation";
import { getMessages, fill } from "@/lib/i18n";
import { requirePermission } from "@/lib/access/require";
import { Forbidden } from "@/components/layout/forbidden";
import { getUser } from "@/lib/admin";
import { orgChoices } from "@/lib/offices";
import { DEPARTMENT_ROLES, PASSWORD_MIN } from "@/lib/validations";
import { Card, Field, PageHeader } from "@/components/ui/card";
import { ActionForm } from "@/components/admin/accounts/action-form";
import { OfficePicker } from "@/components/admin/accounts/office-picker";
import { AuditList } from "@/components/admin/accounts/audit-list";
import { RoleBadge, StatusBadge } from "@/components/admin/accounts/role-badge";
import { resetPasswordAction, revokeTokenAction, setUserStatusAction, updateUserAction } from "../actions";
import { timeText } from "@/components/ui/time";
import { Button, Label, TextLink, inputClass } from "@/components/ui/controls";

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
      <p className="mb-2 text-sm"><TextLink href="/admin/users">{a.back}</TextLink></p>
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
            <Label>
              {a.name}
              <input name="name" required maxLength={64} defaultValue={u.name} className={inputClass} />
            </Label>
            <Label>
              {a.role}
              <select name="role" defaultValue={u.role} className={inputClass}>
                {DEPARTMENT_ROLES.map((r) => <option key={r} value={r}>{a.roles[r]}</option>)}
              </select>
            </Label>
            <OfficePicker choices={choices} selected={u.orgs.map((o) => o.id)} t={t} />
          </ActionForm>
        </Card>
        <div className="space-y-5">
          <Card title={a.resetPassword}>
            <ActionForm action={resetPasswordAction} label={a.resetPassword} submit={a.reset} success={a.resetDone} oneTime={a.newOneTime} resetOnSuccess locale={locale}>
              <input type="hidden" name="userId" value={u.id} />
              <div>
                <Label>
                  {a.newPassword}
                  <input name="password" type="text" minLength={PASSWORD_MIN} maxLength={256} autoComplete="new-password" aria-describedby="reset-hint" className={`${inputClass} font-mono`} />
                </Label>
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
                  <Button type="submit" name="action" value="enable" variant="secondary">{a.enable}</Button>
                ) : (
                  <Button type="submit" name="action" value="disable" variant="danger">{a.disable}</Button>
                )}
              </ActionForm>
            )}
          </Card>
          <Card title={a.token}>
            {u.hasToken ? (
              <ActionForm action={revokeTokenAction} label={a.revoke} locale={locale}>
                <input type="hidden" name="userId" value={u.id} />
                <Button type="submit" variant="danger">{a.revoke}</Button>
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
