"use client";
import { useActionState } from "react";
import type { Locale, Messages } from "@/lib/i18n";
import { reviewReportAction } from "@/app/review/actions";
import { Label } from "@/components/ui/controls";

export function ReviewForm({ t, locale, reportId, version, label }: { t: Messages; locale: Locale; reportId: number; version: number; label: string }) {
  const [state, action, pending] = useActionState(reviewReportAction, null);
  if (state && "data" in state) return <p role="status" className="text-sm text-emerald-800">✓ {t.report.status[state.data.status as keyof typeof t.report.status]}</p>;
  return (
    <form action={action} className="flex flex-col gap-2" aria-label={label}>
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Label inline>{t.report.comment}
        <textarea name="comment" rows={2} className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm" />
      </Label>
      {state && "error" in state && <p role="status" className="text-sm text-red-700">{state.error.message[locale]}</p>}
      <div className="flex gap-2">
        <button type="submit" name="decision" value="approve" disabled={pending} className="rounded bg-emerald-700 px-3 py-1 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-50">{t.report.approve}</button>
        <button type="submit" name="decision" value="return" disabled={pending} className="rounded border border-red-300 bg-white px-3 py-1 text-sm text-red-800 hover:bg-red-50 disabled:opacity-50">{t.report.return}</button>
      </div>
    </form>
  );
}
