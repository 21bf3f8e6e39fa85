// The forms around the grids: 表11's department block and 表12-N's project form.
import type { Table11, Table12 } from "../../prisma/seed/document";
import type { Line } from "./extract-lines";

export function readDepartment(lines: readonly Line[]): Table11["department"] {
  void lines;
  return { name: "", funds: [], projects: [] };
}

export function readProject(lines: readonly Line[]): { project: Table12["project"]; goals: { long_term: string | null; annual: string | null } } {
  void lines;
  return { project: { name: "", executing_unit: null, total_budget: null, current_budget: null, fund_sources: [] }, goals: { long_term: null, annual: null } };
}
