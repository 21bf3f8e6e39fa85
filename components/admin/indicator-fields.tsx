import type { Messages } from "@/lib/i18n";
import { Label, inputClass } from "@/components/ui/controls";


type Values = { level1: string; level2: string; level3: string; targetText: string; basis: string | null };

/** The names, target and basis of an indicator row, as on the printed table (new and edit forms). */
export function IndicatorFields({ t, values, level1, level2 }: { t: Messages; values?: Values; level1: string[]; level2: string[] }) {
  const ai = t.adminTables.indicator;
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <Label>
          {ai.level1}
          <input name="level1" list="admin-level1" defaultValue={values?.level1 ?? ""} className={inputClass} />
        </Label>
        <Label>
          {ai.level2}
          <input name="level2" list="admin-level2" defaultValue={values?.level2 ?? ""} className={inputClass} />
        </Label>
      </div>
      <datalist id="admin-level1">{level1.map((l) => <option key={l} value={l} />)}</datalist>
      <datalist id="admin-level2">{level2.map((l) => <option key={l} value={l} />)}</datalist>
      <Label>
        {ai.level3}
        <input name="level3" defaultValue={values?.level3 ?? ""} className={inputClass} />
      </Label>
      <div id="target" className="scroll-mt-4">
        <Label>
          {ai.target}
          <input name="targetText" defaultValue={values?.targetText ?? ""} className={inputClass} />
        </Label>
        <p className="mt-1 text-xs text-slate-500">{ai.targetHint}{values ? ` ${ai.reparseHint}` : ""}</p>
      </div>
      <Label>
        {ai.basis}
        <input name="basis" defaultValue={values?.basis ?? ""} className={inputClass} />
      </Label>
    </>
  );
}
