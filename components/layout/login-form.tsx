"use client";
import { useActionState, useState } from "react";
import type { Messages } from "@/lib/i18n";
import { loginAction } from "@/app/login/actions";
import { Notice } from "@/components/ui/controls";

export function LoginForm({ t, next }: { t: Messages; next: string }) {
  const [state, action, pending] = useActionState(loginAction, null);
  // Controlled, so a failed attempt keeps the username (React resets uncontrolled forms).
  const [username, setUsername] = useState("");
  const field = "mt-1 w-full rounded border border-slate-300 px-3 py-2";
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="next" value={next} />
      <label className="block text-sm text-slate-700">{t.login.username}
        <input name="username" autoComplete="username" required className={field} value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label className="block text-sm text-slate-700">{t.login.password}
        <input name="password" type="password" autoComplete="current-password" required className={field} />
      </label>
      {state?.failed && <Notice tone="error" role="status">{state.limited ? t.login.limited : t.login.failed}</Notice>}
      <button type="submit" disabled={pending} className="w-full rounded bg-brand-600 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-50">{t.login.submit}</button>
    </form>
  );
}
