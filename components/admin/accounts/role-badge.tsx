import type { Messages } from "@/lib/i18n";
import { Badge } from "@/components/ui/card";

const tone = { admin: "blue", manager: "slate", evaluator: "slate", reporter: "slate", finance: "slate" } as const;

export function RoleBadge({ role, t }: { role: string; t: Messages }) {
  const r = (role in tone ? role : "reporter") as keyof typeof tone;
  return <Badge tone={tone[r]}>{t.accounts.roles[r]}</Badge>;
}

/** Enabled or disabled: an icon and a word, never colour alone. */
export function StatusBadge({ disabled, t }: { disabled: boolean; t: Messages }) {
  return disabled ? <Badge tone="red">■ {t.accounts.disabled}</Badge> : <Badge tone="green">● {t.accounts.enabled}</Badge>;
}
