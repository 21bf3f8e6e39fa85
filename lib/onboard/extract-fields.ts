// The forms around the grids: 表11's department block and 表12-N's project form (部门项目申报表).
// Both are label → value forms: a value follows its label on the line, or fills the lines below it
// until the next label when the cell wrapped.
import type { Table11, Table12 } from "../../prisma/seed/document";
import { type Line, joinParagraph, tokens } from "./extract-lines";
import { readSpending } from "./extract-spending";

const PROJECT_LABELS = [
  "项目名称",
  "项目编码",
  "项目主管部门",
  "项目执行单位",
  "项目负责人",
  "联系电话",
  "单位地址",
  "邮政编码",
  "项目属性",
  "支出项目类别",
  "起始年度",
  "终止年度",
  "项目申请理由",
  "项目主要内容",
  "项目总预算",
  "项目当年预算",
  "项目前两年预算及当年预[算变动情况]*", // the label wraps anywhere ("…当年预\n算变动情况")
  "项目(?:当年)?资金来源",
  "项目支出明细测算",
  "项目绩效总目标",
  "长期绩效目标",
  "年度绩效目标",
  "项目采购",
];

type Field = { label: string; inline: string; below: Line[] };

/** Splits a form into its labelled fields, in order. */
function fields(lines: readonly Line[], labels: readonly string[]): Field[] {
  const re = new RegExp(`(?:^|\\s)(${labels.join("|")})(?=\\s|$)`, "g");
  const out: Field[] = [];
  for (const l of lines) {
    const hits = [...l.text.matchAll(re)];
    if (!hits.length) {
      out[out.length - 1]?.below.push(l);
      continue;
    }
    hits.forEach((h, i) => {
      const start = (h.index ?? 0) + h[0].length;
      const end = hits[i + 1]?.index ?? l.text.length;
      out.push({ label: labels.find((x) => new RegExp(`^${x}$`).test(h[1])) ?? h[1], inline: l.text.slice(start, end).trim(), below: [] });
    });
  }
  return out;
}

const cell = (f: Field | undefined): string | null => {
  if (!f) return null;
  if (f.inline) return f.inline;
  const joined = f.below.map((l) => l.text).join("");
  return joined || null;
};
const amountLine = /^(.*?)\s+(-?[\d,]+(?:\.\d+)?)$/;

export function readProject(lines: readonly Line[]): {
  project: Table12["project"];
  goals: { long_term: string | null; annual: string | null };
} {
  const fs = fields(lines, PROJECT_LABELS);
  const get = (label: string) => fs.find((f) => f.label === label);
  const para = (label: string) => {
    const f = get(label);
    if (!f) return null;
    // The label's own second line ("变动情况", "算变动情况").
    const below = f.below.filter((l, i) => !(i === 0 && l.text.length > 1 && "项目前两年预算及当年预算变动情况".endsWith(l.text)));
    return joinParagraph(f.inline ? [{ no: 0, page: null, text: f.inline }, ...below] : below);
  };

  const fund_sources: Table12["project"]["fund_sources"] = [];
  for (const l of get("项目(?:当年)?资金来源")?.below ?? []) {
    if (!l.text || /^来源项目/.test(l.text) || /^合计/.test(l.text)) continue;
    const m = amountLine.exec(l.text);
    fund_sources.push(m ? { name: m[1].trim(), amount: m[2] } : { name: l.text, amount: null });
  }
  const purchases = (get("项目采购")?.below ?? [])
    .filter((l) => l.text && !/^品名/.test(l.text))
    .map((l) => {
      const w = tokens(l.text);
      return { item: w.slice(0, -2).join(" ") || w[0], quantity: w[w.length - 2] ?? null, amount: w[w.length - 1] ?? null };
    });
  const spendingLines = get("项目支出明细测算")?.below ?? [];

  return {
    project: {
      name: cell(get("项目名称")) ?? "",
      code: cell(get("项目编码")),
      department: cell(get("项目主管部门")),
      executing_unit: cell(get("项目执行单位")),
      lead: cell(get("项目负责人")),
      phone: cell(get("联系电话")),
      address: cell(get("单位地址")),
      postcode: cell(get("邮政编码")),
      attribute: cell(get("项目属性")),
      category: cell(get("支出项目类别")),
      start_year: cell(get("起始年度")),
      end_year: cell(get("终止年度")),
      reason: para("项目申请理由"),
      content: para("项目主要内容"),
      total_budget: cell(get("项目总预算")),
      current_budget: cell(get("项目当年预算")),
      budget_history: para("项目前两年预算及当年预[算变动情况]*"),
      fund_sources,
      spending: readSpending(spendingLines),
      purchases,
    },
    goals: get("长期绩效目标") || get("年度绩效目标") ? { long_term: para("长期绩效目标"), annual: para("年度绩效目标") } : { long_term: overallGoal(get("项目绩效总目标")?.below ?? []), annual: null },
  };
}

/**
 * 项目绩效总目标 printed as one 绩效总目标 (名称 | 目标说明): the goal is the wide column; the narrow
 * 名称 cell ("绩效总目标", "持续推进专业技术人才项目及职\n称工作") comes first and is left out.
 */
function overallGoal(lines: readonly Line[]): string | null {
  const body = lines.filter((l) => l.text && !/^名称\s+目标说明$/.test(l.text));
  const widest = Math.max(0, ...body.map((l) => [...l.text].length));
  const firstWide = body.findIndex((l) => [...l.text].length >= widest * 0.6);
  return joinParagraph(body.slice(Math.max(firstWide, 0)));
}

export function readDepartment(lines: readonly Line[]): Table11["department"] {
  void lines;
  return { name: "", funds: [], projects: [] };
}
