import type { Messages } from "@/lib/i18n";
import { fill } from "@/lib/i18n";
import { Button, Label } from "@/components/ui/controls";

/** As-of month selector: a plain GET form, so the month lives in the URL. */
export function MonthPicker({ year, month, t, path, extra }: { year: number; month: number; t: Messages; path: string; extra?: Record<string, string> }) {
  return (
    <form method="get" action={path} className="flex items-end gap-2">
      <input type="hidden" name="year" value={year} />
      {Object.entries(extra ?? {}).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <Label inline>
        {t.report.asOf}
        <select name="month" defaultValue={month} className="mt-1 block rounded border border-slate-300 bg-white px-2 py-1.5 text-sm">
          {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => <option key={m} value={m}>{fill(t.report.month, { m })}</option>)}
        </select>
      </Label>
      <Button type="submit" variant="secondary">{t.common.filter}</Button>
    </form>
  );
}
