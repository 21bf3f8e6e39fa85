// 项目支出明细测算: the spending lines of a 表12 project form.
//
// Each row prints as blocks (runs of lines between blank lines): 项目活动, 活动内容表述, 支出经济分类,
// then the 金额 line ("798.2", "商品和服务支出 1854.34" or "66.84 事业单位…"), 测算依据 and 备注.
// The 金额 line anchors the row: the blocks before it are, from the anchor backwards, 经济分类
// (unless on the anchor line), 内容表述 and 项目活动; after it come 测算依据 and, when the table
// has them, 备注.
import { type Line, joinParagraph, tokens } from "./extract-lines";

export type Spending = {
  activity: string | null;
  description: string | null;
  economic_class: string | null;
  amount: string | null;
  basis: string | null;
  note: string | null;
};

const HEADER = /^(项目活动|项目|活动内容表述|活动内容|活动|表述|支出经济分类|支出经济分|支出经济|分类|类|金额|测算依据及说明|备注|\s)+$/;
const AMOUNT = /^\d[\d,]*(\.\d+)?$/;

type Anchor = { before: string; amount: string; after: string };
type Block = { lines: Line[]; anchor?: Anchor };

function anchorOf(text: string): Anchor | null {
  const w = tokens(text);
  const k = w.findIndex((x) => AMOUNT.test(x));
  if (k < 0 || (k > 0 && w.slice(0, k).some((x) => /\d/.test(x)))) return null;
  return { before: w.slice(0, k).join(""), amount: w[k], after: w.slice(k + 1).join(" ") };
}

function blocksOf(lines: readonly Line[]): Block[] {
  const out: Block[] = [];
  let cur: Line[] = [];
  const flush = () => {
    if (cur.length) out.push({ lines: cur });
    cur = [];
  };
  for (const l of lines) {
    if (!l.text || HEADER.test(l.text) || /^合计\s+[\d,.]+$/.test(l.text)) {
      flush();
      continue;
    }
    const a = anchorOf(l.text);
    if (a) {
      flush();
      out.push({ lines: [l], anchor: a });
    } else cur.push(l);
  }
  flush();
  return out;
}

const text = (bs: readonly Block[]) => (bs.length ? bs.map((b) => b.lines.map((l) => l.text).join("")).join("") : null);

export function readSpending(lines: readonly Line[]): Spending[] {
  const blocks = blocksOf(lines);
  const anchors = blocks.flatMap((b, i) => (b.anchor ? [i] : []));
  // The basis: the anchor line's text after the amount and the lines right below it, or else the next block.
  const basisOf = (i: number): { lines: Line[]; used: number } => {
    const a = blocks[i].anchor as Anchor;
    const next = blocks[i + 1] as Block | undefined;
    const usable = next && !next.anchor ? next : undefined;
    const adjacent = !!usable && usable.lines[0].no === blocks[i].lines[0].no + 1;
    const head = a.after ? [{ ...blocks[i].lines[0], text: a.after, raw: a.after }] : [];
    if (a.after && !adjacent) return { lines: head, used: 0 };
    return { lines: [...head, ...(usable?.lines ?? [])], used: usable ? 1 : 0 };
  };
  // A table with 备注 fills it on its rows: what is left after the last row's basis is its note.
  const last = anchors[anchors.length - 1];
  const hasNotes = last !== undefined && blocks.length > last + 1 + basisOf(last).used;

  const out: Spending[] = [];
  anchors.forEach((ai, r) => {
    const a = blocks[ai].anchor as Anchor;
    const prev = anchors[r - 1];
    const from = prev === undefined ? 0 : prev + 1 + basisOf(prev).used + (hasNotes ? 1 : 0);
    const own = blocks.slice(from, ai);
    const econ = a.before || text(own.slice(-1));
    const rest = a.before ? own : own.slice(0, -1);
    const basis = basisOf(ai);
    const note = hasNotes ? blocks[ai + 1 + basis.used] : undefined;
    // A row with no cells of its own before the amount shares the merged 活动/表述 cells above it.
    const above = !rest.length ? out[out.length - 1] : undefined;
    out.push({
      activity: above ? above.activity : rest.length > 1 ? text(rest.slice(0, -1)) : null,
      description: above ? above.description : text(rest.slice(-1)),
      economic_class: econ || null,
      amount: a.amount,
      basis: joinParagraph(basis.lines),
      note: note && !note.anchor ? text([note]) : null,
    });
  });
  return out;
}
