import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeProfileDetail } from ".";

afterEach(() => vi.restoreAllMocks());

// The column as the seed writes it (prisma/seed/load.ts) from the 2024 document's 表11.
const { department } = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../prisma/data/2024/table-11.json"), "utf8")) as { department: { funds: unknown[]; projects: unknown[] } };
const detailJson = JSON.stringify({ funds: department.funds, projects: department.projects });

describe("DepartmentProfile.detailJson (表11)", () => {
  it("reads the seeded funds rows and project lines as printed", () => {
    const d = decodeProfileDetail(detailJson);
    expect(d.funds).toHaveLength(department.funds.length);
    expect(d.funds[0]).toEqual({ group: "收入构成", item: "财政拨款", amount: "67,502.25", share: "96.76%", y2023: "60,960.94", y2022: "70,650.41" });
    expect(d.projects).toHaveLength(department.projects.length);
    expect(d.projects[0]).toMatchObject({ name: "机关业务工作", category: "特定目标类", total: "2722.43", current: "2722.43" });
  });

  it("reads a department made without a document (`{}`, no profile) as no rows", () => {
    expect(decodeProfileDetail("{}")).toEqual({ funds: [], projects: [] });
    expect(decodeProfileDetail(undefined)).toEqual({ funds: [], projects: [] });
  });

  it("yields no rows for unreadable or wrongly shaped text", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(decodeProfileDetail("{funds")).toEqual({ funds: [], projects: [] });
    expect(decodeProfileDetail('{"funds":[{"group":"收入构成","item":"财政拨款","amount":67502.25}]}')).toEqual({ funds: [], projects: [] });
    expect(decodeProfileDetail('{"funds":{}}')).toEqual({ funds: [], projects: [] });
  });
});
