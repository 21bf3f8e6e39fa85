// The preview: every row of the file against the database — what will be created, what changes
// (field: before → after), what stays — and every problem, located by sheet, row and column.
// Pure: the database comes in as an ImportState (lib/import/server.ts reads it).
//
// Rules (issue 6):
// - A row is the same indicator when its 系统编号 says so, or else when its table, annual goal and
//   三级指标 (as printed, brackets' width aside) are those of a row of the year.
// - The file is the truth for the printed cells (一级, 二级, 三级, the three values, 依据): an empty
//   cell empties the field; a column the file does not have is left alone. Offices, 累计方式 and
//   汇总方式 left empty keep what the row has.
// - Rows of the year missing from the file are listed, never deleted.
import { createHash } from "node:crypto";
import { officeParts, splitOffice } from "../offices/client";
import { parseTarget } from "../targets";
import { fold, readAccumulation, readAggregation, sheetNameOf } from "./columns";
import { officeIndex } from "./offices";
import { problem, sortProblems } from "./problems";
import type { Change, ColumnKey, FileRow, ImportState, NotInFile, OfficeRole, ParsedFile, Preview, Problem, RowApply, RowPlan, StateGoal, StateIndicator, StateTable } from "./types";

const KNOWN_LEVEL1 = /^(产出|效益|满意度|成本)(指标)?$/;

export function planImport(file: ParsedFile, state: ImportState): Preview {
  const { year } = state;
  const problems: Problem[] = [...file.problems];
  const ix = officeIndex(state);
  const tables = new Map(state.tables.map((t) => [t.tableNo, t]));
  const byId = new Map(state.indicators.map((i) => [i.id, i]));
  const goalOf = new Map<number, StateGoal>();
  for (const t of state.tables) for (const g of t.goals) goalOf.set(g.id, g);
  const matched = new Map<number, FileRow>();
  const newKeys = new Map<string, FileRow>();
  const reportedOnce = new Set<string>();
  const tableList = state.tables.map((t) => `表${t.tableNo}`).join("、");
  const once = (key: string, p: () => Problem) => {
    if (reportedOnce.has(key)) return;
    reportedOnce.add(key);
    problems.push(p());
  };

  const rows: RowPlan[] = file.rows.map((fr) => {
    const mine: Problem[] = [];
    const at = (key?: ColumnKey) => ({ sheet: fr.sheet, row: fr.row, column: key ? (fr.columns[key] ?? null) : null });
    const error = (code: Problem["code"], key: ColumnKey | undefined, zh: string, en: string) => mine.push(problem("error", code, at(key), zh, en));
    const warn = (code: Problem["code"], key: ColumnKey | undefined, zh: string, en: string) => mine.push(problem("warning", code, at(key), zh, en));
    const cell = (k: ColumnKey) => fr.cells[k] ?? "";
    const name = cell("level3");

    // Which table and which annual goal.
    const table: StateTable | undefined = fr.tableNo ? tables.get(fr.tableNo) : undefined;
    if (fr.tableNo && !table) {
      const p = () => problem("error", "unknown_table", { sheet: fr.sheet, row: fr.columns.table ? fr.row : null, column: fr.columns.table ? fr.columns.table : null }, `${year}年没有表${fr.tableNo}（该年有：${tableList}）`, `${year} has no table ${fr.tableNo} (it has ${tableList})`);
      if (fr.columns.table) mine.push(p());
      else once(`table:${fr.sheet}`, p);
    }
    const code = cell("projectCode");
    if (code) {
      const owner = state.tables.find((t) => t.projectCode === code);
      if (!owner) error("unknown_project", "projectCode", `${year}年没有编码为 ${code} 的项目`, `${year} has no project coded ${code}`);
      else if (table && owner.tableNo !== table.tableNo)
        error(
          "project_mismatch",
          "projectCode",
          table.tableNo === "11" ? `表11是部门整体的表，不填项目编码；${code} 是表${owner.tableNo}（${owner.projectName}）的项目` : `项目编码 ${code} 是表${owner.tableNo}（${owner.projectName}）的，不是表${table.tableNo}的`,
          table.tableNo === "11" ? `表11 is the department's table and has no project code; ${code} is 表${owner.tableNo} (${owner.projectName})` : `Project ${code} is 表${owner.tableNo} (${owner.projectName}), not 表${table.tableNo}`,
        );
    }
    const goalNoText = cell("goalNo");
    let goalNo: number | null = null;
    if (goalNoText) {
      if (/^\d{1,3}$/.test(goalNoText)) goalNo = Number(goalNoText);
      else error("bad_number", "goalNo", `目标序号应为整数（如 1、2），不是“${goalNoText}”`, `The goal no. is a whole number (1, 2 …), not “${goalNoText}”`);
    }
    let goal: StateGoal | undefined;
    if (table?.tableNo === "11") {
      const have = table.goals.map((g) => g.goalNo).join("、");
      if (!goalNoText) error("missing_goal_no", "goalNo", `表11的每一行都要填写目标序号（${have}），说明属于哪个年度目标`, `Every 表11 row needs its goal no. (${have}): which annual goal it belongs to`);
      else if (goalNo != null) {
        goal = table.goals.find((g) => g.goalNo === goalNo);
        if (!goal) error("unknown_goal", "goalNo", `表11在${year}年没有年度目标${goalNo}（有：${have}）`, `表11 has no annual goal ${goalNo} in ${year} (it has ${have})`);
      }
    } else if (table) {
      goal = table.goals.find((g) => !g.retired) ?? table.goals[0];
      if (!goal)
        error("unknown_goal", undefined, `表${table.tableNo}（${table.projectName}）在${year}年还没有年度目标表，请先在“指标表维护”中新增`, `表${table.tableNo} (${table.projectName}) has no annual goal table in ${year}; add it under Indicator tables first`);
    }

    // Which indicator: by 系统编号, else by name within the goal.
    let ind: StateIndicator | undefined;
    const idText = cell("id");
    if (idText) {
      if (!/^\d{1,9}$/.test(idText)) error("bad_number", "id", `系统编号应为整数，不是“${idText}”。新增的行请留空`, `The system id is a whole number, not “${idText}”; leave it empty for a new row`);
      else {
        const cand = byId.get(Number(idText));
        if (!cand || (table && cand.tableNo !== table.tableNo))
          warn("unknown_id", "id", `系统编号 ${idText} 不是${year}年表${fr.tableNo ?? "?"}的指标，已改按三级指标名称匹配`, `System id ${idText} is not an indicator of ${year} 表${fr.tableNo ?? "?"}; matched by the indicator name instead`);
        else if (goal && cand.goalId !== goal.id) {
          const was = goalOf.get(cand.goalId)?.goalNo;
          error("goal_mismatch", "goalNo", `系统编号 ${idText} 的指标属于年度目标${was ?? "?"}，与目标序号${goalNoText}不一致（不能通过导入把指标移到另一个目标）`, `Indicator ${idText} belongs to goal ${was ?? "?"}, not goal ${goalNoText} (an import does not move rows between goals)`);
        } else ind = cand;
      }
    }
    if (!ind && goal && name) ind = state.indicators.find((i) => i.goalId === goal.id && fold(i.namePrinted) === fold(name));

    // Required cells.
    const level1 = cell("level1");
    const level2 = cell("level2");
    const target = cell("target");
    if (!level1) error("missing_level1", "level1", "一级指标为空（应为产出指标、效益指标、满意度指标等）", "Level 1 is empty (产出指标, 效益指标, 满意度指标 …)");
    if (!level2) error("missing_level2", "level2", "二级指标为空（如数量指标、质量指标、社会效益指标）", "Level 2 is empty (数量指标, 质量指标, 社会效益指标 …)");
    if (!name) error("missing_level3", "level3", "三级指标为空", "Level 3 (the indicator's name) is empty");
    if (!target) error("missing_target", "target", `${year}年指标值为空；没有指标值时请填“/”`, `The ${year} target is empty; write “/” when there is none`);

    // The same row twice.
    const placeOf = (first: FileRow) => (first.sheet === fr.sheet ? `第${first.row}行` : `${first.sheet} 第${first.row}行`);
    const placeEn = (first: FileRow) => (first.sheet === fr.sheet ? `row ${first.row}` : `${first.sheet} row ${first.row}`);
    if (ind) {
      const first = matched.get(ind.id);
      if (first) error("duplicate_row", "level3", `与${placeOf(first)}重复：两行是同一个指标（${ind.namePrinted}），请删除其中一行`, `Duplicates ${placeEn(first)}: both are the indicator “${ind.namePrinted}”; delete one`);
      else matched.set(ind.id, fr);
    } else if (goal && name) {
      const key = `${goal.id}\u0000${fold(name)}`;
      const first = newKeys.get(key);
      if (first) error("duplicate_row", "level3", `与${placeOf(first)}重复：同一年度目标下三级指标相同，请删除其中一行`, `Duplicates ${placeEn(first)}: the same indicator name under the same goal; delete one`);
      else newKeys.set(key, fr);
    }
    if (ind?.retired) warn("retired_row", undefined, "该指标已停用：导入会更新它，但不会恢复。如需恢复，请到“指标表维护”", "This indicator is retired: the import updates it but does not restore it (restore it under Indicator tables)");
    if (!ind && goal && (goal.retired || table?.retired)) error("retired_goal", undefined, "该年度目标（或项目）已停用，不能新增指标；请先在“指标表维护”中恢复", "This goal (or project) is retired; restore it under Indicator tables before adding rows");

    // Offices.
    const split = splitOffice(name, ix.isOffice);
    const resolveCell = (key: "lead" | "support"): number[] => {
      const ids: number[] = [];
      for (const n of officeParts(cell(key))) {
        const hit = ix.resolve(n);
        if (!hit) {
          const s = ix.suggest(n);
          error(
            "unknown_office",
            key,
            `找不到单位“${n}”。${s.length ? `是不是“${s.join("”“")}”？` : ""}单位须与“单位与别名”中的名称、简称或别名一致`,
            `No office is called “${n}”.${s.length ? ` Did you mean “${s.join("”, “")}”?` : ""} Use an office's name, short name or alias (Admin → Offices)`,
          );
        } else for (const id of hit) if (!ids.includes(id)) ids.push(id);
      }
      return ids;
    };
    let offices: RowApply["offices"] = null;
    if (cell("lead") || cell("support")) {
      const lead = resolveCell("lead");
      const support = resolveCell("support");
      const both = support.filter((id) => lead.includes(id));
      if (both.length) warn("office_twice", "support", `${both.map(ix.label).join("、")}同时列为牵头和配合单位，按牵头单位处理`, `${both.map(ix.label).join(", ")} listed as both lead and support; taken as lead`);
      offices = [...lead.map((orgId): { orgId: number; role: OfficeRole } => ({ orgId, role: "lead" })), ...support.filter((id) => !lead.includes(id)).map((orgId): { orgId: number; role: OfficeRole } => ({ orgId, role: "support" }))];
      if (lead.length === 0 && !mine.some((p) => p.code === "unknown_office")) warn("no_lead_office", "lead", "只有配合单位，没有牵头单位", "Supporting offices only; no lead office");
      if (split.officeText && lead.length) {
        const bracket = new Set(officeParts(split.officeText).flatMap((n) => ix.resolve(n) ?? []));
        if (bracket.size !== lead.length || lead.some((id) => !bracket.has(id)))
          warn("office_bracket_mismatch", "lead", `三级指标括号中的单位（${split.officeText}）与牵头单位（${cell("lead")}）不一致，以牵头单位为准`, `The office in the name's bracket (${split.officeText}) differs from the lead offices (${cell("lead")}); the lead offices count`);
      }
    } else if (!ind && table) {
      const fromBracket = split.officeText ? officeParts(split.officeText).flatMap((n) => ix.resolve(n) ?? []) : [];
      const ids = [...new Set(fromBracket.length ? fromBracket : table.defaultOrgIds)];
      offices = ids.map((orgId) => ({ orgId, role: "lead" }));
      if (ids.length === 0) warn("no_lead_office", "lead", "没有责任单位：没有单位能填报此指标，请填写牵头单位", "No responsible office: nobody can report on this row; enter the lead office");
    }

    // Choices.
    const accumulation = readAccumulation(cell("accumulation"));
    if (accumulation === undefined) error("bad_choice", "accumulation", `累计方式只能填“累计”“水平”或“自动”（或留空），不是“${cell("accumulation")}”`, `Accumulation is 累计 (cumulative), 水平 (level) or 自动 (auto), or empty; not “${cell("accumulation")}”`);
    const aggregation = readAggregation(cell("aggregation"));
    if (aggregation === undefined) error("bad_choice", "aggregation", `汇总方式只能填“自动”“求和”或“平均”（或留空），不是“${cell("aggregation")}”`, `Aggregation is 自动 (auto), 求和 (sum) or 平均 (mean), or empty; not “${cell("aggregation")}”`);

    // Targets the system cannot read, and unusual categories (only where the file says something new).
    const targetChanged = !ind || ind.targetText !== target;
    if (target && targetChanged && parseTarget(target, split.name).kind === "unparsed")
      warn(
        "unparsed_target",
        "target",
        `无法识别指标值“${target}”：导入后系统不能自动判断完成情况。可改写为“≥22万人”“95%”“2024年12月”“有效推进”等形式，或导入后在指标页人工确认解析`,
        `The target “${target}” cannot be read: progress cannot be judged automatically. Write it like “≥22万人”, “95%”, “2024年12月” or “有效推进”, or confirm its parse on the indicator page after importing`,
      );
    if (level1 && (!ind || ind.level1 !== level1) && !KNOWN_LEVEL1.test(fold(level1)))
      warn("unusual_level", "level1", `一级指标“${level1}”不是常用的一级指标（产出指标、效益指标、满意度指标、成本指标），请检查是否有错别字`, `Level 1 “${level1}” is not one of the usual ones (产出指标, 效益指标, 满意度指标, 成本指标); check for a typo`);
    const goalText = cell("goalText");
    if (goal && goalText && fold(goalText) !== fold(goal.text))
      once(`goal:${goal.id}`, () =>
        problem("warning", "goal_text_ignored", at("goalText"), "年度目标的文字与系统中的不同；导入不修改目标内容，如需修改请到“指标表维护”", "The goal's text differs from the one in the system; the import does not change goal texts (edit them under Indicator tables)"),
      );

    problems.push(...mine);
    const base: Omit<RowPlan, "action" | "changes" | "apply"> = { sheet: fr.sheet, row: fr.row, tableNo: table?.tableNo ?? fr.tableNo, goalNo: goal?.goalNo ?? goalNo, name, indicatorId: ind?.id ?? null };
    if (mine.some((p) => p.severity === "error") || !goal || !table) return { ...base, action: "error", changes: [], apply: null };

    const history: RowApply["history"] = {};
    for (const [k, y] of [["y2", year - 2], ["y1", year - 1]] as const) if (k in fr.cells) history[y] = cell(k) || null;
    const apply: RowApply = {
      goalId: goal.id,
      tableNo: table.tableNo,
      level1,
      level2,
      namePrinted: name,
      level3: split.name,
      officeText: split.officeText,
      // A file without the 依据 column leaves it as it is.
      basis: "basis" in fr.cells || !ind ? cell("basis") || null : ind.basis,
      targetText: target,
      history,
      offices,
      accumulation: accumulation ?? null,
      aggregation: aggregation ?? null,
    };
    const display = (list: { orgId: number; role: OfficeRole }[], role: OfficeRole) => list.filter((o) => o.role === role).map((o) => ix.label(o.orgId)).join("、");

    if (!ind) {
      const changes: Change[] = [];
      const put = (field: Change["field"], after: string | null) => after && changes.push({ field, before: "", after });
      put("level1", level1);
      put("level2", level2);
      put("namePrinted", name);
      put("y2", history[year - 2] ?? null);
      put("y1", history[year - 1] ?? null);
      put("target", target);
      put("basis", apply.basis);
      put("lead", display(offices ?? [], "lead"));
      put("support", display(offices ?? [], "support"));
      put("accumulation", accumulation && accumulation !== "auto" ? accumulation : null);
      put("aggregation", aggregation && aggregation !== "auto" ? aggregation : null);
      return { ...base, action: "create", changes, apply };
    }

    const changes: Change[] = [];
    const diff = (field: Change["field"], before: string | null, after: string | null) => {
      if ((before ?? "") !== (after ?? "")) changes.push({ field, before: before ?? "", after: after ?? "" });
    };
    diff("level1", ind.level1, level1);
    diff("level2", ind.level2, level2);
    diff("namePrinted", ind.namePrinted, name);
    for (const [k, y] of [["y2", year - 2], ["y1", year - 1]] as const) {
      if (!(y in history)) continue;
      if ((ind.history[y] ?? null) === history[y]) delete history[y];
      else diff(k, ind.history[y] ?? null, history[y]);
    }
    diff("target", ind.targetText, target);
    diff("basis", ind.basis, apply.basis);
    if (offices) {
      const same = offices.length === ind.orgs.length && offices.every((o) => ind.orgs.some((x) => x.orgId === o.orgId && x.role === o.role));
      if (same) apply.offices = null;
      else {
        diff("lead", display(ind.orgs, "lead"), display(offices, "lead"));
        diff("support", display(ind.orgs, "support"), display(offices, "support"));
        if (!changes.some((c) => c.field === "lead" || c.field === "support")) changes.push({ field: "lead", before: display(ind.orgs, "lead"), after: display(offices, "lead") }); // same names, another order of roles
        for (const o of ind.orgs) {
          const n = ind.reports[o.orgId] ?? 0;
          if (n > 0 && !offices.some((x) => x.orgId === o.orgId))
            problems.push(problem("warning", "office_removed_with_reports", at("lead"), `${ix.label(o.orgId)}已就此指标填报${n}份报告：报告都会保留，但该单位今后不再填报此指标`, `${ix.label(o.orgId)} has ${n} report(s) on this indicator: they are kept, but it will no longer report on it`));
        }
      }
    }
    if (accumulation === "auto") {
      const auto = parseTarget(target, split.name).accumulation;
      if ((auto ?? null) === ind.accumulation) apply.accumulation = null;
      else diff("accumulation", ind.accumulation, auto);
    } else if (accumulation) {
      if (accumulation === ind.accumulation) apply.accumulation = null;
      else diff("accumulation", ind.accumulation, accumulation);
    }
    if (aggregation) {
      if (aggregation === ind.aggregation) apply.aggregation = null;
      else diff("aggregation", ind.aggregation, aggregation);
    }
    return changes.length ? { ...base, action: "update", changes, apply } : { ...base, action: "unchanged", changes, apply: null };
  });

  // Rows of the year that the file does not have: listed, left alone.
  const inFile = new Set(rows.map((r) => r.tableNo).filter((t): t is string => !!t));
  const goalNoOf = (id: number) => goalOf.get(id)?.goalNo ?? null;
  const notInFile: NotInFile[] = state.indicators
    .filter((i) => !i.retired && !matched.has(i.id))
    .map((i) => ({ indicatorId: i.id, tableNo: i.tableNo, goalNo: goalNoOf(i.goalId), name: i.namePrinted, tableInFile: inFile.has(i.tableNo) }));

  const sheetOrder = [...file.sheets.map((s) => s.name), ...state.tables.map((t) => sheetNameOf(t.tableNo))];
  const sorted = sortProblems(problems, sheetOrder);
  const count = (a: RowPlan["action"]) => rows.filter((r) => r.action === a).length;
  const errors = sorted.filter((p) => p.severity === "error").length;
  const counts = {
    rows: rows.length,
    create: count("create"),
    update: count("update"),
    unchanged: count("unchanged"),
    error: count("error"),
    notInFile: notInFile.length,
    errors,
    warnings: sorted.filter((p) => p.severity === "warning").length,
  };
  return { year, format: file.format, sheets: file.sheets, rows, problems: sorted, notInFile, counts, canConfirm: errors === 0 && rows.length > 0, digest: digestOf(year, rows) };
}

/** What confirming would write, hashed: the same file against the same tables gives the same digest. */
export function digestOf(year: number, rows: RowPlan[]): string {
  const plan = rows.filter((r) => r.action === "create" || r.action === "update").map((r) => [r.action, r.indicatorId, r.changes, r.apply]);
  return createHash("sha256").update(JSON.stringify([year, plan])).digest("hex");
}
