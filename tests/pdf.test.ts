// The 项目支出绩效自评表 printed to PDF through Chromium, then read back with poppler-utils:
// pages rasterise, page count, Chinese fonts embedded, the text and the page numbers are there.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectSelfEvaluation } from "../lib/reports/self-eval";
import { selfEvalSheet } from "../lib/reports/self-eval-sheet";
import { PROJECT_SELF_EVAL } from "../lib/reports/layouts";
import { closePdfBrowser, sheetsToPdf } from "../lib/reports/render/pdf";
import { seededDepartment } from "./users";

const D = await seededDepartment();

const CODE = "420100225030030000101"; // 表12-1 机关业务工作
const dir = mkdtempSync(path.join(tmpdir(), "jixiao-pdf-"));
const file = path.join(dir, "自评表.pdf");
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });

beforeAll(async () => {
  const d = await projectSelfEvaluation(D, CODE, 2024);
  if (!d) throw new Error("no project");
  writeFileSync(file, await sheetsToPdf([selfEvalSheet(PROJECT_SELF_EVAL, d)], PROJECT_SELF_EVAL.title));
}, 60_000);

afterAll(async () => {
  await closePdfBrowser();
  rmSync(dir, { recursive: true, force: true });
});

describe("项目支出绩效自评表 as PDF", () => {
  it("is an A4 landscape PDF whose every page rasterises", () => {
    expect(readFileSync(file).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const info = run("pdfinfo", [file]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    // A4 landscape: 841.89 × 595.28 pt, give or take Chromium's rounding.
    const [w, h] = (/^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info) ?? []).slice(1).map(Number);
    expect(w).toBeCloseTo(842, -1);
    expect(h).toBeCloseTo(595, -1);
    run("pdftoppm", ["-r", "50", "-png", file, path.join(dir, "page")]);
    const pngs = readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f));
    expect(pngs.length).toBeGreaterThanOrEqual(1);
    expect(pngs).toHaveLength(pages);
  });

  it("embeds the Chinese fonts it prints with", () => {
    const fonts = run("pdffonts", [file]).split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    // Every font embedded ("emb" column): the PDF prints the same on a machine without Noto CJK.
    for (const line of fonts) expect(line, line).toMatch(/\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    // Chromium embeds CFF (OpenType) fonts as Type 3 glyph programs, which pdffonts lists without a
    // name; their font descriptors still name the face the glyphs were drawn from.
    const names = `${fonts.join("\n")}\n${readFileSync(file).toString("latin1").match(/\/FontName\s*\/[^\s/>]+/g)?.join("\n") ?? ""}`;
    expect(names).toMatch(/CJK|Noto/);
  });

  it("reads back the form's title, the project and the page number", () => {
    const first = run("pdftotext", ["-layout", "-f", "1", "-l", "1", file, "-"]);
    for (const s of ["项目支出绩效自评表", "机关业务工作", "第 1 页"]) expect(first).toContain(s);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(run("pdfinfo", [file]))?.[1]);
    expect(first).toContain(`共 ${pages} 页`);
    const all = run("pdftotext", ["-layout", file, "-"]);
    for (const s of ["年初预算数", "三级指标", "开展新闻报道", "总分"]) expect(all).toContain(s);
  });
});
