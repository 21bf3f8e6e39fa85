import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toCsv, toXlsx } from "./status-table";
import type { StatusRow } from "../dashboard";

const EVIL = "=1+1";
const row: StatusRow = { id: 1, table: "11", project: "部门整体", level1: "产出指标", level2: "数量指标", level3: EVIL, office: "江岸社保处", orgId: 1, target: "≥100人", latest: "-5", achievement: 0.1, light: "red", explanation: EVIL, report: "approved" };

describe("the status table's exports: formula text comes out inert", () => {
  it("CSV: the name and the reason start with an apostrophe; a signed figure stays a figure", () => {
    const csv = toCsv([row], undefined, []);
    expect(csv).toBe("\ufeff表,项目,一级指标,二级指标,三级指标,填报单位,年度指标值,最新填报,完成进度,状态,说明\r\n11,部门整体,产出指标,数量指标,'=1+1,江岸社保处,≥100人,-5,10%,红灯,'=1+1\r\n");
  });

  it("XLSX: the name and the reason are text cells, not formulas", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx([row], undefined, [], "指标状态")) as unknown as ExcelJS.Buffer);
    const cells = wb.worksheets[0].getRow(3);
    for (const c of [cells.getCell(5), cells.getCell(11)]) {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.value).toBe(EVIL);
    }
  });
});
