import type { Locale, Messages } from "@/lib/i18n/messages";
import { rowAction } from "@/app/admin/tables/actions";
import { AdminForm } from "./admin-form";

export const smallButton = "rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-50";

/** 上移 / 下移 / 停用 (or 恢复) for one project, goal or indicator row. */
export function RowControls({ entity, id, name, retired, canUp = true, canDown = true, t, locale }: { entity: "indicator" | "goal" | "project"; id: number; name: string; retired: boolean; canUp?: boolean; canDown?: boolean; t: Messages; locale: Locale }) {
  const a = t.adminTables;
  return (
    <AdminForm action={rowAction} label={name} locale={locale} compact className="inline-flex flex-wrap items-center gap-1">
      <input type="hidden" name="entity" value={entity} />
      <input type="hidden" name="id" value={id} />
      {!retired && (
        <>
          {/* The first row cannot go up nor the last down: the button is shown disabled so the row stays aligned. */}
          <button type="submit" name="op" value="up" disabled={!canUp} className={smallButton} title={`${a.up}：${name}`}>↑ {a.up}</button>
          <button type="submit" name="op" value="down" disabled={!canDown} className={smallButton} title={`${a.down}：${name}`}>↓ {a.down}</button>
        </>
      )}
      {retired ? (
        <button type="submit" name="op" value="restore" className={`${smallButton} border-emerald-300 text-emerald-800`}>↺ {a.restore}</button>
      ) : (
        <button type="submit" name="op" value="retire" className={`${smallButton} text-red-700`}>⊘ {a.retire}</button>
      )}
    </AdminForm>
  );
}
