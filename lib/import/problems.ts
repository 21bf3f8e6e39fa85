// Building and wording problems. Pure.
import type { Bilingual, Problem, ProblemCode, Severity } from "./types";

export type Where = { sheet: string; row?: number | null; column?: { label: string; letter: string } | null };

export function problem(severity: Severity, code: ProblemCode, where: Where, zh: string, en: string): Problem {
  return { severity, code, sheet: where.sheet, row: where.row ?? null, column: where.column?.label ?? null, letter: where.column?.letter ?? null, message: { zh, en } };
}

/** "表12-1 第7行 牵头单位（H列）" / "表12-1, row 7, 牵头单位 (column H)". */
export function placeOf(p: Pick<Problem, "sheet" | "row" | "column" | "letter">): Bilingual {
  const zh = [p.sheet, p.row != null ? `第${p.row}行` : null, p.column ? `${p.column}${p.letter ? `（${p.letter}列）` : ""}` : null].filter(Boolean).join(" ");
  const en = [p.sheet, p.row != null ? `row ${p.row}` : null, p.column ? `${p.column}${p.letter ? ` (column ${p.letter})` : ""}` : null].filter(Boolean).join(", ");
  return { zh, en };
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by sheet and row as they are in the file. */
export function sortProblems(list: Problem[], sheetOrder: string[]): Problem[] {
  const sheetIndex = (s: string) => {
    const i = sheetOrder.indexOf(s);
    return i < 0 ? sheetOrder.length : i;
  };
  return [...list].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || sheetIndex(a.sheet) - sheetIndex(b.sheet) || (a.row ?? 0) - (b.row ?? 0));
}
