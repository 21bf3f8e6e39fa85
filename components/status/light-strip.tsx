import type { LightCounts } from "@/lib/dashboard";
import type { Messages } from "@/lib/i18n";
import type { Light } from "@/lib/status";
import { LIGHT_ICONS } from "./light-badge";

// A row-sized stacked bar of light counts (server-rendered: hundreds of rows need no chart
// library), worst lights first, with the counts in words for screen readers and on hover.
const ORDER: Light[] = ["overdue", "red", "yellow", "nodata", "pending", "blue", "green", "none"];
const FILL: Record<Light, string> = {
  overdue: "bg-red-900", red: "bg-red-600", yellow: "bg-amber-500", nodata: "bg-slate-400", pending: "bg-slate-300", blue: "bg-sky-600", green: "bg-emerald-600", none: "bg-slate-200",
};

export function LightStrip({ counts, t }: { counts: LightCounts; t: Messages }) {
  const parts = ORDER.filter((l) => counts[l] > 0);
  const words = parts.map((l) => `${LIGHT_ICONS[l]} ${t.light[l]} ${counts[l]}`).join("，");
  return (
    <div className="flex h-3 w-40 overflow-hidden rounded-sm bg-slate-100" role="img" aria-label={words} title={words}>
      {parts.map((l) => <div key={l} className={FILL[l]} style={{ width: `${(100 * counts[l]) / Math.max(1, counts.total)}%` }} />)}
    </div>
  );
}
