// The one rule for the target in force of an indicator row (printed, revised, overridden,
// re-parsed). Pure: no Prisma, no framework; rows come in as plain column values.
//
// Precedence: an approved revision (调整, revisedTargetText) beats an admin's confirmed parse
// (targetOverride), which beats the printed target (targetText). The stored effective columns
// (targetKind … accumulation) always hold the parse of the text in force; when a text changes they
// are re-parsed, keeping an admin's direction and accumulation while the target stays of its kind.
import { parseTarget, type ParsedTarget } from "../targets";
import { decodeOverride } from "./row";

export type TargetSource = "printed" | "revised" | "overridden";

export type TargetTexts = {
  /** The target exactly as printed (年初指标值). */
  targetText: string;
  /** The latest approved revision's text, or null. */
  revisedTargetText?: string | null;
  /** JSON text of an admin's confirmed parse, or null. */
  targetOverride: string | null;
  level3: string;
};

export type TargetInForce = {
  /** What the forms print as the target: the revision's text, else the printed text. */
  text: string;
  /** The text the effective columns were parsed from (an override's expression, a revision's or the printed text). */
  source: string;
  from: TargetSource;
};

/** Which text is in force and where it came from. */
export function targetInForce(row: TargetTexts): TargetInForce {
  if (row.revisedTargetText) return { text: row.revisedTargetText, source: row.revisedTargetText, from: "revised" };
  const override = decodeOverride(row.targetOverride);
  if (override) return { text: row.targetText, source: override.expression, from: "overridden" };
  return { text: row.targetText, source: row.targetText, from: "printed" };
}

/** The columns that hold the effective parse of an indicator's target. */
export function targetColumns(t: ParsedTarget) {
  return {
    targetKind: t.kind,
    targetComparator: t.comparator,
    targetValue: t.value,
    targetValueHigh: t.valueHigh,
    targetUnit: t.unit,
    targetDirection: t.direction,
    accumulation: t.accumulation,
  };
}
export type TargetColumns = ReturnType<typeof targetColumns>;

export type StoredTarget = TargetTexts & {
  targetKind: string;
  targetComparator: string | null;
  targetValue: number | null;
  targetValueHigh: number | null;
  targetUnit: string | null;
  targetDirection: string | null;
  accumulation: string | null;
};

/**
 * The stored parse (automatic, an admin's override or a revision's) as a ParsedTarget. Deadline and
 * period are not stored as columns: they are read again from the text the stored parse came from.
 */
export function targetOf(row: StoredTarget): ParsedTarget {
  const inForce = targetInForce(row);
  const { deadline, period } = parseTarget(inForce.source, row.level3);
  return {
    text: inForce.text,
    kind: row.targetKind as ParsedTarget["kind"],
    comparator: row.targetComparator as ParsedTarget["comparator"],
    value: row.targetValue,
    valueHigh: row.targetValueHigh,
    unit: row.targetUnit,
    direction: row.targetDirection as ParsedTarget["direction"],
    accumulation: row.accumulation as ParsedTarget["accumulation"],
    period,
    deadline,
  };
}

type ReparseRow = Pick<StoredTarget, "targetText" | "revisedTargetText" | "targetOverride" | "level3" | "targetKind" | "targetDirection" | "accumulation">;

/**
 * Re-parsed: the effective columns for a new source text. A direction or accumulation that differs
 * from what the old source parses to was chosen by an admin (override form, aggregation form); it is
 * kept while the target stays of the same kind, so re-parsing never silently undoes a decision.
 */
export function reparsed(row: ReparseRow, text: string, level3 = row.level3): { parsed: ParsedTarget; columns: TargetColumns } {
  let parsed = parseTarget(text, level3);
  const was = parseTarget(targetInForce(row).source, row.level3);
  if (parsed.kind === row.targetKind) {
    if (row.targetDirection !== was.direction) parsed = { ...parsed, direction: row.targetDirection as ParsedTarget["direction"] };
    if (row.accumulation !== was.accumulation) parsed = { ...parsed, accumulation: row.accumulation as ParsedTarget["accumulation"] };
  }
  return { parsed, columns: targetColumns(parsed) };
}

/** A new row's target: the printed text and its parse. */
export function newTarget(targetText: string, level3: string) {
  return { targetText, ...targetColumns(parseTarget(targetText, level3)) };
}

/**
 * The columns to write when a row's printed target or name changes (the tables page, the Excel
 * import, onboarding). A changed printed text drops a confirmed parse of the old text; the columns
 * are parsed again unless a revision stands, or when only the name changed and an override stands.
 * Returns only what changes.
 */
export function printedTargetChange(row: ReparseRow, next: { targetText: string; level3: string }): Partial<TargetColumns> & { targetText?: string; targetOverride?: null } {
  const textChanged = next.targetText !== row.targetText;
  const nameChanged = next.level3 !== row.level3;
  const data: Partial<TargetColumns> & { targetText?: string; targetOverride?: null } = textChanged ? { targetText: next.targetText, targetOverride: null } : {};
  if (!row.revisedTargetText && (textChanged || (nameChanged && !row.targetOverride))) Object.assign(data, reparsed(row, next.targetText, next.level3).columns);
  return data;
}

/**
 * The target a row carries into the next year (rollover): the text in force becomes the printed
 * text, and the effective parse carries over with every admin decision in it; a confirmed parse of
 * the printed text still applies when that text is what carries over.
 */
export function carriedTarget(row: StoredTarget) {
  const { text, from } = targetInForce(row);
  return {
    targetText: text,
    targetKind: row.targetKind,
    targetComparator: row.targetComparator,
    targetValue: row.targetValue,
    targetValueHigh: row.targetValueHigh,
    targetUnit: row.targetUnit,
    targetDirection: row.targetDirection,
    accumulation: row.accumulation,
    targetOverride: from === "revised" ? null : row.targetOverride,
  };
}

/** The columns for an approved revision becoming the target in force. */
export function revisedTargetChange(row: ReparseRow, revisedText: string) {
  return { revisedTargetText: revisedText, ...reparsed(row, revisedText).columns };
}
