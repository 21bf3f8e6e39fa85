"use client";
import { useActionState, useState } from "react";
import type { Locale, Messages } from "@/lib/i18n";
import type { EvaluationSettings, RowSettings } from "@/lib/validations";
import type { SelfEvalRow } from "@/lib/reports";
import { TIER_LABELS } from "@/lib/targets";
import { saveEvaluationAction } from "@/app/evaluation/[code]/actions";
import { spans } from "@/components/catalogue/indicator-grid";
import { Button, Notice } from "@/components/ui/controls";

type Props = {
  scope: string;
  year: number;
  version: number;
  settings: EvaluationSettings;
  rows: SelfEvalRow[];
  /** Department form: the funds lines whose spending the evaluator types. */
  funds: { field: string; label: string; spent: number | null }[];
  weights: Record<"budget" | "output" | "outcome" | "satisfaction", number>;
  /** The form's title, its total and grade (the grid's last row, as printed). */
  title: string;
  total: number;
  grade: string;
  canEdit: boolean;
  t: Messages;
  locale: Locale;
};

const n2 = (v: number) => (Math.round(v * 100) / 100).toFixed(2);
const num = (s: string) => (s.trim() === "" ? undefined : Number(s));
const input = "w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-sm disabled:bg-slate-50 disabled:text-slate-500";

/** The scored grid; evaluators change weights, tiers, adjustments and rows not applicable, then save. */
export function EvaluationEditor({ scope, year, version, settings: initial, rows, funds, weights, title, total, grade, canEdit, t, locale }: Props) {
  const [state, action, pending] = useActionState(saveEvaluationAction, null);
  const [s, setS] = useState<EvaluationSettings>(initial);
  const row = (id: number): RowSettings => s.rows?.[String(id)] ?? {};
  const setRow = (id: number, patch: Partial<RowSettings>) =>
    setS((prev) => {
      const next: RowSettings = { ...(prev.rows?.[String(id)] ?? {}), ...patch };
      for (const k of Object.keys(next) as (keyof RowSettings)[]) if (next[k] === undefined) delete next[k];
      return { ...prev, rows: { ...prev.rows, [String(id)]: next } };
    });
  const error = state && "error" in state ? state.error : null;
  const l1 = spans(rows, (r) => r.level1);
  const l2 = spans(rows, (r) => `${r.level1}/${r.level2}`);
  const e = t.evaluation;
  return (
    <form action={action} className="space-y-4" aria-label={e.settings}>
      <input type="hidden" name="scope" value={scope} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="settings" value={JSON.stringify(s)} />

      <fieldset className="rounded border border-slate-200 p-3" disabled={!canEdit}>
        <legend className="px-1 text-sm font-semibold text-slate-800">{e.weights}</legend>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {(["budget", "output", "outcome", "satisfaction"] as const).map((k) => (
            <label key={k} className="block text-xs text-slate-600">
              {e[k]}
              <input type="number" step="any" min={0} max={100} className={input} placeholder={String(weights[k])} value={s.weights?.[k] ?? ""}
                onChange={(ev) => setS({ ...s, weights: { ...s.weights, [k]: num(ev.target.value) } })} />
            </label>
          ))}
        </div>
        <p className="mt-2 text-xs text-slate-500">{e.weightsHint}</p>
      </fieldset>

      {funds.length > 0 && (
        <fieldset className="rounded border border-slate-200 p-3" disabled={!canEdit}>
          <legend className="px-1 text-sm font-semibold text-slate-800">{e.spent}</legend>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {funds.map((f) => (
              <label key={f.field} className="block text-xs text-slate-600">
                {f.label.trim()}
                <input type="number" step="any" min={0} className={input} placeholder={f.spent == null ? "" : String(f.spent)} value={s.spent?.[f.field] ?? ""}
                  onChange={(ev) => {
                    const v = num(ev.target.value);
                    const spent = { ...s.spent };
                    if (v === undefined) delete spent[f.field];
                    else spent[f.field] = v;
                    setS({ ...s, spent });
                  }} />
              </label>
            ))}
          </div>
          <p className="mt-2 text-xs text-slate-500">{e.spentHint}</p>
        </fieldset>
      )}

      <label className="block text-sm font-semibold text-slate-800">
        {e.goalActual}
        <textarea rows={3} disabled={!canEdit} className={`${input} mt-1 font-normal`} value={s.goalActual ?? ""} onChange={(ev) => setS({ ...s, goalActual: ev.target.value })} />
      </label>

      <div className="overflow-x-auto">
        <table className="grid-table text-sm" aria-label={title}>
          <thead>
            <tr>
              <th>{t.grid.level1}</th><th>{t.grid.level2}</th><th className="min-w-44">{t.grid.level3}</th><th>年度指标值</th><th>实际完成值</th>
              <th>{e.applicable}</th><th>{e.weight}</th><th>{e.computed}</th><th>{e.tier}</th><th>{e.adjust}</th><th>{e.score}</th><th>偏差原因分析及改进措施</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const rs = row(r.id);
              const qualitative = r.kind === "qualitative";
              return (
                <tr key={r.id} className={r.applicable ? "" : "bg-slate-50 text-slate-500"}>
                  {l1[i] > 0 && <td rowSpan={l1[i]} className="merged">{r.level1}</td>}
                  {l2[i] > 0 && <td rowSpan={l2[i]} className="merged">{r.level2}</td>}
                  <td>
                    {r.level3}
                    {r.flags.includes("over_achievement") && <div className="mt-0.5 text-xs text-blue-800">⚑ {e.over}</div>}
                  </td>
                  <td className="num">{r.target}{r.target !== r.originalTarget && <div className="text-xs text-slate-500 line-through">{r.originalTarget}</div>}</td>
                  <td className="num">{r.actual || "—"}</td>
                  <td className="text-center">
                    <input type="checkbox" aria-label={`${e.applicable}：${r.level3}`} disabled={!canEdit} checked={rs.applicable !== false} onChange={(ev) => setRow(r.id, { applicable: ev.target.checked ? undefined : false })} />
                  </td>
                  <td className="w-20">
                    <input type="number" step="any" min={0} aria-label={`${e.weight}：${r.level3}`} disabled={!canEdit} className={input} placeholder={n2(r.weight)} value={rs.weight ?? ""} onChange={(ev) => setRow(r.id, { weight: num(ev.target.value) })} />
                  </td>
                  <td className="num" title={r.how}>{r.applicable ? n2(r.computed) : e.notApplicable}</td>
                  <td className="w-44">
                    {qualitative ? (
                      <div className="space-y-1">
                        <select aria-label={`${e.tier}：${r.level3}`} disabled={!canEdit} className={input} value={rs.tier ?? ""} onChange={(ev) => setRow(r.id, { tier: (ev.target.value || undefined) as RowSettings["tier"] })}>
                          <option value="">{r.tier ? `${TIER_LABELS[r.tier][locale]}（${e.auto}）` : "—"}</option>
                          {(["met", "partial", "failed"] as const).map((k) => <option key={k} value={k}>{TIER_LABELS[k][locale]}</option>)}
                        </select>
                        <input type="number" step="any" min={0} max={100} aria-label={`${e.tierScore}：${r.level3}`} disabled={!canEdit} className={input} placeholder={e.tierScore}
                          value={rs.tierScore == null ? "" : Math.round(rs.tierScore * 10000) / 100} onChange={(ev) => { const v = num(ev.target.value); setRow(r.id, { tierScore: v === undefined ? undefined : v / 100 }); }} />
                      </div>
                    ) : <span className="text-xs text-slate-400">—</span>}
                  </td>
                  <td className="w-36">
                    <div className="space-y-1">
                      <input type="number" step="any" min={0} aria-label={`${e.adjust}：${r.level3}`} disabled={!canEdit} className={input} placeholder={e.adjust} value={rs.adjustment?.score ?? ""}
                        onChange={(ev) => { const v = num(ev.target.value); setRow(r.id, { adjustment: v === undefined ? undefined : { score: v, reason: rs.adjustment?.reason ?? "" } }); }} />
                      {rs.adjustment && (
                        <input aria-label={`${e.adjustReason}：${r.level3}`} disabled={!canEdit} className={input} placeholder={e.adjustReason} value={rs.adjustment.reason}
                          onChange={(ev) => setRow(r.id, { adjustment: { score: rs.adjustment?.score ?? 0, reason: ev.target.value } })} />
                      )}
                    </div>
                  </td>
                  <td className="num font-semibold">{r.applicable ? n2(r.score) : "—"}</td>
                  <td className="max-w-72 text-xs">{r.deviation}</td>
                </tr>
              );
            })}
            <tr>
              <td colSpan={10} className="text-center font-semibold">总分</td>
              <td className="num font-bold">{n2(total)}</td>
              <td className="font-bold">{grade}</td>
            </tr>
          </tbody>
        </table>
      </div>

      {error && (
        <div role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.message[locale]}
          {error.fields && <ul className="mt-1 list-disc pl-5 text-xs">{Object.entries(error.fields).map(([k, v]) => <li key={k}>{v.join("；")}</li>)}</ul>}
        </div>
      )}
      {state && "data" in state && <Notice tone="ok" role="status">✓ {e.saved}</Notice>}
      {canEdit ? (
        <Button type="submit" disabled={pending} size="lg">{e.save}</Button>
      ) : (
        <p className="text-sm text-slate-600">{e.readOnly}</p>
      )}
    </form>
  );
}
