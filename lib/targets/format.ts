import { round } from "./parse";

/**
 * Prints a parsed value the way the document does: 220000 人 → "22万人", 0.985 % → "98.5%",
 * 0.001 ‰ → "1‰", 5500 人次 → "5500人次". Counts of 万 or more that divide into 万 with at most
 * two decimals print in 万; others print in full, never as a raw float.
 */
export function formatNumber(value: number, unit: string | null): string {
  if (unit === "%") return `${trim(round(value * 100))}%`;
  if (unit === "‰") return `${trim(round(value * 1000))}‰`;
  const u = unit ?? "";
  if (Math.abs(value) >= 1e8 && Number.isInteger(round((value / 1e8) * 100))) return `${trim(round(value / 1e8))}亿${u}`;
  if (Math.abs(value) >= 1e4 && value % 1e4 === 0) return `${trim(round(value / 1e4))}万${u}`;
  if (Math.abs(value) >= 1e4 && Number.isInteger(round((value / 1e4) * 100))) return `${trim(round(value / 1e4))}万${u}`;
  return `${trim(round(value))}${u}`;
}

function trim(n: number): string {
  // At most four decimals: enough for any printed figure, never a float tail.
  return String(Number(n.toFixed(4)));
}
