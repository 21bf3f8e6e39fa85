// Shared by the generator and the runner (no database or framework imports here).
export const YEAR = 2024;
/** The demo accounts' password; every generated account gets it too. */
export const BENCH_PASSWORD = "Jixiao#2024";
/** Marks the reports the benchmark writes, so the next run can take them out again. */
export const SUBMIT_NOTE = "bench-submit";
export const BARE_NOTE = "bench-bare";

/** Where a data set lives unless --out says otherwise: city.db (scale 1), city-s0.05.db, department.db. */
export function defaultBenchUrl(scale: number, departments?: number): string {
  if (departments === 1) return "file:./data/bench/department.db";
  if (departments != null) return `file:./data/bench/city-d${departments}.db`;
  return scale === 1 ? "file:./data/bench/city.db" : `file:./data/bench/city-s${scale}.db`;
}
