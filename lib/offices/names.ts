// Office names (处室/单位) as the tables print them: the one resolver of a 三级指标 name's trailing
// office bracket and of a list of office names. Pure: no framework imports.

/** A trailing bracket, full- or half-width on either side: `开展新闻报道（政研处）`, `人数(考试院）`. */
const TRAILING_BRACKET = /[（(]([^（()）]*)[)）]\s*$/u;

/** The text of a trailing bracket (a line break inside it is only wrapping), or null when there is none or it is empty. */
export function trailingBracket(printed: string): { head: string; text: string } | null {
  const m = TRAILING_BRACKET.exec(printed);
  const text = m?.[1].replace(/\s+/gu, "") ?? "";
  return m && text ? { head: printed.slice(0, m.index).trim(), text } : null;
}

/** The name without any trailing bracket (also an empty one): `…发生率(考试院）` → `…发生率`. */
export function withoutBracket(name: string): string {
  return name.replace(TRAILING_BRACKET, "");
}

/** Splits the printed office bracket off a 三级指标 name when every part of it names an office. */
export function splitOffice(printed: string, isOffice: (name: string) => boolean): { name: string; officeText: string | null; unknownBracket: string | null } {
  const b = trailingBracket(printed);
  if (!b) return { name: printed.trim(), officeText: null, unknownBracket: null };
  const parts = officeParts(b.text);
  if (parts.length > 0 && parts.every(isOffice)) return { name: b.head, officeText: b.text, unknownBracket: null };
  return { name: printed.trim(), officeText: null, unknownBracket: b.text };
}

/** `财务处、基金监督处`, `财务处,基金监督处`, one per line (a cell of the import file) → names. */
export function officeParts(officeText: string): string[] {
  return officeText
    .split(/[、，,;；/\n]/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

export type OrgRef = { id: number; name: string };

/**
 * Resolves names to organisations through the alias table (which also holds every full and
 * short name). Returns the organisations in order, without repeats, and the names it could not resolve.
 */
export function resolveOffices(names: string[], aliases: ReadonlyMap<string, readonly OrgRef[]>): { orgs: OrgRef[]; unresolved: string[] } {
  const orgs: OrgRef[] = [];
  const unresolved: string[] = [];
  for (const n of names) {
    const hit = aliases.get(n.trim());
    if (!hit || hit.length === 0) unresolved.push(n);
    else for (const o of hit) if (!orgs.some((x) => x.id === o.id)) orgs.push(o);
  }
  return { orgs, unresolved };
}
