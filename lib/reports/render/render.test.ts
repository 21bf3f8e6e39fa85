// The renderers and the self-evaluation builder on small sheets: no database, no browser.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Sheet } from "../sheet";
import { DEPARTMENT_SELF_EVAL, PROJECT_SELF_EVAL, PROJECT_SELF_EVAL_WITH_REVISIONS } from "../layouts";
import type { SelfEvalRow, SelfEvaluation } from "../self-eval";
import { selfEvalSheet } from "../self-eval-sheet";
import { csvField, neutralise, sheetToCsv } from "./csv";
import { escapeHtml, sheetsToHtml } from "./html";
import { balanceLines, textLines } from "./text";
import { sheetsToXlsx } from "./xlsx";

/** A title over a two-row table: 一级 merged down two rows, a header merged across two columns. */
const SHEET: Sheet = {
  name: "测试",
  columns: [10, 20, 8],
  cells: [
    { r: 1, c: 1, value: "项目支出绩效自评表", colSpan: 3, style: "title", align: "center" },
    { r: 2, c: 1, value: "一级指标", style: "head" },
    { r: 2, c: 2, value: "三级指标、得分", colSpan: 2, style: "head" },
    { r: 3, c: 1, value: "产出指标", rowSpan: 2, style: "text", align: "center" },
    { r: 3, c: 2, value: "开展新闻报道" },
    { r: 3, c: 3, value: 2.5833333, style: "num", decimals: 2 },
    { r: 4, c: 2, value: '<b>"a, b"</b> & \'c\'\n第二行' },
    { r: 4, c: 3, value: -5, style: "num" },
  ],
  repeatRows: [2, 2],
  orientation: "landscape",
};

describe("sheetToCsv", () => {
  const csv = sheetToCsv(SHEET);

  it("starts with a UTF-8 byte order mark and ends every record with CRLF", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("puts a merged cell's value at its top-left position and blanks elsewhere", () => {
    // Split on CRLF only: the quoted field keeps its own line break.
    const records = csv.slice(1).split("\r\n");
    expect(records[0]).toBe("项目支出绩效自评表,,");
    expect(records[1]).toBe("一级指标,三级指标、得分,");
    expect(records[2]).toBe("产出指标,开展新闻报道,2.58");
    expect(records[3]).toBe(`,"<b>""a, b""</b> & 'c'\n第二行",-5`);
  });

  it("quotes per RFC 4180 only where needed", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\r\nlines")).toBe('"two\r\nlines"');
  });

  it.each([
    ["=1+1", "'=1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["+A1", "'+A1"],
    ["-cmd|'/C calc'!A0", "'-cmd|'/C calc'!A0"],
    ["-2+3+cmd|'/C calc'!A0", "'-2+3+cmd|'/C calc'!A0"],
    ["\t=1", "'\t=1"],
    ["-5%", "-5%"],
    ["-5", "-5"],
    ["+10%", "+10%"],
    ["-1,234.5", "-1,234.5"],
    ["≥22万人", "≥22万人"],
    ["-", "-"],
  ])("neutralises formula text: %j → %j", (input, out) => {
    expect(neutralise(input)).toBe(out);
  });

  it("leaves numbers alone and neutralises text cells", () => {
    const s: Sheet = { name: "x", columns: [5, 5], orientation: "portrait", cells: [{ r: 1, c: 1, value: -3 }, { r: 1, c: 2, value: "=HYPERLINK(\"http://x\")" }] };
    expect(sheetToCsv(s)).toBe(`\ufeff-3,"'=HYPERLINK(""http://x"")"\r\n`);
  });
});

describe("sheetsToHtml", () => {
  const html = sheetsToHtml([SHEET, { ...SHEET, name: "第二", orientation: "portrait" }], { title: "自评表 <&>" });

  it("is a standalone document: escaped title, no external resources, no scripts", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("<title>自评表 &lt;&amp;&gt;</title>");
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import|https?:/i);
  });

  it("escapes every text", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;b&gt;&quot;a, b&quot;&lt;/b&gt; &amp; &#39;c&#39;\n第二行");
  });

  it("merges with rowspan and colspan, and puts the repeated rows in a <thead>", () => {
    expect(html).toMatch(/<td class="title c( nb)?" colspan="3">项目支出绩效自评表<\/td>/);
    expect(html).toMatch(/<thead>\n<tr[^>]*><th class="head">一级指标<\/th><th class="head" colspan="2">三级指标、得分<\/th><\/tr>\n<\/thead>/);
    expect(html).toMatch(/<td class="text c" rowspan="2">产出指标<\/td>/);
    // Row 4's first column is covered by the merge: two cells only.
    expect(html).toMatch(/<tr[^>]*><td class="text">&lt;b&gt;[^<]*<\/td><td class="num">-5<\/td><\/tr>/);
    expect(html).toContain(`<td class="num">2.58</td>`);
  });

  it("sizes columns by their character widths and sets each sheet's page", () => {
    expect(html).toContain(`<col style="width:26.316%"><col style="width:52.632%"><col style="width:21.053%">`);
    expect(html).toContain("@page landscape { size: A4 landscape;");
    expect(html).toContain("@page portrait { size: A4 portrait;");
    expect(html).toContain(`class="sheet landscape"`);
    expect(html).toContain(`class="sheet portrait"`);
    expect(html).toContain(".sheet + .sheet { break-before: page; }");
    expect(html).toContain(`font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "SimSun", serif`);
  });
});

describe("text measures", () => {
  it("counts a CJK character as two and wraps by the column's width", () => {
    expect(textLines("开展新闻报道", 13)).toBe(1);
    expect(textLines("开展新闻报道", 10)).toBe(2);
    expect(textLines("a\nb", 10)).toBe(2);
  });

  it("balances a short wrapped label, and leaves figures and long text alone", () => {
    expect(balanceLines("年度总体目标", 10)).toBe("年度总\n体目标");
    expect(balanceLines("项目名称", 10)).toBe("项目名称");
    expect(balanceLines("≥22万人", 4)).toBe("≥22万人");
  });
});

const row = (over: Partial<SelfEvalRow>): SelfEvalRow => ({
  id: 1,
  level1: "产出指标",
  level2: "数量指标",
  level3: "开展新闻报道",
  originalTarget: "100次",
  target: "100次",
  kind: "quantitative",
  actual: "80",
  applicable: true,
  weight: 20,
  computed: 16,
  score: 16,
  flags: [],
  how: "",
  deviation: "记者站调整；次年补足",
  ...over,
});

const EVALUATION: SelfEvaluation = {
  kind: "project",
  scope: "project:420100225030030000101",
  year: 2024,
  projectCode: "420100225030030000101",
  projectName: "机关业务工作",
  department: "武汉市人力资源和社会保障局",
  unit: "机关各处室",
  funds: {
    total: { initial: 2722.43, full: 2722.43, spent: 2500 },
    current: { initial: 2407.23, full: 2407.23, spent: null },
    carry: { initial: 295.2, full: 295.2, spent: null },
    other: { initial: 20, full: 20, spent: null },
  },
  rate: 2500 / 2722.43,
  budget: { weight: 10, score: 9.18, rate: 2500 / 2722.43 },
  goal: { expected: "1.社会保障……", actual: "完成" },
  rows: [
    row({}),
    row({ id: 2, level3: "发布微信公众号推文", weight: 20, score: 20, computed: 20, deviation: "" }),
    row({ id: 3, level2: "质量指标", level3: "复议纠错率", applicable: false, weight: 0, score: 0 }),
    row({ id: 4, level1: "效益指标", level2: "社会效益", level3: "群众满意", score: 12, computed: 18, weight: 30, adjustment: { score: 12, reason: "佐证不足" } }),
    row({ id: 5, level1: "满意度指标", level2: "满意度", level3: "服务对象满意度", weight: 20, score: 20, computed: 20, deviation: "" }),
  ],
  total: 77.18,
  grade: "中",
  weights: { budget: 10, output: 40, outcome: 30, satisfaction: 20 },
  errors: [],
  notes: [],
  shortfalls: [],
  settingsVersion: 0,
  frozen: null,
};

describe("selfEvalSheet", () => {
  const sheet = selfEvalSheet(PROJECT_SELF_EVAL, EVALUATION);
  const at = (r: number, c: number) => sheet.cells.find((x) => x.r === r && x.c === c);
  const rowOf = (value: string) => sheet.cells.find((x) => x.value === value)?.r ?? -1;

  it("lays out title, year, header pairs and the funds block over the grid's eight columns", () => {
    expect(sheet.columns).toEqual(PROJECT_SELF_EVAL.grid.map((c) => c.width));
    expect(at(1, 1)).toMatchObject({ value: "项目支出绩效自评表", colSpan: 8, style: "title" });
    expect(at(2, 1)?.value).toBe("（2024年度）");
    expect(at(3, 1)?.value).toBe("项目名称");
    expect(at(3, 2)).toMatchObject({ value: "机关业务工作", colSpan: 3 });
    expect(at(3, 5)?.value).toBe("主管部门");
    const head = rowOf("年初预算数");
    expect(sheet.cells.filter((x) => x.r === head).map((x) => x.value)).toEqual(["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]);
    // First line: the figures and the budget's points; the others: amounts only, spent blank when not known.
    expect(sheet.cells.filter((x) => x.r === head + 1).map((x) => x.value)).toEqual(["年度资金总额", 2722.43, 2722.43, 2500, 10, "91.83%", 9.18]);
    expect(sheet.cells.filter((x) => x.r === head + 2).map((x) => x.value)).toEqual(["其中：当年财政拨款", 2407.23, 2407.23, "", "", "", ""]);
  });

  it("fills the grid: 不适用, adjusted scores with their reason, merged 一级 / 二级 runs", () => {
    const top = rowOf("开展新闻报道");
    expect(sheet.repeatRows).toEqual([top - 1, top - 1]);
    expect(at(top, 1)).toMatchObject({ value: "产出指标", rowSpan: 3 });
    expect(at(top, 2)).toMatchObject({ value: "数量指标", rowSpan: 2 });
    expect(at(top + 1, 1)).toBeUndefined();
    expect(at(top + 2, 2)).toMatchObject({ value: "质量指标" });
    expect(at(top + 2, 2)?.rowSpan).toBeUndefined();
    expect(at(top, 6)).toMatchObject({ value: 20, decimals: 2 });
    expect([at(top + 2, 6)?.value, at(top + 2, 7)?.value]).toEqual(["不适用", "不适用"]);
    expect(at(top + 3, 7)?.value).toBe(12);
    expect(at(top + 3, 8)?.value).toBe("记者站调整；次年补足\n评分调整：佐证不足");
    expect(at(top, 8)?.value).toBe("记者站调整；次年补足");
  });

  it("ends with 总分: the points, the total under 得分, the grade", () => {
    const r = rowOf("总分");
    expect(at(r, 1)).toMatchObject({ colSpan: 5 });
    expect(at(r, 6)?.value).toBeCloseTo(100, 10);
    expect(at(r, 7)).toMatchObject({ value: 77.18, decimals: 2 });
    expect(at(r, 8)?.value).toBe("中");
    expect(sheet.keepTogether).toEqual([[r - 1, r]]);
    expect(sheet.orientation).toBe("landscape");
  });

  it("a local variant's extra column shares out among the funds figures, not the line labels", () => {
    const s = selfEvalSheet(PROJECT_SELF_EVAL_WITH_REVISIONS, EVALUATION);
    expect(s.columns).toHaveLength(9);
    const head = s.cells.find((x) => x.value === "年初预算数")!.r;
    const spans = s.cells.filter((x) => x.r === head).map((x) => [x.c, x.colSpan ?? 1]);
    expect(spans[0]).toEqual([1, 2]);
    expect(spans.slice(1).reduce((n, [, w]) => n + w, 0)).toBe(7);
    expect(s.cells.some((x) => x.value === "年初指标值")).toBe(true);
  });

  it("the department form keeps its indented fund lines on one line each, aligned", () => {
    const d: SelfEvaluation = {
      ...EVALUATION,
      kind: "department",
      funds: { total: { initial: 69761.59, full: 69761.59, spent: null }, fiscal: { initial: 67502.25, full: 67502.25, spent: null } },
      budget: null,
    };
    const s = selfEvalSheet(DEPARTMENT_SELF_EVAL, d);
    const labels = DEPARTMENT_SELF_EVAL.funds.rows.map((f) => s.cells.find((x) => x.c === 1 && typeof x.value === "string" && x.value.endsWith(f.label.trim()))?.value as string);
    for (const l of labels) expect(textLines(l, 24)).toBe(1);
    expect(labels[2].startsWith("　")).toBe(true);
    expect(labels[2].length - labels[2].trimStart().length).toBe(labels[3].length - labels[3].trimStart().length);
    // No budget to score: no 分值 / 执行率 / 得分 on the total line; missing lines print blank.
    const r = s.cells.find((x) => x.value === "年度资金总额")!.r;
    expect(s.cells.filter((x) => x.r === r).map((x) => x.value)).toEqual(["年度资金总额", 69761.59, 69761.59, "", "", "", ""]);
    const special = s.cells.find((x) => x.r === r + 2 && x.c === 3);
    expect(special?.value).toBe("");
  });
});

describe("sheetsToXlsx", () => {
  it("merges, borders the table (not the title), repeats the header and sets up A4 printing", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await sheetsToXlsx([SHEET, SHEET])) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["测试", "测试(2)"]);
    const ws = wb.worksheets[0];
    expect(ws.getCell("A1").isMerged).toBe(true);
    expect(ws.getCell("A1").border?.top).toBeUndefined();
    expect(ws.getCell("A1").font?.name).toBe("SimHei");
    expect(ws.getCell("A4").isMerged).toBe(true);
    expect(ws.getCell("A3").master.address).toBe("A3");
    expect(ws.getCell("A4").master.address).toBe("A3");
    expect(ws.getCell("C2").border?.right?.style).toBe("thin");
    expect(ws.getCell("C3").value).toBe(2.58);
    expect(ws.getCell("C3").numFmt).toBe("0.00");
    expect(ws.getCell("A2").fill).toMatchObject({ fgColor: { argb: "FFF2F2F2" } });
    expect(ws.getColumn(2).width).toBe(20);
    // The two-line text cell gets a row tall enough for its lines.
    expect(ws.getRow(4).height).toBeGreaterThanOrEqual(2 * 15);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" });
    expect(ws.headerFooter.oddFooter).toContain("第 &P 页，共 &N 页");
  });
});
