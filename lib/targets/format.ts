// Displays values the way the document prints them: "22万人", "98.5%", "1‰", "5500人次", "60万元".
import { unitCategory } from "./lexicon";

/** Twelve significant digits hide binary noise (0.985 × 100 = 98.50000000000001); printed figures never need more than two decimals. */
function plain(n: number): string {
  let c = Number(n.toPrecision(12));
  // Computed figures (a ninth of a target, an average) show at most two decimals: 20022.22份.
  if (Math.abs(c) >= 1) c = Math.round(c * 100) / 100;
  if (c !== 0 && Math.abs(c) < 1e-6) return c.toFixed(12).replace(/\.?0+$/, "");
  if (Math.abs(c) >= 1e21) return c.toLocaleString("en-US", { useGrouping: false });
  return String(c);
}

/**
 * Counts switch to 万 where the document does: from 10万 up when whole hundreds (18.23万笔),
 * between 1万 and 10万 only for whole thousands (2.6万人, but 19668人次 and 24950人次).
 */
function scaled(n: number): string {
  const abs = Math.abs(n);
  if (Number.isInteger(n) && abs >= 1e8 && n % 1e6 === 0) return `${plain(n / 1e8)}亿`;
  if (Number.isInteger(n) && abs >= 1e4 && (n % 1000 === 0 || (abs >= 1e5 && n % 100 === 0))) {
    return `${plain(n / 1e4)}万`;
  }
  return plain(n);
}

export function formatNumber(value: number, unit: string | null): string {
  if (!Number.isFinite(value)) return "—";
  if (unit === "%") return `${plain(value * 100)}%`;
  if (unit === "‰") return `${plain(value * 1000)}‰`;
  const cat = unit === null ? "count" : unitCategory(unit);
  if (cat === "count") return `${scaled(value)}${unit ?? ""}`;
  return `${plain(value)}${unit}`;
}
