// A filled form as a grid of cells: every layout (self-evaluation, monitoring, summary) is built
// into Sheets once, and each format (XLSX, PDF through HTML, CSV) renders Sheets. A new format is a
// renderer; a new form is a builder; neither knows about the other.

export type CellStyle = "title" | "subtitle" | "head" | "label" | "text" | "num" | "total" | "note";

export type Cell = {
  /** 1-based row and column of the top-left corner. */
  r: number;
  c: number;
  value: string | number;
  rowSpan?: number;
  colSpan?: number;
  style?: CellStyle;
  align?: "left" | "center" | "right";
  /** Numbers: decimals shown (default: as is). */
  decimals?: number;
};

export type Sheet = {
  /** Worksheet name (≤ 31 characters, no []:*?/\). */
  name: string;
  /** Column widths in characters (Excel's unit); the HTML renderer scales them. */
  columns: number[];
  cells: Cell[];
  /** Row heights in points, where a row needs more than one line. */
  rowHeights?: Record<number, number>;
  /** Rows repeated at the top of every printed page (the grid's header). */
  repeatRows?: [number, number];
  orientation: "portrait" | "landscape";
  /** Rows where a printed page may not break (e.g. the total with the last grid row). */
  keepTogether?: [number, number][];
};

/** Last row used by a sheet's cells. */
export function lastRow(sheet: Sheet): number {
  return sheet.cells.reduce((m, c) => Math.max(m, c.r + (c.rowSpan ?? 1) - 1), 0);
}

/** A small helper for builders: append cells row by row. */
export class SheetBuilder {
  readonly cells: Cell[] = [];
  readonly rowHeights: Record<number, number> = {};
  row = 1;

  put(c: number, value: string | number, opts: Omit<Cell, "r" | "c" | "value"> = {}): this {
    this.cells.push({ r: this.row, c, value, ...opts });
    return this;
  }

  next(height?: number): this {
    if (height) this.rowHeights[this.row] = height;
    this.row++;
    return this;
  }
}

/** Merge runs of equal values down one column (the printed 一级 / 二级 cells). */
export function mergeRuns<T>(rows: T[], keyOf: (row: T) => string): number[] {
  const spans = rows.map(() => 0);
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i === rows.length || keyOf(rows[i]) !== keyOf(rows[start])) {
      spans[start] = i - start;
      start = i;
    }
  }
  return spans;
}
