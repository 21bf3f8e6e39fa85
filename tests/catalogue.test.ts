// The seeded 2024 document: counts per table and exact printed values checked against the source.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CITY_WIDE, listIndicators, getProjectView } from "../lib/catalogue/queries";
import { exportIndicators } from "../lib/catalogue/export";
import { prisma } from "../lib/db/prisma";
import { asUser } from "./users";

const source = readFileSync(path.resolve(import.meta.dirname, "../prisma/data/source/wuhan-hrss-2024-department-budget.txt"), "utf8");
/** The source with line breaks and spaces removed: a printed cell broken across lines is contiguous here. */
const flat = source.replace(/\s+/g, "");

// Counted by hand in the source document (表11 per goal table; 表12-N long-term and annual tables).
const expected: Record<string, { long_term: number; annual: number }> = {
  "11": { long_term: 30, annual: 33 },
  "12-1": { long_term: 20, annual: 19 },
  "12-2": { long_term: 21, annual: 20 },
  "12-3": { long_term: 5, annual: 5 },
  "12-4": { long_term: 15, annual: 18 },
  "12-5": { long_term: 13, annual: 20 },
  "12-6": { long_term: 9, annual: 14 },
  "12-7": { long_term: 10, annual: 10 },
};

describe("the 2024 catalogue", () => {
  it("holds 139 annual and 123 long-term rows, per table as printed", async () => {
    const rows = await listIndicators({ year: 2024 }, CITY_WIDE);
    expect(rows.filter((r) => r.term === "annual")).toHaveLength(139);
    expect(rows.filter((r) => r.term === "long_term")).toHaveLength(123);
    for (const [table, n] of Object.entries(expected)) {
      expect({ table, long_term: rows.filter((r) => r.tableNo === table && r.term === "long_term").length, annual: rows.filter((r) => r.tableNo === table && r.term === "annual").length }).toEqual({ table, ...n });
    }
  });

  it("表11 has 4 long-term and 4 annual goal tables with their rows per goal", async () => {
    const goals = await prisma.goal.findMany({ where: { year: 2024, tableNo: "11" }, include: { _count: { select: { indicators: true } } }, orderBy: { sortOrder: "asc" } });
    expect(goals.map((g) => `${g.term}:${g.goalNo}:${g._count.indicators}`)).toEqual([
      "long_term:1:10", "long_term:2:4", "long_term:3:8", "long_term:4:8",
      "annual:1:10", "annual:2:4", "annual:3:11", "annual:4:8",
    ]);
    expect(goals[0].text).toBe("坚持就业优先战略，实现更加充分更高质量就业。");
  });

  it("keeps a sample of printed values exactly, with the office split out of the name", async () => {
    const { indicators } = await exportIndicators(2024, CITY_WIDE);
    const find = (table: string, term: string, name: string) => {
      const hit = indicators.filter((i) => i.table === table && i.term === term && i.level3 === name);
      expect(hit, `${table} ${term} ${name}`).toHaveLength(1);
      return hit[0];
    };
    const jobs = find("11", "annual", "全年城镇新增就业人数");
    expect(jobs.values).toEqual({ "2022": "22万人", "2023": "22万人", "2024": "≥22万人" });
    expect(jobs.basis).toBe("计划标准");
    expect(jobs.project_code).toBeNull();

    const news = find("12-1", "annual", "开展新闻报道");
    expect(news.office_text).toBe("政研处");
    expect(news.name_printed).toBe("开展新闻报道（政研处）");
    expect(news.values).toEqual({ "2022": "100次", "2023": "100次", "2024": "100次" });
    expect(news.project_code).toBe("420100225030030000101");
    expect(find("12-1", "long_term", "开展新闻报道").value).toBe("300次");

    const audit = find("12-1", "annual", "聘请第三方检查频次");
    expect(audit.office_text).toBe("财务处、基金监督处");
    expect(audit.offices).toEqual(["财务管理处", "基金监督处"]);

    const survey = find("12-1", "annual", "企业薪酬调查户数");
    expect(survey.office_text).toBe("农工处");
    expect(survey.offices).toEqual(["监察关系处"]);
    expect(survey.values).toEqual({ "2022": "1500户", "2023": "1781户", "2024": "1700户" });

    const talent = find("12-1", "annual", "人力资源服务业专业人才评选");
    expect(talent.values?.["2023"]).toBe("预计10人");
    const thirdParty = find("12-1", "annual", "聘请第三方开展经责审计");
    expect(thirdParty.values).toEqual({ "2022": "/", "2023": "/", "2024": "100%" });

    const complaints = find("11", "long_term", "办案人员被投诉率");
    expect(complaints.value).toBe("≤1‰");
  });

  it("every printed row is found in the source text (name and values contiguous as printed)", async () => {
    const { indicators } = await exportIndicators(2024, CITY_WIDE);
    const missing = indicators.filter((i) => {
      const cells = "values" in i && i.values ? [i.values["2022"], i.values["2023"], i.values["2024"]].filter((v) => v != null) : [i.value];
      return !flat.includes((i.name_printed + cells.join("")).replace(/\s+/g, ""));
    });
    expect(missing.map((m) => `${m.table} ${m.term} ${m.name_printed}`)).toEqual([]);
  });

  it("a reporter's catalogue holds its own offices' indicators only; a manager's all", async () => {
    const zhengyan = await listIndicators({ year: 2024 }, await asUser("zhengyan"));
    expect(zhengyan.length).toBeGreaterThan(0);
    expect(zhengyan.every((r) => r.orgs.some((o) => o.organization.name === "政研处"))).toBe(true);
    expect(zhengyan.map((r) => r.level3)).toContain("开展新闻报道");
    expect(await listIndicators({ year: 2024 }, await asUser("manager"))).toHaveLength(262);
    const jiangan = await listIndicators({ year: 2024, term: "annual" }, await asUser("jiangan"));
    expect(jiangan.map((r) => r.officeText)).toEqual(jiangan.map(() => "各社保处"));
  });

  it("resolves 各社保处 to the nine district offices and every row to at least one organisation", async () => {
    const { indicators } = await exportIndicators(2024, CITY_WIDE);
    expect(indicators.filter((i) => i.offices.length === 0).map((i) => i.name_printed)).toEqual([]);
    const shared = indicators.filter((i) => i.office_text === "各社保处");
    expect(shared.length).toBeGreaterThan(0);
    for (const s of shared) expect(s.offices).toHaveLength(9);
    expect(shared[0].offices).toContain("武汉市人力资源和社会保障局东湖新技术开发区分局");
  });

  it("project pages carry 表10: codes, budgets and 32 second-level projects", async () => {
    const projects = await prisma.project.findMany({ where: { year: 2024 }, include: { _count: { select: { subProjects: true } } }, orderBy: { sortOrder: "asc" } });
    expect(projects.map((p) => p.code)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `42010022503003000010${n}`));
    expect(projects.reduce((s, p) => s + p._count.subProjects, 0)).toBe(32);
    const p1 = await getProjectView("420100225030030000101", 2024, await asUser("manager"));
    expect(p1?.currentBudget).toBe("2722.43");
    expect(p1?.currentBudgetYuan).toBe(27_224_300);
    expect(p1?.subProjects[0]).toMatchObject({ code: "42010022503T000000101", name: "机关业务工作经费", unitText: "武汉市人力资源和社会保障局机关" });
    expect(await prisma.organization.count({ where: { kind: "unit" } })).toBe(27);
  });
});
