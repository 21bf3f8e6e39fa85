// 表10 (项目支出表) and the budget units (预算单位) listed in the document's tables.
//
// 表10's empty amount cells vanish from the text, so a row prints its 合计 and only its non-empty
// columns. Which columns those are is decided by arithmetic: the department row's columns by how
// often budgets use each column, then every project's so that projects add up to the department
// column by column, and every second-level project's so that they add up to their project.
import type { Document, Table10 } from "../../prisma/seed/document";
import { type Line, problem, tokens } from "./extract-lines";
import type { ExtractProblem } from "./types";

export const AMOUNT_COLUMNS = [
  "total",
  "current_general",
  "current_fund",
  "current_soe",
  "carry_general",
  "carry_fund",
  "carry_soe",
  "special_account",
  "unit_funds",
] as const;
type Column = (typeof AMOUNT_COLUMNS)[number];
const PARTS = AMOUNT_COLUMNS.slice(1);
/** How common each column is in department budgets: a tie-break when the sums allow several placings. */
const PRIOR: Column[] = ["current_general", "unit_funds", "carry_general", "special_account", "current_fund", "carry_fund", "current_soe", "carry_soe"];

const AMOUNT = /^-?[\d,]+\.\d+$/;
const CODE = /^[0-9A-Z]{10,}$/;
const cents = (s: string) => Math.round(Number(s.replace(/,/g, "")) * 100);

type Raw = { code: string; name: string; unit: string; amounts: string[]; depth: number; at: Line };

/** Order-preserving choices of k columns out of `from`, most common columns first. */
function placings(k: number, from: readonly Column[]): Column[][] {
  const out: Column[][] = [];
  const pick = (start: number, acc: Column[]) => {
    if (acc.length === k) return void out.push(acc);
    for (let i = start; i < from.length; i++) pick(i + 1, [...acc, from[i]]);
  };
  pick(0, []);
  const rank = (p: Column[]) => p.reduce((n, c) => n + PRIOR.indexOf(c), 0);
  return out.sort((a, b) => rank(a) - rank(b));
}

/** Places each row's parts into columns so that, column by column, they add up to `target`. */
function solve(rows: readonly string[][], target: Readonly<Record<Column, string | null>>): Column[][] | null {
  const cols = PARTS.filter((c) => target[c] != null);
  const goal = new Map(cols.map((c) => [c, cents(target[c] ?? "0")]));
  const sums = new Map(cols.map((c) => [c, 0]));
  const chosen: Column[][] = [];
  let steps = 0;
  const dfs = (i: number): boolean => {
    if (++steps > 200_000) return false;
    if (i === rows.length) return cols.every((c) => sums.get(c) === goal.get(c));
    for (const p of placings(rows[i].length, cols)) {
      const ok = p.every((c, j) => (sums.get(c) ?? 0) + cents(rows[i][j]) <= (goal.get(c) ?? 0));
      if (!ok) continue;
      p.forEach((c, j) => sums.set(c, (sums.get(c) ?? 0) + cents(rows[i][j])));
      chosen.push(p);
      if (dfs(i + 1)) return true;
      chosen.pop();
      p.forEach((c, j) => sums.set(c, (sums.get(c) ?? 0) - cents(rows[i][j])));
    }
    return false;
  };
  return dfs(0) ? chosen : null;
}

function amountsOf(total: string, parts: readonly string[], cols: readonly Column[] | null): Record<Column, string | null> {
  const a = Object.fromEntries(AMOUNT_COLUMNS.map((c) => [c, null])) as Record<Column, string | null>;
  a.total = total;
  (cols ?? []).forEach((c, i) => (a[c] = parts[i]));
  return a;
}

function rowsOf(lines: readonly Line[]): { dept: Raw | null; rows: Raw[] } {
  let dept: Raw | null = null;
  const rows: Raw[] = [];
  let cur: { raw: Raw; name: boolean; nameOpen: boolean; blank: boolean } | null = null;
  for (const l of lines) {
    if (!l.text) {
      if (cur) cur.blank = true;
      continue;
    }
    const w = tokens(l.text);
    const isDept = /^\d{3,6}$/.test(w[0]) && w.length > 2 && AMOUNT.test(w[w.length - 1]);
    if (isDept && !cur) {
      dept = { code: w[0], name: w[1], unit: "", amounts: w.filter((x) => AMOUNT.test(x)), depth: 0, at: l };
      continue;
    }
    if (CODE.test(w[0])) {
      const depth = (/^[\s　]*/.exec(l.raw ?? l.text)?.[0].length ?? 0) >= 2 ? 2 : 1;
      cur = { raw: { code: w[0], name: "", unit: "", amounts: [], depth, at: l }, name: w.length > 1, nameOpen: w.length === 1, blank: false };
      w.shift();
    } else if (!cur) continue;
    const r = cur.raw;
    const amounts: string[] = [];
    while (w.length && AMOUNT.test(w[w.length - 1])) amounts.unshift(w.pop() as string);
    if (w.length) {
      if (!r.name) {
        r.name = w.shift() as string; // the name, on the code's line or the next
        cur.nameOpen = !amounts.length;
      } else if (cur.nameOpen && !cur.blank && r.depth === 2 && !cur.name) {
        r.name += w.shift() as string; // the name wrapped ("…办案及工\n作经费")
      }
      if (w.length) r.unit += w.join("");
      if (r.unit) cur.nameOpen = false;
    }
    cur.blank = false;
    if (amounts.length) {
      r.amounts = amounts;
      rows.push(r);
      cur = null;
    }
  }
  return { dept, rows };
}

export function readTable10(lines: readonly Line[], problems: ExtractProblem[]): Table10 {
  const { dept, rows } = rowsOf(lines);
  const unplaced = (r: Raw) =>
    problems.push(problem("unreadable_row", "10", r.at, "金额无法按列对齐（各列合计不符）", "the amounts cannot be placed in their columns (the column totals disagree)", r.at.text));
  const deptParts = dept?.amounts.slice(1) ?? [];
  const deptCols = placings(deptParts.length, PARTS)[0] ?? [];
  const total = amountsOf(dept?.amounts[0] ?? "", deptParts, deptCols);

  const projects = rows.filter((r) => r.depth === 1);
  const projectCols = solve(
    projects.map((p) => p.amounts.slice(1)),
    total,
  );
  if (!projectCols && projects.length) unplaced(projects[0]);
  const out: Table10["projects"] = [];
  projects.forEach((p, i) => {
    const amounts = amountsOf(p.amounts[0], p.amounts.slice(1), projectCols?.[i] ?? null);
    const start = rows.indexOf(p);
    const next = rows.findIndex((r, j) => j > start && r.depth === 1);
    const kids = rows.slice(start + 1, next < 0 ? rows.length : next);
    const kidCols = solve(
      kids.map((k) => k.amounts.slice(1)),
      amounts,
    );
    if (!kidCols && kids.length) unplaced(kids[0]);
    out.push({
      code: p.code,
      name: p.name,
      amounts,
      children: kids.map((k, j) => ({ code: k.code, name: k.name, unit: k.unit, amounts: amountsOf(k.amounts[0], k.amounts.slice(1), kidCols?.[j] ?? null) })),
    });
  });
  return { table: "10", total, projects: out };
}

/** The budget units: "　503002 　武汉市…机关 amounts" rows under the department's own code, longest printing of each. */
export function readUnits(sections: readonly { table: string; lines: Line[] }[], problems: ExtractProblem[]): Document["units"] {
  const lines = sections.filter((s) => !/^1[012]/.test(s.table)).flatMap((s) => s.lines);
  const dept = lines.map((l) => /^(\d{3,6})\s+\S+\s+-?[\d,]+(\.\d+)?\b/.exec(l.text)?.[1]).find(Boolean);
  if (!dept) {
    problems.push(problem("unknown_layout", null, null, "未找到部门编码及其预算单位", "the department's code and its budget units were not found"));
    return [];
  }
  const units = new Map<string, string>();
  const re = new RegExp(`^(${dept}\\d{3})\\s+(\\S+)`);
  const alone = new RegExp(`^(${dept}\\d{3})$`);
  lines.forEach((l, i) => {
    const text = l.text.replace(/^\s+/, "");
    let code = re.exec(text)?.[1];
    let name = re.exec(text)?.[2] ?? "";
    if (!code && alone.test(text)) {
      // The code alone, the name wrapped below it until the blank line.
      code = text;
      for (let j = i + 1; j < lines.length && lines[j].text && !AMOUNT.test(tokens(lines[j].text)[0]); j++) name += tokens(lines[j].text)[0];
    }
    if (code && name && !AMOUNT.test(name) && name.length > (units.get(code)?.length ?? 0)) units.set(code, name);
  });
  return [...units.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, name]) => ({ code, name }));
}
