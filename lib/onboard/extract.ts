// Reads a department budget (部门预算) as pdftotext prints it into the seed document's shapes
// (prisma/data/<year>/*.json, see prisma/data/FORMAT.md). Pure: text in, tables and problems out.
import type { AnnualRow, LongRow, Table11, Table12 } from "../../prisma/seed/document";
import { readIndicatorTable, type ParsedRow, type Term } from "./extract-indicators";
import { type Line, problem, toLines } from "./extract-lines";
import { readDepartment, readProject } from "./extract-fields";
import { readTable10, readUnits } from "./extract-table10";
import type { Extraction, ExtractProblem, RowSource } from "./types";

const TABLE_MARK = /^表\s*(\d+(?:-\d+)?)$/;
const PART_MARK = /^第[一二三四五六七八九十]+部分/;

export type Section = { table: string; lines: Line[] };

function sections(lines: readonly Line[]): Section[] {
  const out: Section[] = [];
  for (const l of lines) {
    const m = TABLE_MARK.exec(l.text);
    if (m) out.push({ table: m[1], lines: [l] });
    else if (PART_MARK.test(l.text)) out.push({ table: "", lines: [l] }); // the explanatory part after the tables
    else out[out.length - 1]?.lines.push(l);
  }
  return out;
}

/** The budget year: the 当年 column of the goal tables ("预计当年实现 (2024年)"), else the title's year. */
function readYear(lines: readonly Line[]): number | null {
  for (let i = 0; i < lines.length; i++) {
    if (!/预[计期]当年/.test(lines[i].text)) continue;
    for (const l of lines.slice(i, i + 4)) {
      const m = /[(（](\d{4})年[)）]/.exec(l.text);
      if (m) return Number(m[1]);
    }
  }
  // The title: "…2024 年部门预算", "2023年项目支出绩效目标申报表", "(2022年度)".
  const title = lines.filter((l) => l.text).slice(0, 12).map((l) => l.text).join("\n");
  const m = /(\d{4})\s*年\s*部门预算/.exec(title) ?? /(?:^|[^\d.])(\d{4})\s*年/m.exec(title);
  return m ? Number(m[1]) : null;
}

/** The grid's header prints 前年/上年 columns (三 values a row) or only the 指标值 (one, the budget year's). */
function printedYears(header: readonly Line[], year: number): number[] {
  return header.some((l) => /前年|上年|近两年/.test(l.text)) ? [year - 2, year - 1, year] : [year];
}

const indexOf = (lines: readonly Line[], re: RegExp, from = 0) => {
  for (let i = from; i < lines.length; i++) if (re.test(lines[i].text)) return i;
  return -1;
};

export function extractBudget(text: string): Extraction {
  const lines = toLines(text);
  const problems: ExtractProblem[] = [];
  const rows: RowSource[] = [];
  const year = readYear(lines) ?? new Date().getFullYear();
  const years = [year - 2, year - 1, year];
  const all = sections(lines);
  const last = lines[lines.length - 1]?.no;
  const read = (table: string, term: Term, goalNo: number | null, part: Line[]): ParsedRow[] => {
    const head = part.slice(0, 30);
    const endsText = part.length > 0 && part[part.length - 1].no === last;
    const r = readIndicatorTable({ table, term, goalNo, years, printed: term === "annual" ? printedYears(head, year) : undefined, endsText, lines: part });
    problems.push(...r.problems);
    r.rows.forEach((x, index) => rows.push({ table, term, goalNo, index, from: x.from, to: x.to }));
    return r.rows;
  };

  // 表11: the department's goals, each "长期目标N：…" / "年度目标N：…" followed by its indicator grid.
  const s11 = all.find((s) => s.table === "11");
  let table11: Table11 | null = null;
  if (s11) {
    const long_term: Table11["long_term"] = [];
    const annual: Table11["annual"] = [];
    const starts = s11.lines.flatMap((l, i) => {
      const m = /^(长期|年度)目标\s*(\d+)\s*[：:]\s*(.*)$/.exec(l.text);
      if (!m) return [];
      const term: Term = m[1] === "长期" ? "long_term" : "annual";
      return [{ i, term, no: Number(m[2]), goal: m[3] }];
    });
    starts.forEach((s, k) => {
      const end = starts[k + 1]?.i ?? s11.lines.length;
      const part = s11.lines.slice(s.i + 1, end);
      const parsed = read("11", s.term, s.no, part).map((x) => x.row);
      if (s.term === "long_term") long_term.push({ goal_no: s.no, goal: s.goal.trim(), rows: parsed as LongRow[] });
      else annual.push({ goal_no: s.no, goal: s.goal.trim(), rows: parsed as AnnualRow[] });
    });
    const firstGoal = starts[0]?.i ?? s11.lines.length;
    table11 = { table: "11", department: readDepartment(s11.lines.slice(0, firstGoal)), long_term, annual };
  }

  // 表12-N: a project's form, then 长期绩效目标表 and 年度绩效目标表.
  const tables12: Table12[] = [];
  for (const s of all.filter((x) => /^12-\d+$/.test(x.table))) {
    // Either grid may be missing (a project with annual targets only); with neither heading, the
    // grid under the first header line is the year's.
    const lt = indexOf(s.lines, /^长期绩效目标表$/);
    let an = indexOf(s.lines, /^年度绩效目标表$/, Math.max(lt, 0));
    if (lt < 0 && an < 0) an = indexOf(s.lines, /三级指标/) - 1;
    if (lt < 0 && an < 0) {
      problems.push(problem("unknown_layout", s.table, s.lines[0], "未找到该表的绩效指标表格", "this table's indicator grid was not found", s.lines[0].text));
      continue;
    }
    const formEnd = lt >= 0 ? lt : an;
    const form = s.lines.slice(0, formEnd);
    const ltRows = lt >= 0 ? read(s.table, "long_term", null, s.lines.slice(lt + 1, an >= 0 ? an : undefined)).map((x) => x.row as LongRow) : [];
    const anRows = an >= 0 ? read(s.table, "annual", null, s.lines.slice(an + 1)).map((x) => x.row as AnnualRow) : [];
    const p = readProject(form);
    tables12.push({
      table: s.table,
      project: p.project,
      long_term: { goal: p.goals.long_term, rows: ltRows },
      annual: { goal: p.goals.annual, rows: anRows },
    });
  }

  // A document that is one project's 绩效目标申报表 (no 表N headings): the grid under its header line.
  if (!table11 && !tables12.length) {
    const at = indexOf(lines, /三级指标/);
    if (at >= 0) {
      const p = readProject(lines.slice(0, at));
      const anRows = read("12-1", "annual", null, lines.slice(at)).map((x) => x.row as AnnualRow);
      tables12.push({ table: "12-1", project: p.project, long_term: { goal: p.goals.long_term, rows: [] }, annual: { goal: p.goals.annual, rows: anRows } });
    }
  }

  const s10 = all.find((s) => s.table === "10");
  const table10 = s10 ? readTable10(s10.lines, problems) : { table: "10" as const, projects: [] };
  const units = s10 ? readUnits(all, problems) : [];

  if (!table11 && !tables12.length) {
    problems.push(problem("no_tables", null, null, "文档中没有找到绩效目标表（表11、表12 或绩效目标申报表）", "no performance-goal tables (表11, 表12 or a 绩效目标申报表) were found in the document"));
  }
  // Counts the document states twice: its projects in 表10 and 表11, and one 表12 per project.
  const listed = [
    { n: table10.projects.length, where: "表10", at: s10?.lines[0] },
    { n: table11?.department.projects.length ?? 0, where: "表11", at: s11?.lines[0] },
  ];
  for (const c of listed) {
    if (c.n && c.n !== tables12.length) {
      problems.push(
        problem("row_count", null, c.at ?? null, `${c.where}列出 ${c.n} 个项目，但文档中有 ${tables12.length} 张表12（项目绩效目标表）`, `${c.where} lists ${c.n} projects but the document holds ${tables12.length} 表12 project tables`),
      );
    }
  }
  return {
    year,
    document: {
      year,
      table11: table11 ?? { table: "11", department: { name: "", funds: [], projects: [] }, long_term: [], annual: [] },
      tables12,
      table10,
      units,
    },
    rows,
    problems,
    lineCount: lines.length,
  };
}
