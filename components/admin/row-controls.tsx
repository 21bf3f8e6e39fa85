import type { Locale, Messages } from "@/lib/i18n";
import { rowAction } from "@/app/admin/tables/actions";
import { AdminForm } from "./admin-form";
import { Button, buttonClass } from "@/components/ui/controls";

export const smallButton = buttonClass("secondary", "xs");

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
          <Button type="submit" name="op" value="up" disabled={!canUp} variant="secondary" size="xs" title={`${a.up}：${name}`}>↑ {a.up}</Button>
          <Button type="submit" name="op" value="down" disabled={!canDown} variant="secondary" size="xs" title={`${a.down}：${name}`}>↓ {a.down}</Button>
        </>
      )}
      {retired ? (
        <Button type="submit" name="op" value="restore" variant="secondary" size="xs" className="border-emerald-300 text-emerald-800">↺ {a.restore}</Button>
      ) : (
        <Button type="submit" name="op" value="retire" variant="secondary" size="xs" className="text-red-700">⊘ {a.retire}</Button>
      )}
    </AdminForm>
  );
}
