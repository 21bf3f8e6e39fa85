"use client";
import { useActionState, useState } from "react";
import type { Messages, Locale } from "@/lib/i18n/messages";
import { overrideTargetAction } from "@/app/indicators/[id]/actions";

export function OverrideForm({ id, expression, overridden, t, locale }: { id: number; expression: string; overridden: boolean; t: Messages; locale: Locale }) {
  const [state, action, pending] = useActionState(overrideTargetAction, null);
  const [value, setValue] = useState(expression);
  const error = state && "error" in state ? state.error : null;
  const field = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <form action={action} className="space-y-3" aria-label={t.target.override}>
      <input type="hidden" name="indicatorId" value={id} />
      <label className="block text-xs text-slate-600">
        {t.grid.value}
        <input name="expression" value={value} onChange={(e) => setValue(e.target.value)} className={field} aria-invalid={!!error?.fields?.expression} />
      </label>
      <div className="grid grid-cols-2 gap-3">
        <label className="block text-xs text-slate-600">
          {t.target.direction.higher} / {t.target.direction.lower}
          <select name="direction" defaultValue="auto" className={field}>
            <option value="auto">{t.target.auto}</option>
            {(["higher", "lower", "equal", "range"] as const).map((d) => <option key={d} value={d}>{t.target.direction[d]}</option>)}
          </select>
        </label>
        <label className="block text-xs text-slate-600">
          {t.target.accumulation.cumulative} / {t.target.accumulation.level}
          <select name="accumulation" defaultValue="auto" className={field}>
            <option value="auto">{t.target.auto}</option>
            {(["cumulative", "level"] as const).map((d) => <option key={d} value={d}>{t.target.accumulation[d]}</option>)}
          </select>
        </label>
      </div>
      {error && <p role="status" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">{error.message[locale]}</p>}
      {state && "data" in state && <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800">✓ {t.target.overridden}</p>}
      <div className="flex gap-2">
        <button type="submit" name="mode" value="set" disabled={pending} className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50">{t.target.override}</button>
        {overridden && <button type="submit" name="mode" value="clear" disabled={pending} className="rounded border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">{t.common.reset}</button>}
      </div>
    </form>
  );
}
