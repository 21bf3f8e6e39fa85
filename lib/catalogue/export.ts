import "server-only";
import { listIndicators, type IndicatorRow, type Scope } from "./queries";

type Printed = string | null;
type ExportBase = ReturnType<typeof baseRow>;
/** Annual rows carry `values` (2022/2023/2024 as printed), long-term rows one `value`. */
export type ExportedIndicator = ExportBase & { values?: { "2022": Printed; "2023": Printed; "2024": string }; value?: string };

/** The machine-readable shape of one indicator row (CLI `export indicators`, and later the API). */
export function exportRow(r: IndicatorRow): ExportedIndicator {
  const printed = (y: number) => r.values.find((v) => v.year === y)?.printed ?? null;
  const base = baseRow(r);
  return r.term === "annual"
    ? { ...base, values: { "2022": printed(2022), "2023": printed(2023), "2024": r.targetText } }
    : { ...base, value: r.targetText };
}

function baseRow(r: IndicatorRow) {
  return {
    id: r.id,
    table: r.tableNo,
    term: r.term,
    goal: r.goal.text,
    goal_no: r.goal.goalNo,
    project_code: r.goal.project?.code ?? null,
    level1: r.level1,
    level2: r.level2,
    level3: r.level3,
    name_printed: r.namePrinted,
    office_text: r.officeText,
    offices: r.orgs.map((o) => o.organization.name),
    basis: r.basis,
    target: {
      text: r.targetText,
      kind: r.targetKind,
      comparator: r.targetComparator,
      value: r.targetValue,
      value_high: r.targetValueHigh,
      unit: r.targetUnit,
      direction: r.targetDirection,
      accumulation: r.accumulation,
      overridden: r.targetOverride != null,
    },
  };
}

/** The indicators of a year in the scope given (the CLI: one department's). */
export async function exportIndicators(year: number, scope: Scope) {
  const rows = await listIndicators({ year }, scope);
  return { year, indicators: rows.map(exportRow) };
}
