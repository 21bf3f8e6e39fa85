// 表10 (项目支出表) and the budget units.
import type { Document, Table10 } from "../../prisma/seed/document";
import type { Line } from "./extract-lines";
import type { ExtractProblem } from "./types";

export function readTable10(lines: readonly Line[], problems: ExtractProblem[]): Table10 {
  void lines; void problems;
  return { table: "10", projects: [] };
}

export function readUnits(sections: readonly { table: string; lines: Line[] }[], problems: ExtractProblem[]): Document["units"] {
  void sections; void problems;
  return [];
}
