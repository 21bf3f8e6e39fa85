"use client";
import { useActionState } from "react";
import type { Locale, Messages } from "@/lib/i18n/messages";
import { fill } from "@/lib/i18n/messages";
import { finaliseAction } from "@/app/evaluation/[code]/actions";

/** Freeze the form as it is now into a new numbered version. */
export function FinaliseForm({ scope, year, t, locale }: { scope: string; year: number; t: Messages; locale: Locale }) {
  const [state, action, pending] = useActionState(finaliseAction, null);
  const e = t.evaluation;
  return (
    <form action={action} className="space-y-2" aria-label={e.finalise}>
      <input type="hidden" name="scope" value={scope} />
      <input type="hidden" name="year" value={year} />
      <p className="text-xs text-slate-600">{e.finaliseHint}</p>
      <label className="block text-xs text-slate-600">
        {e.finaliseNote}
        <input name="note" maxLength={500} className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm" />
      </label>
      {state && "error" in state && <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">{state.error.message[locale]}</p>}
      {state && "data" in state && <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800">✓ {fill(e.finalised, { n: state.data.number })}</p>}
      <button type="submit" disabled={pending} className="rounded bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-900 disabled:opacity-50">{e.finalise}</button>
    </form>
  );
}
