import type { Light } from "@/lib/status";
import type { Messages } from "@/lib/i18n";

// Each light has an icon and a word as well as a colour: never colour alone. Charts use the same icons.
export const LIGHT_ICONS: Record<Light, string> = { green: "●", yellow: "▲", red: "■", blue: "◆", overdue: "⏰", nodata: "○", none: "–", pending: "…" };
const style: Record<Light, { cls: string }> = {
  green: { cls: "bg-emerald-50 text-emerald-800 ring-emerald-300" },
  yellow: { cls: "bg-amber-50 text-amber-900 ring-amber-300" },
  red: { cls: "bg-red-50 text-red-800 ring-red-300" },
  blue: { cls: "bg-sky-50 text-sky-800 ring-sky-300" },
  overdue: { cls: "bg-red-100 text-red-900 ring-red-400" },
  nodata: { cls: "bg-slate-50 text-slate-600 ring-slate-300" },
  none: { cls: "bg-slate-50 text-slate-500 ring-slate-200" },
  pending: { cls: "bg-slate-50 text-slate-600 ring-slate-300" },
};

export function LightBadge({ light, t, title }: { light: Light; t: Messages; title?: string }) {
  const s = style[light];
  return (
    <span title={title} data-light={light} className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset whitespace-nowrap ${s.cls}`}>
      <span aria-hidden="true">{LIGHT_ICONS[light]}</span>
      {t.light[light]}
    </span>
  );
}
