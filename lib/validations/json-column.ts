import { z } from "zod";

// JSON text columns (text on both engines: the schema keeps to SQLite's and PostgreSQL's common
// subset, docs/decisions/001), decoded one way: parsed, then checked with the column's zod schema.
//
// A value that is not what the schema says yields the column's empty value, and the first one of
// each column is logged. These columns are written only by this application (the seed, the
// onboarding import, rollover, the report form), so a bad value means a row edited by hand or a
// bug; it describes a detail of a page (fund sources, 表10 amounts, a report's cause boxes), and
// the people reading the page expect the rest of it — indicators, lights, reports — rather than an
// error page they can do nothing about. The log tells whoever runs the installation which column
// to look at.

const warned = new Set<string>();

/** A decoder for one JSON column: its value, or `empty()` when the text is missing, not JSON or not the schema's shape. */
export function jsonColumn<S extends z.ZodType>(column: string, schema: S, empty: () => z.output<S>): (json: string | null | undefined) => z.output<S> {
  return (json) => {
    if (json == null || json === "") return empty();
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      return malformed(column, "not JSON", empty);
    }
    const r = schema.safeParse(value);
    return r.success ? r.data : malformed(column, z.prettifyError(r.error), empty);
  };
}

function malformed<T>(column: string, why: string, empty: () => T): T {
  if (!warned.has(column)) {
    warned.add(column);
    console.warn(`${column}: a stored value is unreadable (${why}); shown as empty. Further ones of this column are not logged.`);
  }
  return empty();
}
