import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { officeParts, splitOffice, trailingBracket, withoutBracket } from ".";
import { coreName } from "../targets";

// Office names as the 2024 tables (prisma/data/2024) and the budget document (prisma/data/source) print them.
const known = new Set(["政研处", "财务处", "基金监督处", "考试院", "人才中心", "失业办", "就业局", "各社保处", "法规处"]);
const isOffice = (n: string) => known.has(n);

const DATA = path.join(process.cwd(), "prisma/data/2024");
const names: string[] = [];
const collect = (v: unknown): void => {
  if (Array.isArray(v)) v.forEach(collect);
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v)) {
      if (k === "name" && typeof x === "string") names.push(x);
      else collect(x);
    }
};
for (const f of readdirSync(DATA).filter((f) => f.startsWith("table-"))) collect(JSON.parse(readFileSync(path.join(DATA, f), "utf8")));
const source = readFileSync(path.join(process.cwd(), "prisma/data/source/wuhan-hrss-2024-department-budget.txt"), "utf8");

describe("splitOffice over the printed names", () => {
  it.each([
    ["开展新闻报道（政研处）", "开展新闻报道", "政研处"],
    ["各类考试、评审工作责任事故发生率(考试院）", "各类考试、评审工作责任事故发生率", "考试院"],
    ["每年举办校园招聘活动(人才中心）", "每年举办校园招聘活动", "人才中心"],
    ["聘请第三方检查频次（财务处、基金监督处）", "聘请第三方检查频次", "财务处、基金监督处"],
    ["行政复议、应诉案件按期答复率（法规处）", "行政复议、应诉案件按期答复率", "法规处"],
    ["全年城镇新增就业人数", "全年城镇新增就业人数", null],
  ])("%s → %s / %s", (printed, name, office) => {
    expect(splitOffice(printed, isOffice)).toMatchObject({ name, officeText: office });
  });

  it("keeps a bracket that is not an office in the name: 毕业生就业率（含升学）", () => {
    expect(names).toContain("毕业生就业率（含升学）");
    expect(splitOffice("毕业生就业率（含升学）", isOffice)).toEqual({ name: "毕业生就业率（含升学）", officeText: null, unknownBracket: "含升学" });
  });

  it("reads a bracket the budget document wraps over two lines", () => {
    const printed = source.match(/聘请第三方检查频次（财务\n处、基金监督处）/u)?.[0];
    expect(printed).toBeDefined();
    expect(splitOffice(printed as string, isOffice)).toEqual({ name: "聘请第三方检查频次", officeText: "财务处、基金监督处", unknownBracket: null });
  });

  it("every bracketed name of the 2024 tables splits into a name and at least one office part", () => {
    const bracketed = names.filter((n) => trailingBracket(n));
    expect(bracketed.length).toBeGreaterThan(40);
    for (const n of bracketed) {
      const b = trailingBracket(n) as { head: string; text: string };
      expect(b.head.length).toBeGreaterThan(0);
      expect(officeParts(b.text).length).toBeGreaterThan(0);
      expect(withoutBracket(n).trim()).toBe(b.head);
    }
  });
});

describe("officeParts: one splitter for brackets and the import file's cells", () => {
  it("splits on 、 , ， ; ； / and line breaks", () => {
    expect(officeParts("财务处、基金监督处")).toEqual(["财务处", "基金监督处"]);
    expect(officeParts("财务处,基金监督处；政研处/法规处\n就业局")).toEqual(["财务处", "基金监督处", "政研处", "法规处", "就业局"]);
    expect(officeParts("  ")).toEqual([]);
  });
});

describe("the target parser's name without its office", () => {
  it("coreName drops the bracket, half-width or full-width", () => {
    expect(coreName("各类考试、评审工作责任事故发生率(考试院）")).toBe("各类考试、评审工作责任事故发生率");
    expect(coreName("大数据核查比对次数（失业办）")).toBe("大数据核查比对次数");
  });
});
