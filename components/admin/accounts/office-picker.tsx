"use client";
import { useMemo, useState } from "react";
import type { Messages } from "@/lib/i18n";
import { fill } from "@/lib/i18n/client";

export type OfficeChoice = { id: number; label: string; name: string; kind: string; depth: number };

/**
 * Offices as checkboxes named `orgIds`, in the tree's order, with a filter: about fifty offices
 * are too many to scan. Filtered-out boxes stay in the form (hidden), so a filter never drops a choice.
 */
export function OfficePicker({ choices, selected = [], t }: { choices: OfficeChoice[]; selected?: number[]; t: Messages }) {
  const [q, setQ] = useState("");
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(selected));
  const needle = q.trim();
  const visible = useMemo(() => new Set(choices.filter((c) => !needle || c.label.includes(needle) || c.name.includes(needle)).map((c) => c.id)), [choices, needle]);
  const toggle = (id: number, on: boolean) =>
    setChosen((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  return (
    <fieldset className="min-w-0 rounded border border-slate-200 p-2">
      <legend className="px-1 text-xs text-slate-600">
        {t.accounts.offices} · {fill(t.accounts.selected, { n: chosen.size })}
      </legend>
      <p className="mb-1 text-xs text-slate-500">{t.accounts.officesHint}</p>
      {chosen.size > 0 && (
        <p className="mb-2 flex flex-wrap gap-1">
          {choices.filter((c) => chosen.has(c.id)).map((c) => (
            <span key={c.id} className="rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-900 ring-1 ring-inset ring-brand-100">{c.label}</span>
          ))}
        </p>
      )}
      <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t.accounts.filterOffices} aria-label={t.accounts.filterOffices} className="mb-2 w-full rounded border border-slate-300 px-2 py-1 text-sm" />
      <div className="max-h-56 overflow-y-auto">
        {choices.map((c) => (
          <label key={c.id} className={`${visible.has(c.id) ? "flex" : "hidden"} items-center gap-2 rounded py-0.5 pr-1 text-sm hover:bg-slate-50`} style={{ paddingLeft: `${Math.max(0, c.depth - 1) * 1.25 + 0.25}rem` }} title={c.name}>
            <input type="checkbox" name="orgIds" value={c.id} checked={chosen.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
            <span>{c.label}</span>
            {c.kind !== "division" && c.label !== c.name && <span className="truncate text-xs text-slate-400">{c.name}</span>}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
