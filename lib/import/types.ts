// Types of the Excel import/export (issue 6). Pure: no framework or Prisma imports.

export type Bilingual = { zh: string; en: string };
export type Severity = "error" | "warning" | "info";

export type ProblemCode =
  | "bad_file"
  | "empty_file"
  | "ignored_sheet"
  | "unknown_table"
  | "missing_column"
  | "ignored_column"
  | "wrong_year"
  | "table_mismatch"
  | "missing_level1"
  | "missing_level2"
  | "missing_level3"
  | "missing_target"
  | "unparsed_target"
  | "unusual_level"
  | "unknown_office"
  | "office_twice"
  | "no_lead_office"
  | "office_bracket_mismatch"
  | "office_removed_with_reports"
  | "duplicate_row"
  | "unknown_project"
  | "project_mismatch"
  | "missing_goal_no"
  | "unknown_goal"
  | "goal_mismatch"
  | "goal_text_ignored"
  | "retired_goal"
  | "bad_number"
  | "bad_choice"
  | "excel_error"
  | "unknown_id"
  | "retired_row";

/** One problem, located as an admin finds it in Excel: sheet, row number, column header and letter. */
export type Problem = {
  severity: Severity;
  code: ProblemCode;
  sheet: string;
  row: number | null;
  column: string | null;
  letter: string | null;
  message: Bilingual;
};

/** The columns the importer knows. y2 / y1 / target are 前年 / 上年 / 预计当年实现 of the import year. */
export type ColumnKey =
  | "level1"
  | "level2"
  | "level3"
  | "y2"
  | "y1"
  | "target"
  | "basis"
  | "lead"
  | "support"
  | "accumulation"
  | "aggregation"
  | "goalNo"
  | "goalText"
  | "projectCode"
  | "id"
  | "table";

export type SheetColumns = Partial<Record<ColumnKey, { label: string; letter: string }>>;

/** A data row as read from the file: trimmed cell texts by column; a key is absent when the file has no such column. */
export type FileRow = {
  sheet: string;
  row: number;
  /** From the sheet's name (表11, 表12-1…) or, in a CSV, from the row's 表号 cell; null when neither names a table. */
  tableNo: string | null;
  cells: Partial<Record<ColumnKey, string>>;
  columns: SheetColumns;
};

export type ParsedFile = {
  format: "xlsx" | "csv";
  sheets: { name: string; tableNo: string | null; rows: number }[];
  rows: FileRow[];
  problems: Problem[];
};

// ——— the database as the importer sees it (read by lib/import/server.ts) ———

export type StateOrg = { id: number; name: string; shortName: string | null; kind: string };
export type StateGoal = { id: number; goalNo: number | null; text: string; sortOrder: number; retired: boolean };
export type StateTable = {
  tableNo: string;
  projectCode: string | null;
  projectName: string | null;
  retired: boolean;
  /** The table's annual goals: 表11 has several (目标1…4), a project one. */
  goals: StateGoal[];
  /** Who is responsible for a new row without an office: the department (表11) or the project's executing units. */
  defaultOrgIds: number[];
};
export type OfficeRole = "lead" | "support";
export type StateIndicator = {
  id: number;
  tableNo: string;
  goalId: number;
  sortOrder: number;
  level1: string;
  level2: string;
  level3: string;
  namePrinted: string;
  officeText: string | null;
  basis: string | null;
  targetText: string;
  accumulation: string | null;
  aggregation: string;
  /** Printed values of the years before the target year, by year. */
  history: Record<number, string>;
  orgs: { orgId: number; role: OfficeRole }[];
  /** Reports on this row, by organisation (a removed office keeps its reports). */
  reports: Record<number, number>;
  retired: boolean;
};
export type ImportState = {
  year: number;
  tables: StateTable[];
  indicators: StateIndicator[];
  orgs: StateOrg[];
  aliases: { alias: string; orgId: number }[];
};

// ——— the preview ———

export type FieldKey = "level1" | "level2" | "namePrinted" | "y2" | "y1" | "target" | "basis" | "lead" | "support" | "accumulation" | "aggregation";
/** Display texts ("" for an empty cell); accumulation and aggregation carry their codes (cumulative, sum…). */
export type Change = { field: FieldKey; before: string; after: string };
export type RowAction = "create" | "update" | "unchanged" | "error";

/** What confirming writes for one row; part of the plan's digest. */
export type RowApply = {
  goalId: number;
  tableNo: string;
  level1: string;
  level2: string;
  namePrinted: string;
  level3: string;
  officeText: string | null;
  basis: string | null;
  targetText: string;
  /** Printed values of earlier years present in the file (null: an empty cell). */
  history: Record<number, string | null>;
  /** The offices as the file says, or null: keep the row's offices (both office cells empty). */
  offices: { orgId: number; role: OfficeRole }[] | null;
  /** An admin's choice in the file, or null: as the target says (new rows) / as it is (existing rows). */
  accumulation: "cumulative" | "level" | "auto" | null;
  aggregation: "auto" | "sum" | "mean" | null;
};

export type RowPlan = {
  sheet: string;
  row: number;
  tableNo: string | null;
  goalNo: number | null;
  name: string;
  action: RowAction;
  indicatorId: number | null;
  changes: Change[];
  apply: RowApply | null;
};

export type NotInFile = { indicatorId: number; tableNo: string; goalNo: number | null; name: string; tableInFile: boolean };

export type ImportCounts = { rows: number; create: number; update: number; unchanged: number; error: number; notInFile: number; errors: number; warnings: number };

export type Preview = {
  year: number;
  format: "xlsx" | "csv";
  sheets: ParsedFile["sheets"];
  rows: RowPlan[];
  problems: Problem[];
  notInFile: NotInFile[];
  counts: ImportCounts;
  canConfirm: boolean;
  /** sha256 of what confirming would write: confirming checks it is still the same. */
  digest: string;
};

/** The preview as the page and the CLI show it. */
export type PreviewResult = Preview & { fileName: string; sha256: string };

export type ImportSummary = { year: number; fileName: string; sha256: string; created: number; updated: number; unchanged: number; notInFile: number; warnings: number; auditId: number };
