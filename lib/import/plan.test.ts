// The importer's pure parts: reading headers and cells as Excel shows them, CSV, office names,
// and the preview's rules, on a small state shaped like the 2024 document.
import { describe, expect, it } from "vitest";
import { cellText } from "./cells";
import { parseCsv, decodeText } from "./csv";
import { readAccumulation, readAggregation, recogniseHeader, tableNoOf } from "./columns";
import { officeIndex } from "./offices";
import { planImport } from "./plan";
import type { ColumnKey, FileRow, ImportState, ParsedFile, SheetColumns } from "./types";

describe("headers and table numbers", () => {
  it.each([
    ["一级指标", { key: "level1" }],
    [" 三级指标 ", { key: "level3" }],
    ["牵头单位", { key: "lead" }],
    ["表号", { key: "table" }],
    ["预计当年实现（2024年）", { year: 2024 }],
    ["预计当年实现(2024年)", { year: 2024 }],
    ["前年（2022年）", { year: 2022 }],
    ["2023", { year: 2023 }],
    ["2023年", { year: 2023 }],
    ["备注", null],
  ])("%s", (text, want) => expect(recogniseHeader(text)).toEqual(want));

  it.each([
    ["表11", "11"],
    ["表12-1", "12-1"],
    ["12-7", "12-7"],
    ["表１２－３", "12-3"],
    ["表12-1 机关业务工作", "12-1"],
    ["Sheet1", null],
    ["填写说明", null],
  ])("%s → %s", (text, want) => expect(tableNoOf(text)).toBe(want));

  it.each([
    ["累计", "cumulative"],
    ["累计：全年累加", "cumulative"],
    ["水平", "level"],
    ["时点", "level"],
    ["自动", "auto"],
    ["", null],
    ["每月", undefined],
  ])("累计方式 %s", (text, want) => expect(readAccumulation(text)).toBe(want));
  it.each([
    ["求和", "sum"],
    ["平均", "mean"],
    ["auto", "auto"],
    ["最大", undefined],
  ])("汇总方式 %s", (text, want) => expect(readAggregation(text)).toBe(want));
});

describe("cells as Excel shows them", () => {
  it.each([
    [" ≥22万人 ", undefined, "≥22万人"],
    [0.95, "0%", "95%"],
    [0.985, "0.0%", "98.5%"],
    [2000, "General", "2000"],
    [0.1 + 0.2, undefined, "0.3"],
    [new Date(Date.UTC(2024, 11, 1)), 'yyyy"年"m"月"', "2024年12月"],
    [new Date(Date.UTC(2024, 11, 31)), "yyyy-mm-dd", "2024年12月31日"],
    [{ richText: [{ text: "有效" }, { text: "推进" }] }, undefined, "有效推进"],
    [{ formula: "A1", result: "100次" }, undefined, "100次"],
    [null, undefined, ""],
  ])("%j (%s) → %s", (value, fmt, want) => expect(cellText(value, fmt).text).toBe(want));

  it("reports an Excel error value", () => expect(cellText({ error: "#N/A" })).toEqual({ text: "", excelError: "#N/A" }));
});

describe("CSV", () => {
  it("reads Excel's CSV: BOM, quotes, doubled quotes, line breaks in a cell, CRLF", () => {
    expect(parseCsv('\ufeff表号,三级指标\r\n12-1,"开展新闻报道（政研处）"\r\n11,"甲""乙""\n丙"\r\n')).toEqual([
      ["表号", "三级指标"],
      ["12-1", "开展新闻报道（政研处）"],
      ["11", '甲"乙"\n丙'],
    ]);
  });
  it("takes tab-separated text too", () => expect(parseCsv("a\tb\n1\t2")).toEqual([["a", "b"], ["1", "2"]]));
  it("reads GB18030 when the bytes are not UTF-8", () => expect(decodeText(new Uint8Array([0xd2, 0xbb, 0xbc, 0xb6]))).toBe("一级"));
});

const state: ImportState = {
  year: 2024,
  orgs: [
    { id: 1, name: "武汉市人力资源和社会保障局", shortName: "市人社局", kind: "department" },
    { id: 2, name: "政研处", shortName: null, kind: "division" },
    { id: 3, name: "财务管理处", shortName: null, kind: "division" },
    { id: 4, name: "武汉市工伤保险中心（武汉市劳动能力鉴定中心）", shortName: "工伤中心", kind: "unit" },
    { id: 5, name: "江岸社会保险管理处", shortName: "江岸社保处", kind: "unit" },
    { id: 6, name: "江汉社会保险管理处", shortName: "江汉社保处", kind: "unit" },
  ],
  aliases: [
    { alias: "财务处", orgId: 3 },
    { alias: "各社保处", orgId: 5 },
    { alias: "各社保处", orgId: 6 },
  ],
  tables: [
    { tableNo: "11", projectCode: null, projectName: null, retired: false, defaultOrgIds: [1], goals: [{ id: 11, goalNo: 1, text: "就业", sortOrder: 1, retired: false }, { id: 12, goalNo: 2, text: "社保", sortOrder: 2, retired: false }] },
    { tableNo: "12-1", projectCode: "420100225030030000101", projectName: "机关业务工作", retired: false, defaultOrgIds: [2], goals: [{ id: 21, goalNo: null, text: "", sortOrder: 3, retired: false }] },
  ],
  indicators: [
    { id: 100, tableNo: "11", goalId: 11, sortOrder: 1, level1: "产出指标", level2: "数量指标", level3: "全年城镇新增就业人数", namePrinted: "全年城镇新增就业人数", officeText: null, basis: "计划标准", targetText: "≥22万人", accumulation: "cumulative", aggregation: "auto", history: { 2022: "22万人", 2023: "22万人" }, orgs: [{ orgId: 1, role: "lead" }], reports: {}, retired: false },
    { id: 101, tableNo: "11", goalId: 12, sortOrder: 2, level1: "满意度指标", level2: "服务对象满意度指标", level3: "人社政务服务好评率", namePrinted: "人社政务服务好评率", officeText: null, basis: "计划标准", targetText: "≥95%", accumulation: "level", aggregation: "auto", history: {}, orgs: [{ orgId: 1, role: "lead" }], reports: {}, retired: false },
    { id: 200, tableNo: "12-1", goalId: 21, sortOrder: 1, level1: "产出指标", level2: "数量指标", level3: "开展新闻报道", namePrinted: "开展新闻报道（政研处）", officeText: "政研处", basis: null, targetText: "100次", accumulation: "cumulative", aggregation: "auto", history: { 2022: "100次", 2023: "100次" }, orgs: [{ orgId: 2, role: "lead" }], reports: { 2: 3 }, retired: false },
  ],
};

const ALL: ColumnKey[] = ["level1", "level2", "level3", "y2", "y1", "target", "basis", "lead", "support", "accumulation", "aggregation", "goalNo", "projectCode", "id"];
const columnsOf = (keys: ColumnKey[]): SheetColumns => Object.fromEntries(keys.map((k, i) => [k, { label: k, letter: String.fromCharCode(65 + i) }]));
function file(sheet: string, rows: Partial<Record<ColumnKey, string>>[], keys: ColumnKey[] = ALL): ParsedFile {
  const columns = columnsOf(keys);
  const fileRows: FileRow[] = rows.map((cells, i) => ({ sheet, row: 5 + i, tableNo: tableNoOf(sheet), columns, cells: Object.fromEntries(keys.map((k) => [k, cells[k] ?? ""])) }));
  return { format: "xlsx", sheets: [{ name: sheet, tableNo: tableNoOf(sheet), rows: rows.length }], rows: fileRows, problems: [] };
}
const news = { level1: "产出指标", level2: "数量指标", level3: "开展新闻报道（政研处）", y2: "100次", y1: "100次", target: "100次", lead: "政研处", accumulation: "累计", aggregation: "自动" };

describe("office names", () => {
  const ix = officeIndex(state);
  it.each([
    ["政研处", [2]],
    ["财务处", [3]],
    ["工伤中心", [4]],
    ["武汉市工伤保险中心(武汉市劳动能力鉴定中心)", [4]], // half-width brackets
    ["各社保处", [5, 6]],
    ["政研室", null],
  ])("%s", (name, want) => expect(ix.resolve(name)).toEqual(want));
  it("suggests the likely name for a typo", () => expect(ix.suggest("政研室")).toContain("政研处"));
  it("writes an office by its short name when that means it alone", () => expect([ix.label(4), ix.label(2)]).toEqual(["工伤中心", "政研处"]));
});

describe("the preview", () => {
  it("an unchanged row is unchanged; a changed target and removed office are shown before → after, with a warning about the office's reports", () => {
    const same = planImport(file("表12-1", [news]), state);
    expect(same.rows[0]).toMatchObject({ action: "unchanged", indicatorId: 200, changes: [] });
    expect(same.notInFile).toEqual([
      { indicatorId: 100, tableNo: "11", goalNo: 1, name: "全年城镇新增就业人数", tableInFile: false },
      { indicatorId: 101, tableNo: "11", goalNo: 2, name: "人社政务服务好评率", tableInFile: false },
    ]);
    const changed = planImport(file("表12-1", [{ ...news, target: "120次", lead: "财务处" }]), state);
    expect(changed.rows[0]).toMatchObject({
      action: "update",
      changes: [
        { field: "target", before: "100次", after: "120次" },
        { field: "lead", before: "政研处", after: "财务管理处" },
      ],
    });
    expect(changed.problems.map((p) => p.code)).toEqual(expect.arrayContaining(["office_removed_with_reports", "office_bracket_mismatch"]));
    expect(changed.canConfirm).toBe(true);
    expect(changed.digest).not.toBe(same.digest);
  });

  it("matches by 系统编号 when the name was edited", () => {
    const p = planImport(file("表12-1", [{ ...news, level3: "开展新闻宣传报道（政研处）", id: "200" }]), state);
    expect(p.rows[0]).toMatchObject({ action: "update", indicatorId: 200, changes: [{ field: "namePrinted", before: "开展新闻报道（政研处）", after: "开展新闻宣传报道（政研处）" }] });
  });

  it("a new row takes the bracket's office, else the table's executing unit", () => {
    const p = planImport(file("表12-1", [{ level1: "产出指标", level2: "数量指标", level3: "举办培训（财务处）", target: "5次" }, { level1: "产出指标", level2: "数量指标", level3: "新建档案", target: "10件" }]), state);
    expect(p.rows.map((r) => [r.action, r.apply?.offices, r.apply?.level3, r.apply?.officeText])).toEqual([
      ["create", [{ orgId: 3, role: "lead" }], "举办培训", "财务处"],
      ["create", [{ orgId: 2, role: "lead" }], "新建档案", null],
    ]);
  });

  it("a column the file does not have is left alone; empty office, 累计 and 汇总 cells keep what the row has", () => {
    const p = planImport(file("表12-1", [{ level1: "产出指标", level2: "数量指标", level3: "开展新闻报道（政研处）", target: "100次" }], ["level1", "level2", "level3", "target", "lead"]), state);
    expect(p.rows[0]).toMatchObject({ action: "unchanged" });
    const emptied = planImport(file("表12-1", [{ ...news, y2: "", lead: "", accumulation: "", aggregation: "" }]), state);
    expect(emptied.rows[0].changes).toEqual([{ field: "y2", before: "100次", after: "" }]);
  });

  it("names every problem by sheet, row and column", () => {
    const p = planImport(
      file("表11", [
        { level1: "产出指标", level2: "数量指标", level3: "全年城镇新增就业人数", target: "≥22万人", goalNo: "1", y2: "22万人", y1: "22万人", basis: "计划标准", lead: "市人社局" },
        { level1: "产出指标", level2: "数量指标", level3: "全年城镇新增就业人数", target: "≥23万人", goalNo: "1" },
        { level1: "", level2: "数量指标", level3: "新指标", target: "很多", goalNo: "1", lead: "政研室" },
        { level1: "产出指标", level2: "数量指标", level3: "另一个新指标", target: "5次" },
        { level1: "产出指标", level2: "数量指标", level3: "第三个新指标", target: "5次", goalNo: "9", accumulation: "每月" },
      ]),
      state,
    );
    const at = (code: string) => p.problems.filter((x) => x.code === code).map((x) => [x.severity, x.sheet, x.row, x.column]);
    expect(at("duplicate_row")).toEqual([["error", "表11", 6, "level3"]]);
    expect(at("missing_level1")).toEqual([["error", "表11", 7, "level1"]]);
    expect(at("unknown_office")).toEqual([["error", "表11", 7, "lead"]]);
    expect(at("unparsed_target")).toEqual([["warning", "表11", 7, "target"]]);
    expect(at("missing_goal_no")).toEqual([["error", "表11", 8, "goalNo"]]);
    expect(at("unknown_goal")).toEqual([["error", "表11", 9, "goalNo"]]);
    expect(at("bad_choice")).toEqual([["error", "表11", 9, "accumulation"]]);
    expect(p.rows.map((r) => r.action)).toEqual(["unchanged", "error", "error", "error", "error"]);
    expect(p.canConfirm).toBe(false);
    expect(p.problems[0].severity).toBe("error"); // errors first
  });

  it("refuses a project code of another table and a table the year does not have", () => {
    const p = planImport(file("表12-1", [{ ...news, projectCode: "420100225030030000109" }]), state);
    expect(p.problems[0]).toMatchObject({ code: "unknown_project", severity: "error" });
    const q = planImport(file("表12-8", [news]), state);
    expect(q.problems[0]).toMatchObject({ code: "unknown_table", sheet: "表12-8", row: null });
  });
});
