import type { Messages } from "@/lib/i18n";
import { Badge } from "@/components/ui/card";

type Row = { targetKind: string; targetDirection: string | null; accumulation: string | null; targetOverride: string | null };

const kindTone = { quantitative: "blue", qualitative: "slate", deadline: "amber", frequency: "amber", none: "slate", unparsed: "red" } as const;

export function TargetBadge({ row, t }: { row: Row; t: Messages }) {
  const kind = row.targetKind as keyof typeof kindTone;
  const parts = [
    row.targetDirection ? t.target.direction[row.targetDirection as keyof Messages["target"]["direction"]] : null,
    row.accumulation ? t.target.accumulation[row.accumulation as keyof Messages["target"]["accumulation"]] : null,
  ].filter(Boolean);
  return (
    <span className="flex flex-wrap gap-1">
      <Badge tone={kindTone[kind] ?? "slate"}>{t.target.kind[kind] ?? row.targetKind}</Badge>
      {parts.length > 0 && <span className="text-xs text-slate-500 whitespace-nowrap">{parts.join(" · ")}</span>}
      {row.targetOverride && <Badge tone="green">✓ {t.target.overridden}</Badge>}
    </span>
  );
}
