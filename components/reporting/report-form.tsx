"use client";
import { useActionState, useState } from "react";
import type { Locale, Messages } from "@/lib/i18n";
import { DEVIATION_CATEGORIES, LIKELIHOODS } from "@/lib/validations";
import { TIER_LABELS } from "@/lib/targets";
import { saveReportAction } from "@/app/report/[indicatorId]/actions";
import { Button, FieldError, Notice } from "@/components/ui/controls";

type Initial = {
  valueText: string; note: string; deviationCategories: string[]; deviationReason: string; correctiveMeasure: string; forecastText: string; likelihood: string;
};

export function ReportForm({ t, locale, fixed, accumulation, initial, version, locked }: {
  t: Messages; locale: Locale; fixed: { indicatorId: number; organizationId: number; year: number; month: number };
  accumulation: string; initial: Initial | null; version: number; locked: boolean;
}) {
  const [state, action, pending] = useActionState(saveReportAction, null);
  // Controlled fields: a refused save keeps everything the reporter typed.
  const [f, setF] = useState<Initial>(initial ?? { valueText: "", note: "", deviationCategories: [], deviationReason: "", correctiveMeasure: "", forecastText: "", likelihood: "" });
  const set = (k: keyof Initial) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const errors = state && "error" in state ? state.error.fields ?? {} : {};
  const err = (k: string) => errors[k]?.[0];
  const currentVersion = state && "data" in state ? state.data.version : version;
  const hint = t.report.valueHint[accumulation as keyof Messages["report"]["valueHint"]] ?? t.report.valueHint.level;
  const field = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500";
  const label = "block text-sm font-medium text-slate-700";

  if (locked) return <p className="text-sm text-slate-600">{t.report.submittedOk}：{f.valueText}</p>;
  return (
    <form action={action} className="space-y-4" aria-label={t.report.value}>
      {Object.entries(fixed).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <input type="hidden" name="expectedVersion" value={currentVersion} />
      <label className={label}>
        {t.report.value} <span className="font-normal text-slate-500">（{hint}）</span>
        {accumulation === "qualitative" ? (
          <select name="valueText" value={f.valueText} onChange={set("valueText")} className={field} aria-invalid={!!err("valueText")}>
            <option value="">—</option>
            {Object.values(TIER_LABELS).map((l) => <option key={l.zh} value={l.zh}>{l[locale]}</option>)}
          </select>
        ) : (
          <input name="valueText" value={f.valueText} onChange={set("valueText")} className={field} aria-invalid={!!err("valueText")} autoComplete="off" />
        )}
        {err("valueText") && <FieldError>{err("valueText")}</FieldError>}
      </label>
      <label className={label}>{t.report.note}
        <textarea name="note" rows={2} value={f.note} onChange={set("note")} className={field} />
      </label>
      <fieldset className="rounded border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold text-slate-800">{t.report.deviation}</legend>
        <div className="flex flex-wrap gap-3 text-sm" role="group" aria-label={t.report.deviationCategories}>
          {DEVIATION_CATEGORIES.map((c) => (
            <label key={c} className="flex items-center gap-1">
              <input type="checkbox" name="deviationCategories" value={c} checked={f.deviationCategories.includes(c)}
                onChange={(e) => setF({ ...f, deviationCategories: e.target.checked ? [...f.deviationCategories, c] : f.deviationCategories.filter((x) => x !== c) })} />
              {c}
            </label>
          ))}
        </div>
        {err("deviationCategories") && <FieldError>{err("deviationCategories")}</FieldError>}
        <label className={`${label} mt-3`}>{t.report.deviationReason}
          <textarea name="deviationReason" rows={2} value={f.deviationReason} onChange={set("deviationReason")} className={field} aria-invalid={!!err("deviationReason")} />
          {err("deviationReason") && <FieldError>{err("deviationReason")}</FieldError>}
        </label>
        <label className={`${label} mt-3`}>{t.report.corrective}
          <textarea name="correctiveMeasure" rows={2} value={f.correctiveMeasure} onChange={set("correctiveMeasure")} className={field} aria-invalid={!!err("correctiveMeasure")} />
          {err("correctiveMeasure") && <FieldError>{err("correctiveMeasure")}</FieldError>}
        </label>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className={label}>{t.report.forecast}
          <input name="forecastText" value={f.forecastText} onChange={set("forecastText")} className={field} />
        </label>
        <label className={label}>{t.report.likelihood}
          <select name="likelihood" value={f.likelihood} onChange={set("likelihood")} className={field}>
            <option value="">—</option>
            {LIKELIHOODS.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </label>
      </div>
      <label className={label}>{t.report.evidence} <span className="font-normal text-slate-500">（PDF / JPG / PNG / XLSX / DOCX，≤10MB）</span>
        <input type="file" name="evidence" multiple accept=".pdf,.jpg,.jpeg,.png,.xlsx,.docx" className="mt-1 block text-sm" />
        {err("evidence") && <FieldError>{err("evidence")}</FieldError>}
      </label>
      {state && "error" in state && <Notice tone="error" role="status">{state.error.message[locale]}</Notice>}
      {state && "data" in state && (
        <Notice tone="ok" role="status">
          ✓ {state.data.status === "submitted" ? t.report.submittedOk : t.report.saved} · {state.data.explanation[locale]}
        </Notice>
      )}
      <div className="flex gap-2">
        <Button type="submit" name="intent" value="save" disabled={pending} variant="secondary">{t.report.save}</Button>
        <Button type="submit" name="intent" value="submit" disabled={pending}>{t.report.submit}</Button>
      </div>
    </form>
  );
}
