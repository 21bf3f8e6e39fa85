// The forms around the grids: 表11's department block and 表12-N's project form (部门项目申报表).
// Both are label → value forms: a value follows its label on the line, or fills the lines below it
// until the next label when the cell wrapped.
import type { Table11, Table12 } from "../../prisma/seed/document";
import { type Line, joinParagraph, tokens } from "./extract-lines";
import { readSpending } from "./extract-spending";

const PROJECT_LABELS = [
  "项目名称",
  "项目支出名称",
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
      name: cell(get("项目名称")) ?? cell(get("项目支出名称")) ?? "",
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

const DEPT_LABELS = ["部门（单位）", "部门\\(单位\\)", "填报人", "联系电话", "部门总体", "部门职能概述", "年度工作任务", "项目支出情况", "整体绩效目标"];
const FUND_ROW = /^(\S+)\s+([\d,]+(?:\.\d+)?)\s+([\d.]+%)\s+([\d,]+(?:\.\d+)?)\s+([\d,]+(?:\.\d+)?)$/;
const PROJECT_ROW = /^(?:(\S+)\s+)?(\S+类)\s+([\d,]+(?:\.\d+)?)\s+([\d,]+(?:\.\d+)?)$/;

/** 表11's head: the department, its funds (收入/支出构成), 职能概述, 年度工作任务 and its projects. */
export function readDepartment(lines: readonly Line[]): Table11["department"] {
  const fs = fields(lines, DEPT_LABELS);
  const get = (label: string) => fs.find((f) => f.label === label);
  const unit = get("部门（单位）") ?? get("部门\\(单位\\)");
  const name = unit ? (unit.inline.replace(/^名称\s*/, "") || unit.below.find((l) => l.text && l.text !== "名称")?.text) : undefined;

  // 总体资金情况: "收入\n构成" / "支出\n构成" groups, the year columns from the header ("2023年 2022年").
  const funds: Record<string, string>[] = [];
  const fundLines = get("部门总体")?.below ?? [];
  const years = fundLines.flatMap((l) => (/^(\d{4}年\s*)+$/.test(l.text) ? [...l.text.matchAll(/(\d{4})年/g)].map((m) => m[1]) : []));
  let group = "";
  let pieces = "";
  for (const l of fundLines) {
    const m = FUND_ROW.exec(l.text);
    if (m) {
      funds.push({ group, item: m[1], amount: m[2], share: m[3], [`y${years[0] ?? "1"}`]: m[4], [`y${years[1] ?? "2"}`]: m[5] });
      pieces = "";
    } else if (l.text && !/金额|占比|\d{4}年|资金情况/.test(l.text)) {
      pieces += l.text;
      if (/构成$/.test(pieces)) [group, pieces] = [pieces, ""];
    }
  }

  // 项目支出情况: name (wrapped), then "类别 总预算 本年度预算", then the purpose as one block.
  const projects: Record<string, string>[] = [];
  const pl = get("项目支出情况")?.below ?? [];
  const start = pl.findIndex((l) => /主要支出方向/.test(l.text)) + 1;
  let pending: string[] = [];
  for (let i = start; i < pl.length; i++) {
    const m = PROJECT_ROW.exec(pl[i].text);
    if (!m) {
      if (pl[i].text) pending.push(pl[i].text);
      continue;
    }
    let j = i + 1;
    while (j < pl.length && !pl[j].text) j++;
    const purpose: Line[] = [];
    for (; j < pl.length && pl[j].text; j++) purpose.push(pl[j]);
    projects.push({ name: pending.join("") + (m[1] ?? ""), category: m[2], total: m[3], current: m[4], purpose: joinParagraph(purpose) ?? "" });
    pending = [];
    i = j;
  }
  const filler = cell(get("填报人"));
  const phone = cell(get("联系电话"));
  return {
    name: name ?? "",
    ...(filler ? { filler } : {}),
    ...(phone ? { phone } : {}),
    funds,
    overview: joinParagraph(get("部门职能概述")?.below ?? []),
    tasks: joinParagraph(get("年度工作任务")?.below ?? []),
    projects,
  };
}
