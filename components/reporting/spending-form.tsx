"use client";
import { useActionState, useState } from "react";
import type { Locale, Messages } from "@/lib/i18n";
import { fill } from "@/lib/i18n/client";
import { recordSpendingAction } from "@/app/projects/[code]/actions";
import { Button, Label } from "@/components/ui/controls";

type Sub = { id: number; name: string; versions: Record<number, number> };

export function SpendingForm({ t, locale, year, subs }: { t: Messages; locale: Locale; year: number; subs: Sub[] }) {
  const [state, action, pending] = useActionState(recordSpendingAction, null);
  const [sub, setSub] = useState(subs[0]?.id ?? 0);
  const [month, setMonth] = useState(6);
  const [amount, setAmount] = useState("");
  const version = subs.find((s) => s.id === sub)?.versions[month] ?? 0;
  const field = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-4" aria-label={t.budget.record}>
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="expectedVersion" value={version} />
      <label className="text-xs text-slate-600 sm:col-span-2">{t.budget.subProject}
        <select name="subProjectId" value={sub} onChange={(e) => setSub(Number(e.target.value))} className={field}>
          {subs.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <Label inline>{t.report.reportFor}
        <select name="month" value={month} onChange={(e) => setMonth(Number(e.target.value))} className={field}>
          {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => <option key={m} value={m}>{fill(t.report.month, { m })}</option>)}
        </select>
      </Label>
      <Label inline>{t.budget.spentToDate}
        <input name="spentWan" value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" className={field} />
      </Label>
      <div className="flex items-center gap-3 sm:col-span-4">
        <Button type="submit" disabled={pending}>{t.budget.record}</Button>
        {state && "error" in state && <p role="status" className="text-sm text-red-700">{state.error.message[locale]}</p>}
        {state && "data" in state && <p role="status" className="text-sm text-emerald-800">✓ {t.report.saved}</p>}
      </div>
    </form>
  );
}
