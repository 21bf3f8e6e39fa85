import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeProjectAmounts, decodeProjectDetail, decodeSubProjectAmounts } from ".";

afterEach(() => vi.restoreAllMocks());

// The columns as the seed writes them (prisma/seed/load.ts) from the 2024 document: 表12-1 机关业务工作
// and 表10's first project with its first second-level project, 机关业务工作经费.
const data = (file: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, "../../prisma/data/2024", file), "utf8")) as unknown;
const { project } = data("table-12-1.json") as { project: Record<string, unknown> & { fund_sources: unknown[] } };
const { fund_sources, total_budget: _t, current_budget: _c, budget_history: _h, ...header } = project;
const detailJson = JSON.stringify({ ...header, fund_sources, executingOrgIds: [3, 4] });
const table10 = data("table-10.json") as { projects: { amounts: Record<string, string | null>; children: { amounts: Record<string, string | null> }[] }[] };

describe("Project.detailJson", () => {
  it("reads the seeded 表12-1: its fund sources as printed, the executing offices, and the rest of the header kept", () => {
    const d = decodeProjectDetail(detailJson);
    expect(d.fund_sources?.slice(0, 2)).toEqual([
      { name: "1.一般公共预算财政拨款", amount: "2702.43" },
      { name: "其中：申请本级财力年初安排", amount: "2407.23" },
    ]);
    expect(d.fund_sources?.find((s) => s.name === "2.政府性基金预算财政拨款")?.amount).toBeNull();
    expect(d.executingOrgIds).toEqual([3, 4]);
    expect(d.lead).toBe("各处室负责人");
    expect(Array.isArray(d.spending) && d.spending.length).toBeGreaterThan(0);
  });

  it("reads a new project's empty detail (admin tables, rollover) as no fund sources", () => {
    expect(decodeProjectDetail("{}")).toEqual({});
  });

  it("yields an empty detail for unreadable or wrongly shaped text", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(decodeProjectDetail("{")).toEqual({});
    expect(decodeProjectDetail('{"fund_sources":[{"name":"1.一般公共预算财政拨款","amount":2702.43}]}')).toEqual({});
    expect(decodeProjectDetail('{"executingOrgIds":["政研处"]}')).toEqual({});
    expect(decodeProjectDetail('"机关业务工作"')).toEqual({});
  });
});

describe("Project.amountsJson and SubProject.amountsJson (表10)", () => {
  it("reads the seeded amounts as printed strings, nulls kept", () => {
    const p = table10.projects[0];
    expect(decodeProjectAmounts(JSON.stringify(p.amounts))).toMatchObject({ total: "2,722.43", current_general: "2,407.23", carry_general: "295.20", unit_funds: "20.00", special_account: null });
    expect(decodeSubProjectAmounts(JSON.stringify(p.children[0].amounts))).toMatchObject({ total: "2,722.43", unit_funds: "20.00" });
    expect(decodeProjectAmounts("{}")).toEqual({});
  });

  it("yields no amounts for unreadable or wrongly shaped text", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(decodeProjectAmounts("not json")).toEqual({});
    expect(decodeProjectAmounts('{"total":2722.43}')).toEqual({});
    expect(decodeSubProjectAmounts('["2,722.43"]')).toEqual({});
  });
});
