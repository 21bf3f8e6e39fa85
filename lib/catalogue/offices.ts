// Who is responsible for an indicator row (docs/domain.md §2). Pure: no framework imports.

/** A trailing bracket, full- or half-width on either side: `开展新闻报道（政研处）`, `人数(考试院）`. */
const TRAILING_BRACKET = /[（(]([^（()）]+)[)）]\s*$/;

/** Splits the printed office bracket off a 三级指标 name when every part of it names an office. */
export function splitOffice(
  printed: string,
  isOffice: (name: string) => boolean,
): { name: string; officeText: string | null; unknownBracket: string | null } {
  const m = TRAILING_BRACKET.exec(printed);
  if (!m) return { name: printed.trim(), officeText: null, unknownBracket: null };
  const parts = officeParts(m[1]);
  if (parts.length > 0 && parts.every(isOffice)) {
    return { name: printed.slice(0, m.index).trim(), officeText: m[1].trim(), unknownBracket: null };
  }
  return { name: printed.trim(), officeText: null, unknownBracket: m[1].trim() };
}

/** `财务处、基金监督处` → ["财务处", "基金监督处"]. */
export function officeParts(officeText: string): string[] {
  return officeText
    .split(/[、，,/]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export type OrgRef = { id: number; name: string };

/**
 * Resolves names to organisations through the alias table (which also holds every full and
 * short name). Returns the organisations in order, without repeats, and the names it could not resolve.
 */
export function resolveOffices(
  names: string[],
  aliases: ReadonlyMap<string, readonly OrgRef[]>,
): { orgs: OrgRef[]; unresolved: string[] } {
  const orgs: OrgRef[] = [];
  const unresolved: string[] = [];
  for (const n of names) {
    const hit = aliases.get(n.trim());
    if (!hit || hit.length === 0) unresolved.push(n);
    else for (const o of hit) if (!orgs.some((x) => x.id === o.id)) orgs.push(o);
  }
  return { orgs, unresolved };
}
