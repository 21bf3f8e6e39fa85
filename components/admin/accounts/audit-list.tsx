import type { Messages } from "@/lib/i18n";
import { timeText } from "@/components/ui/time";

type Row = { id: number; action: string; at: Date; after: string | null; before: string | null; user: { name: string } | null };

/** The change log of one account or office, newest first (the rows never hold a password or hash). */
export function AuditList({ rows, t }: { rows: Row[]; t: Messages }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">—</p>;
  return (
    <ul className="space-y-2 text-sm" aria-label={t.accounts.audit}>
      {rows.map((a) => (
        <li key={a.id} className="border-b border-slate-100 pb-2 last:border-0">
          <div className="font-medium">
            <code className="text-xs">{a.action}</code> · {a.user?.name ?? "system"} · <span className="tabular-nums">{timeText(a.at)}</span>
          </div>
          {a.after && <div className="break-all text-xs text-slate-500">{a.after}</div>}
        </li>
      ))}
    </ul>
  );
}
