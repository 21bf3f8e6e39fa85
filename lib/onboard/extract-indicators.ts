// Reads one indicator table (长期 or 年度绩效指标) from the PDF text's lines.
//
// The text is pdftotext's: a row whose cells fit on one line prints as "三级指标 值… 依据"; a row whose
// 三级指标 wraps prints the name's pieces first, then (after a blank line or not) the values line;
// a value that wraps continues on the line right after it. The merged 一级/二级 cells print once, before
// the first row they span, in the standard vocabulary (产出指标 / 数量指标 …), often broken mid-word.
// So a row ends at the line that holds the table's value columns (ncols, plus the 依据 when printed);
// whatever precedes it since the previous row is the name, after the leading category words.
import type { AnnualRow, LongRow } from "../../prisma/seed/document";
import { type Line, problem, tokens } from "./extract-lines";
import type { ExtractProblem } from "./types";

const LEVEL1 = ["产出指标", "效益指标", "满意度指标", "成本指标"];
const LEVEL2 = [
  "数量指标",
  "质量指标",
  "时效指标",
  "成本指标",
  "经济成本指标",
  "社会成本指标",
  "生态环境成本指标",
  "经济效益指标",
  "社会效益指标",
  "生态效益指标",
  "可持续影响指标",
  "服务对象满意度指标",
  "社会公众满意度指标",
  "社会公众或服务对象满意度指标",
];
const LEVEL_WORDS = [...new Set([...LEVEL1, ...LEVEL2])];
/** A piece of a category cell: any part of the vocabulary (the PDF breaks cells mid-word). */
const isLevelPiece = (s: string) => LEVEL_WORDS.some((w) => w.includes(s));

/** Column-header words of the indicator grid (printed once per table and again after a page break). */
const HEADER_WORDS =
  /^(一级|二级|三级|指标|一级指标|二级指标|三级指标|指标值|指标值确定|指标值确定依据|确定依据|确定依|依据|据|近两年指标值|预期当年|预计当年|预计当年实现|实现值|实现|前年|上年|当年|目标|名称|目标名称|[(（]?\d{4}年[)）]?|依据前年|指标值确定依据近两年指标值|(长期|年度)绩效指标)$/;
/** Every character of the header's words, which the PDF breaks anywhere ("指标值确\n定依据前年", "预计当年实\n现"). */
const HEADER_CHARS = /^[一二三级指标值确定依据近两年预期计当实现前上目名称度长绩效()（）\d]+$/;
const isHeaderLine = (t: string) => /三级指标|指标值确定/.test(t) || tokens(t).every((w) => HEADER_WORDS.test(w));
/** 指标值确定依据 as departments fill it: 计划标准, 行业标准, 历史标准, 其他标准, or a cited 依据. */
const isBasis = (s: string) => /(标准|依据|规定|文件)$/.test(s);
const VALUE_SHAPE = /^([≥≤<>=＞＜≧≦]|\d|\/$|[0-9.]+%|预计|约|不[低高少多超]于)/;

export type Term = "annual" | "long_term";
export type ParsedRow = { row: AnnualRow | LongRow; from: number; to: number };

export type IndicatorTable = {
  table: string;
  term: Term;
  goalNo: number | null;
  years: number[]; // the annual values' years (前年, 上年, 当年)
  printed?: number[]; // the years the grid prints a column for (default: all of years)
  endsText?: boolean; // the grid runs to the end of the text: an unfinished row there means a cut file
  lines: readonly Line[];
};

/** Lines printed vertically one character at a time (长/期/绩/效/目/标): the merged 目标名称 cell. */
function verticalLines(lines: readonly Line[]): Set<number> {
  const skip = new Set<number>();
  let run: Line[] = [];
  const flush = () => {
    if (run.length >= 3) run.forEach((l) => skip.add(l.no));
    run = [];
  };
  for (const l of lines) {
    if ([...l.text].length === 1 && /\p{Script=Han}/u.test(l.text)) run.push(l);
    else flush();
  }
  flush();
  return skip;
}

/** 二级 cells printed with no row under them ("经济效益指标\n\n社会效益指标\n\n<row>"): the last one holds the rows. */
function lastLevel2(text: string): string {
  const words: string[] = [];
  for (let rest = text; rest; ) {
    const w = LEVEL2.filter((x) => rest.startsWith(x)).sort((a, b) => b.length - a.length)[0];
    if (!w) return text;
    words.push(w);
    rest = rest.slice(w.length);
  }
  return words[words.length - 1] ?? text;
}

function splitLevels(text: string, current: { level1: string; level2: string }): { level1: string; level2: string } {
  const l1 = LEVEL1.filter((w) => text.startsWith(w)).sort((a, b) => b.length - a.length)[0];
  if (l1 && !(text === l1 && LEVEL2.includes(text) && current.level1 && current.level1 !== text)) {
    const rest = text.slice(l1.length);
    return { level1: l1, level2: rest ? lastLevel2(rest) : current.level2 };
  }
  return { level1: current.level1, level2: lastLevel2(text) };
}

/** Brackets opened minus closed: a cell split must not leave a name's bracket open or a value's closing one. */
const openBrackets = (s: string) => (s.match(/[（(]/g)?.length ?? 0) - (s.match(/[）)]/g)?.length ?? 0);
/** Text under the grid that is not a row: notes, sign-off boxes, who filled it in. */
const FOOTER = /^(注[:：]|说明[:：]|填表人|填报人[:：]|填报日期|单位负责人|财政部门|.*审核意见|.*[(（]盖章[)）]\s*$)/;

export function readIndicatorTable(t: IndicatorTable): { rows: ParsedRow[]; problems: ExtractProblem[] } {
  const printed = t.printed ?? t.years;
  const ncols = t.term === "annual" ? printed.length : 1;
  const rows: ParsedRow[] = [];
  const problems: ExtractProblem[] = [];
  const vertical = verticalLines(t.lines);
  const cur = { level1: "", level2: "" };
  let levelBuf: string[] = [];
  let name: Line[] = [];
  let headerMode = true;
  let blankBefore = true;
  let lastOpen = false; // the row just read may continue on the next line (a wrapped value)
  let lastValues: string[] = [];
  let cells: string[] | null = null;
  // A grid whose rows print their 依据 has it on every values line: a lone line there is a name's piece.
  const hasBasis = t.lines.some((l) => {
    const w = tokens(l.text);
    return w.length > 1 && isBasis(w[w.length - 1]) && !isHeaderLine(l.text);
  });
  const nextContent = (i: number): { line: Line; adjacent: boolean } | null => {
    for (let j = i + 1, adjacent = true; j < t.lines.length; j++) {
      if (t.lines[j].text && !vertical.has(t.lines[j].no)) return { line: t.lines[j], adjacent };
      adjacent = false;
    }
    return null;
  };

  const applyLevels = () => {
    if (levelBuf.length) Object.assign(cur, splitLevels(levelBuf.join(""), cur));
    levelBuf = [];
  };
  const emit = (values: string[], basis: string | null, nameTail: string, at: Line, firstLine: number) => {
    applyLevels();
    const fullName = name.map((l) => l.text).join("") + nameTail;
    const from = Math.min(firstLine, name[0]?.no ?? at.no);
    if (!fullName || !cur.level1 || !cur.level2) {
      problems.push(
        problem("unreadable_row", t.table, at, "无法读出该行的指标名称或一级/二级指标", "cannot read this row's indicator name or 一级/二级 category", at.text),
      );
    }
    const row: AnnualRow | LongRow =
      t.term === "annual"
        ? { level1: cur.level1, level2: cur.level2, name: fullName, values: Object.fromEntries(t.years.map((y) => [String(y), printed.includes(y) ? (values[printed.indexOf(y)] ?? null) : null])), basis }
        : { level1: cur.level1, level2: cur.level2, name: fullName, value: values[0] ?? "", basis };
    rows.push({ row, from, to: at.no });
    lastValues = values;
    lastOpen = true;
    name = [];
  };

  let levelStart = 0;
  for (let i = 0; i < t.lines.length; i++) {
    const line = t.lines[i];
    const text = line.text;
    if (!text || vertical.has(line.no)) {
      blankBefore = true;
      lastOpen = false;
      continue;
    }
    if ((headerMode && HEADER_CHARS.test(text.replace(/\s/g, ""))) || (isHeaderLine(text) && (headerMode || /三级指标|指标值确定/.test(text)))) {
      // A header repeated after a page break: its first words ("一级", "指标") were taken as a name.
      if (!headerMode) name = name.filter((l) => !HEADER_WORDS.test(l.text));
      headerMode = true;
      blankBefore = true;
      continue;
    }
    headerMode = false;
    if (FOOTER.test(text)) break;
    const toks = tokens(text);
    // A category after a blank line while a name waits for its values: that name's row has no values.
    if (name.length && blankBefore && toks.every(isLevelPiece) && LEVEL_WORDS.some((w) => w.startsWith(toks[0])) && toks.join("").length > 1 && openBrackets(name.map((l) => l.text).join("")) === 0) {
      problems.push(
        problem("unreadable_row", t.table, name[0], "该行没有指标值", "this row has no target value", name.map((l) => l.text).join("\n")),
      );
      name = [];
      applyLevels(); // the categories were that row's
    }

    // The rest of a value that wrapped onto the next line.
    if (lastOpen && !blankBefore && !name.length && !levelBuf.length && toks.length <= ncols && !toks.every(isLevelPiece)) {
      const vs = lastValues;
      vs[vs.length - 1] += toks.join("");
      const r = rows[rows.length - 1];
      if ("value" in r.row) r.row.value = vs[0];
      else r.row.values[String(printed[vs.length - 1])] = vs[vs.length - 1];
      r.to = line.no;
      continue;
    }
    lastOpen = false;

    // Values printed one cell per block ("10000人次\n以上\n\n10000人次\n以上\n\n10000人次以上").
    if (cells) {
      if (!blankBefore && toks.length === 1 && !VALUE_SHAPE.test(toks[0])) {
        cells[cells.length - 1] += toks[0];
        continue;
      }
      if (toks.every((w) => VALUE_SHAPE.test(w)) && cells.length + toks.length <= ncols) {
        cells.push(...toks);
        blankBefore = false;
        if (cells.length === ncols) {
          const vs = cells;
          cells = null;
          emit(vs, null, "", line, name[0]?.no ?? line.no);
        }
        continue;
      }
      name.push({ ...line, text: cells.join("") });
      cells = null;
    }
    if (name.length && blankBefore && toks.length < ncols && toks.every((w) => VALUE_SHAPE.test(w))) {
      cells = toks;
      blankBefore = false;
      continue;
    }

    if (!name.length) {
      const peeled: string[] = [];
      while (toks.length && isLevelPiece(toks[0])) peeled.push(toks.shift() as string);
      // A name that is itself a category word ("服务对象满意度 95%") keeps its last word.
      const valueCount = toks.length - (toks.length > 1 && isBasis(toks[toks.length - 1]) ? 1 : 0);
      if (peeled.length && valueCount === ncols) toks.unshift(peeled.pop() as string);
      if (peeled.length && !levelBuf.length) levelStart = line.no;
      levelBuf.push(...peeled);
      if (!toks.length) {
        blankBefore = false;
        continue;
      }
    }
    const basis = toks.length > 1 && isBasis(toks[toks.length - 1]) ? (toks.pop() as string) : null;
    const k = toks.length;
    const first = levelBuf.length ? levelStart : line.no;
    const sofar = name.map((l) => l.text).join("");
    const splitOk = (n: number) => openBrackets(sofar + toks.slice(0, n).join("")) === 0 && toks.slice(n).every((v) => openBrackets(v) === 0);
    if (!name.length && k > 1 && k < ncols + 1 && !VALUE_SHAPE.test(toks[0]) && toks.slice(1).every((v) => VALUE_SHAPE.test(v))) {
      // A row with fewer values than the table has columns: say so, and do not guess which is missing.
      problems.push(
        problem("unreadable_row", t.table, line, `该行只有 ${k - 1} 个指标值，表中应有 ${ncols} 个`, `this row has ${k - 1} target value(s) where the table has ${ncols}`, line.text),
      );
      applyLevels();
    } else if (k > ncols && splitOk(k - ncols)) {
      emit(toks.slice(k - ncols), basis, toks.slice(0, k - ncols).join(" "), line, first);
    } else if (k === ncols && (name.length || basis) && splitOk(0) && (ncols > 1 || basis || valueOnly(line, i))) {
      emit(toks, basis, "", line, first);
    } else {
      if (basis) toks.push(basis);
      name.push({ ...line, text: toks.join(" ") });
    }
    blankBefore = false;
  }
  if (name.length || levelBuf.length || cells) {
    const at = name[0] ?? t.lines[t.lines.length - 1];
    const text = name.map((l) => l.text).join("\n") || levelBuf.join("");
    problems.push(
      t.endsText
        ? problem("truncated", t.table, at, "文件在表格中间结束（最后一行不完整），可能被截断", "the file ends in the middle of a table (its last row is incomplete): it may be truncated", text)
        : problem("unreadable_row", t.table, at, "这些行没有找到指标值，未能读成指标行", "no target values were found for these lines, so they were not read as a row", text),
    );
  }
  return { rows, problems };

  /** With one value column, a lone line after the name is its value unless the name is still open. */
  function valueOnly(line: Line, i: number): boolean {
    if (!name.length) return false;
    const sofar = name.map((l) => l.text).join("");
    const open = (sofar.match(/[（(]/g)?.length ?? 0) > (sofar.match(/[）)]/g)?.length ?? 0);
    if (open || !blankBefore || hasBasis) return false;
    const next = nextContent(i);
    // The line right after it holds the values: this one is the name's last piece.
    const after = next?.adjacent ? tokens(next.line.text) : [];
    if (after.length && !VALUE_SHAPE.test(line.text) && (VALUE_SHAPE.test(after[0]) || (after.length > 1 && isBasis(after[after.length - 1])))) return false;
    return true;
  }
}
