import type { Messages } from "@/lib/i18n";
import { Badge } from "@/components/ui/card";

const tone = { draft: "slate", submitted: "blue", approved: "green", returned: "red" } as const;

/** A report's workflow state (草稿 / 待审核 / 已审核 / 已退回), one colour and word per state. */
export function ReportStatusBadge({ status, t, suffix }: { status: string; t: Messages; suffix?: string }) {
  const s = status as keyof typeof tone;
  return <Badge tone={tone[s] ?? "slate"}>{t.report.status[s] ?? status}{suffix ? ` · ${suffix}` : ""}</Badge>;
}
