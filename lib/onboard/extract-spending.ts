// 项目支出明细测算: the spending lines of a 表12 project form.
import type { Line } from "./extract-lines";

export type Spending = { activity: string | null; description: string | null; economic_class: string | null; amount: string | null; basis: string | null; note: string | null };

export function readSpending(lines: readonly Line[]): Spending[] {
  void lines;
  return [];
}
