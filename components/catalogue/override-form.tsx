"use client";
import { useActionState, useState } from "react";
import type { Messages, Locale } from "@/lib/i18n";
import { overrideTargetAction } from "@/app/indicators/[id]/actions";
import { Button, Label, Notice } from "@/components/ui/controls";

export function OverrideForm({ id, expression, overridden, t, locale }: { id: number; expression: string; overridden: boolean; t: Messages; locale: Locale }) {
  const [state, action, pending] = useActionState(overrideTargetAction, null);
  const [value, setValue] = useState(expression);
  const error = state && "error" in state ? state.error : null;
  const field = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <form action={action} className="space-y-3" aria-label={t.target.override}>
      <input type="hidden" name="indicatorId" value={id} />
      <Label>
        {t.grid.value}
        <input name="expression" value={value} onChange={(e) => setValue(e.target.value)} className={field} aria-invalid={!!error?.fields?.expression} />
      </Label>
      <div className="grid grid-cols-2 gap-3">
        <Label>
          {t.target.direction.higher} / {t.target.direction.lower}
          <select name="direction" defaultValue="auto" className={field}>
            <option value="auto">{t.target.auto}</option>
            {(["higher", "lower", "equal", "range"] as const).map((d) => <option key={d} value={d}>{t.target.direction[d]}</option>)}
          </select>
        </Label>
        <Label>
          {t.target.accumulation.cumulative} / {t.target.accumulation.level}
          <select name="accumulation" defaultValue="auto" className={field}>
            <option value="auto">{t.target.auto}</option>
            {(["cumulative", "level"] as const).map((d) => <option key={d} value={d}>{t.target.accumulation[d]}</option>)}
          </select>
        </Label>
      </div>
      {error && <Notice tone="error" role="status">{error.message[locale]}</Notice>}
      {state && "data" in state && <Notice tone="ok" role="status">✓ {t.target.overridden}</Notice>}
      <div className="flex gap-2">
        <Button type="submit" name="mode" value="set" disabled={pending}>{t.target.override}</Button>
        {overridden && <Button type="submit" name="mode" value="clear" disabled={pending} variant="secondary">{t.common.reset}</Button>}
      </div>
    </form>
  );
}
