"use client";
import { useActionState } from "react";
import type { Locale, Messages } from "@/lib/i18n";
import { fill } from "@/lib/i18n/client";
import { finaliseAction } from "@/app/evaluation/[code]/actions";
import { Label, Notice } from "@/components/ui/controls";

/** Freeze the form as it is now into a new numbered version. */
export function FinaliseForm({ scope, year, t, locale }: { scope: string; year: number; t: Messages; locale: Locale }) {
  const [state, action, pending] = useActionState(finaliseAction, null);
  const e = t.evaluation;
  return (
    <form action={action} className="space-y-2" aria-label={e.finalise}>
      <input type="hidden" name="scope" value={scope} />
      <input type="hidden" name="year" value={year} />
      <p className="text-xs text-slate-600">{e.finaliseHint}</p>
      <Label>
        {e.finaliseNote}
        <input name="note" maxLength={500} className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm" />
      </Label>
      {state && "error" in state && <Notice tone="error" role="alert">{state.error.message[locale]}</Notice>}
      {state && "data" in state && <Notice tone="ok" role="status">✓ {fill(e.finalised, { n: state.data.number })}</Notice>}
      <button type="submit" disabled={pending} className="rounded bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-900 disabled:opacity-50">{e.finalise}</button>
    </form>
  );
}
