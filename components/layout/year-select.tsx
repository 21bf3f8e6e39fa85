"use client";

import { useSyncExternalStore } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { fill, type Messages } from "@/lib/i18n/client";
import { YEAR_COOKIE } from "@/lib/catalogue/client";

const COOKIE = new RegExp(`(?:^|; )${YEAR_COOKIE}=(\\d{4})`);
const noChange = () => () => {};

/**
 * The header's year selector. Choosing a year keeps the page and sets ?year=; the choice is also
 * remembered for the browser session (a cookie), so the next page opens on it too. Choosing the
 * latest open year forgets the choice, so a later rollover moves the user on with everyone.
 */
export function YearSelect({ years, year, latest, t }: { years: number[]; year: number; latest: number; t: Messages }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  // The root layout is not rendered again on client navigation: read the remembered year here.
  const remembered = useSyncExternalStore(noChange, () => Number(document.cookie.match(COOKIE)?.[1] ?? latest), () => year);
  const asked = Number(search.get("year"));
  const current = years.includes(asked) ? asked : years.includes(remembered) ? remembered : latest;
  const choose = (y: number) => {
    document.cookie = y === latest ? `${YEAR_COOKIE}=; path=/; max-age=0; samesite=lax` : `${YEAR_COOKIE}=${y}; path=/; samesite=lax`;
    const q = new URLSearchParams(search);
    q.set("year", String(y));
    router.push(`${pathname}?${q}`);
  };
  return (
    <label className="flex items-center gap-1.5 text-slate-600">
      <span>{t.app.year}</span>
      <select value={current} onChange={(e) => choose(Number(e.target.value))} className="rounded border border-slate-300 bg-white px-2 py-1 text-slate-800">
        {years.map((y) => <option key={y} value={y}>{fill(y === latest ? t.app.latestYear : t.app.yearOption, { y })}</option>)}
      </select>
    </label>
  );
}
