// Office names in a file → organisations: full name, short name or alias (Organization.name,
// shortName, OrgAlias), compared without regard to full- or half-width brackets and spaces. Pure.
import { fold } from "./columns";
import type { ImportState } from "./types";

export type OfficeIndex = {
  /** The organisations a name means (an alias such as 各社保处 means several), or null for an unknown name. */
  resolve: (name: string) => number[] | null;
  isOffice: (name: string) => boolean;
  /** The name to write for an organisation: its short name when that means it alone, else its full name. */
  label: (orgId: number) => string;
  /** Known names close to an unknown one, best first. */
  suggest: (name: string) => string[];
};

export function officeIndex(state: Pick<ImportState, "orgs" | "aliases">): OfficeIndex {
  const byName = new Map<string, number[]>();
  const byShort = new Map<string, number[]>();
  const byAlias = new Map<string, number[]>();
  const labels = new Map<string, string>(); // folded → a written form, for suggestions
  const add = (m: Map<string, number[]>, written: string, id: number) => {
    const k = fold(written);
    if (!k) return;
    const list = m.get(k) ?? [];
    if (!list.includes(id)) list.push(id);
    m.set(k, list);
    if (!labels.has(k)) labels.set(k, written);
  };
  for (const o of state.orgs) {
    add(byName, o.name, o.id);
    if (o.shortName) add(byShort, o.shortName, o.id);
  }
  for (const a of state.aliases) add(byAlias, a.alias, a.orgId);
  const resolve = (name: string) => {
    const k = fold(name);
    return byName.get(k) ?? byShort.get(k) ?? byAlias.get(k) ?? null;
  };
  const orgs = new Map(state.orgs.map((o) => [o.id, o]));
  const label = (id: number) => {
    const o = orgs.get(id);
    if (!o) return `#${id}`;
    const short = o.shortName ? resolve(o.shortName) : null;
    return o.shortName && short?.length === 1 && short[0] === id ? o.shortName : o.name;
  };
  const suggest = (name: string) => {
    const k = fold(name);
    if (!k) return [];
    const scored: { s: string; d: number }[] = [];
    for (const [key, written] of labels) {
      const d = distance(k, key);
      const contains = k.length >= 2 && (key.includes(k) || k.includes(key)) && key.length >= 2;
      if (d <= Math.max(1, Math.floor(k.length / 3)) || contains) scored.push({ s: written, d: contains ? Math.min(d, 1) : d });
    }
    return [...new Set(scored.sort((a, b) => a.d - b.d || a.s.length - b.s.length).map((x) => x.s))].slice(0, 3);
  };
  return { resolve, isOffice: (n) => resolve(n) != null, label, suggest };
}

/** Levenshtein distance over code points. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}
