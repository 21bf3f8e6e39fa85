// The working year: which year's tables a page, an API answer or a CLI command shows when it is
// not told. It is the latest open year (Year.status "open") in which the department has tables,
// so a rollover to 2025 moves everyone onto 2025 and 2024 stays one choice away. The rule is pure
// here; lib/catalogue/year.ts reads the database and the request.

export type YearChoice = {
  /** The year to show. */
  year: number;
  /** The year shown when nothing is asked or remembered (the latest open year with tables). */
  latest: number;
  /** Every year the selector offers, newest first. */
  years: number[];
};

/**
 * `tables`: the years in which the department has tables; `open`: the Year table's open years;
 * `asked`: ?year= (already validated); `remembered`: the year the user chose before (cookie),
 * honoured only while it is one of the years; `fallback`: the calendar year, for an empty database.
 */
export function chooseYear(i: { tables: number[]; open: number[]; asked?: number; remembered?: number; fallback: number }): YearChoice {
  const years = [...new Set(i.tables.length ? i.tables : i.open)].sort((a, b) => b - a);
  const latest = years.find((y) => i.open.includes(y)) ?? years[0] ?? i.fallback;
  const remembered = i.remembered !== undefined && years.includes(i.remembered) ? i.remembered : undefined;
  return { year: i.asked ?? remembered ?? latest, latest, years: years.length ? years : [latest] };
}

/** The cookie that remembers the year a user chose in the header (for the browser session). */
export const YEAR_COOKIE = "jixiao-year";
