// Onboarding a department from its published budget (issue 12): the seed document onboarded into a
// freshly migrated, empty database gives the seeded database's export, row for row and string for
// string; a second confirm writes nothing; bad documents are refused with a message and write nothing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "../lib/db/prisma";
import { applyOnboarding, planOnboarding, loadOnboardState, type OnboardInput } from "../lib/onboard/import";
import { extractBudget } from "../lib/onboard/extract";
import type { Extraction, RowSource } from "../lib/onboard/types";
import { readDocument } from "../prisma/seed/document";
import { seedDatabase } from "../prisma/seed/load";
import { freshDatabase } from "./db";

const root = path.resolve(import.meta.dirname, "..");
/** Each case runs the command line, a new Node process: on a loaded CI machine that takes a while. */
const CLI_TIMEOUT = 180_000;
const SEED_TEXT = path.join(root, "prisma/data/source/wuhan-hrss-2024-department-budget.txt");

function cli(args: string[], url: string) {
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "cli/index.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every row of every table the app writes, counted: "nothing written" is these numbers unchanged. */
async function rowCounts(db: Db) {
  const [departments, orgs, aliases, projects, subProjects, goals, indicators, values, links, audit, years, profiles] = await Promise.all([
    db.department.count(),
    db.organization.count(),
    db.orgAlias.count(),
    db.project.count(),
    db.subProject.count(),
    db.goal.count(),
    db.indicator.count(),
    db.indicatorValue.count(),
    db.indicatorOrg.count(),
    db.auditLog.count(),
    db.year.count(),
    db.departmentProfile.count(),
  ]);
  return { departments, orgs, aliases, projects, subProjects, goals, indicators, values, links, audit, years, profiles };
}

/** The hand transcription (the extractor's answer key) as an extraction, each row given made-up source lines. */
function answerKey(): Extraction {
  const { organizations: _, ...document } = readDocument(2024);
  const rows: RowSource[] = [];
  let line = 1;
  const add = (table: string, term: "annual" | "long_term", goalNo: number | null, n: number) => {
    for (let i = 1; i <= n; i++, line += 2) rows.push({ table, term, goalNo, index: i, from: line, to: line + 1 });
  };
  for (const term of ["long_term", "annual"] as const) for (const g of document.table11[term]) add("11", term, g.goal_no, g.rows.length);
  for (const t of document.tables12) for (const term of ["long_term", "annual"] as const) add(t.table, term, null, t[term].rows.length);
  return { year: 2024, document, rows, problems: [], lineCount: line };
}

/**
 * The seeded database's export, from a database seeded for this file alone: the suite's shared
 * database is changed by other files running at the same time (overrides, revisions).
 */
let seededExport: string;
/** The seed document planned against the database the seed loaded (the demo installation an admin re-imports into). */
let planOnSeeded: ReturnType<typeof planOnboarding>["preview"];
beforeAll(async () => {
  const seeded = await freshDatabase();
  const sdb = createPrisma(seeded.url);
  try {
    await seedDatabase(sdb);
    const text = readFileSync(SEED_TEXT, "utf8");
    planOnSeeded = planOnboarding({ extraction: extractBudget(text), text, code: "503", year: 2024 }, await loadOnboardState(sdb, "503", 2024)).preview;
  } finally {
    await sdb.$disconnect();
  }
  const r = cli(["export", "indicators", "--year", "2024", "--format", "json"], seeded.url);
  await seeded.drop();
  expect(r.code, r.stderr).toBe(0);
  seededExport = r.stdout;
}, CLI_TIMEOUT);

describe("onboarding the seed document into the database the seed loaded", () => {
  it("finds everything unchanged: no office, project, second-level project, goal table or indicator to write", () => {
    const c = planOnSeeded.counts;
    expect(c.indicators).toEqual({ create: 0, update: 0, unchanged: 262 });
    expect(c.projects).toEqual({ create: 0, update: 0, unchanged: 7 });
    expect(c.subProjects).toEqual({ create: 0, update: 0, unchanged: 32 });
    expect(c.tables).toEqual({ create: 0, update: 0, unchanged: 22 });
    expect(c.offices.create).toBe(0);
  });
});

describe("onboarding the seed document into an empty database", () => {
  let empty: Awaited<ReturnType<typeof freshDatabase>>;
  let db: Db;
  beforeAll(async () => {
    empty = await freshDatabase();
    db = createPrisma(empty.url);
  }, 180_000);
  afterAll(async () => {
    await db.$disconnect();
    await empty.drop();
  });

  it("from the answer key: the plan lists everything as new, the write gives the seeded export, and a second write changes nothing", async () => {
    const input: OnboardInput = { extraction: answerKey(), text: "", code: "503", year: 2024 };
    const plan = planOnboarding(input, await loadOnboardState(db, "503", 2024)).preview;
    expect(plan.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(plan.department).toMatchObject({ code: "503", name: "武汉市人力资源和社会保障局", action: "create" });
    expect(plan.counts.indicators).toEqual({ create: 262, update: 0, unchanged: 0 });
    expect(plan.counts.projects.create).toBe(7);
    expect(plan.counts.subProjects.create).toBe(32);
    expect(plan.tables).toHaveLength(4 + 4 + 7 * 2);
    expect(plan.tables.filter((t) => t.term === "annual").reduce((n, t) => n + t.rows.length, 0)).toBe(139);
    expect(plan.tables.every((t) => t.rows.every((r) => r.source && r.source.to > r.source.from))).toBe(true);
    expect(await rowCounts(db)).toMatchObject({ departments: 0, indicators: 0 });

    const first = await db.$transaction((tx) => applyOnboarding(tx, input, null, plan.digest), { timeout: 120_000 });
    expect(first.summary).toMatchObject({ created: 262, updated: 0, unchanged: 0 });
    const exported = cli(["export", "indicators", "--year", "2024", "--format", "json"], empty.url);
    expect(exported.code).toBe(0);
    expect((JSON.parse(exported.stdout) as { indicators: unknown[] }).indicators).toHaveLength(262);
    expect(exported.stdout).toBe(seededExport);

    const before = await rowCounts(db);
    const again = planOnboarding(input, await loadOnboardState(db, "503", 2024)).preview;
    expect(again.counts.indicators).toEqual({ create: 0, update: 0, unchanged: 262 });
    expect(again.counts.offices.create + again.counts.projects.create + again.counts.projects.update + again.counts.tables.create + again.counts.tables.update).toBe(0);
    const second = await db.$transaction((tx) => applyOnboarding(tx, input, null), { timeout: 120_000 });
    expect(second.summary.writes).toBe(0);
    expect(await rowCounts(db)).toEqual({ ...before, audit: before.audit });
  }, 240_000);

  it("a changed row is planned as changed, field by field, and confirming with a stale digest writes nothing", async () => {
    const ex = answerKey();
    const row = ex.document.tables12[0].annual.rows[0];
    const was = row.values["2024"];
    row.values["2024"] = "≥99999人";
    const input: OnboardInput = { extraction: ex, text: "", code: "503", year: 2024 };
    const plan = planOnboarding(input, await loadOnboardState(db, "503", 2024)).preview;
    expect(plan.counts.indicators).toEqual({ create: 0, update: 1, unchanged: 261 });
    const changed = plan.tables.flatMap((t) => t.rows).find((r) => r.action === "update");
    expect(changed?.changes).toEqual([{ field: "target", before: was, after: "≥99999人" }]);
    const before = await rowCounts(db);
    await expect(db.$transaction((tx) => applyOnboarding(tx, input, null, "0".repeat(64)))).rejects.toThrow(/changed after the preview/);
    expect(await rowCounts(db)).toEqual(before);
  }, 120_000);
});

describe("onboard on the command line", () => {
  let empty: Awaited<ReturnType<typeof freshDatabase>>;
  let db: Db;
  let dir: string;
  beforeAll(async () => {
    empty = await freshDatabase();
    db = createPrisma(empty.url);
    dir = mkdtempSync(path.join(tmpdir(), "jixiao-onboard-"));
  }, 60_000);
  afterAll(async () => {
    await db.$disconnect();
    await empty.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the seed document with --dept 503 --year 2024: the preview writes nothing, --confirm writes the seeded export exactly, a second --confirm writes nothing", async () => {
    const args = ["onboard", "--file", SEED_TEXT, "--dept", "503", "--year", "2024"];
    const preview = cli(args, empty.url);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toContain("部门 / department: 503 武汉市人力资源和社会保障局 (新增 new)");
    expect(preview.stdout).toContain("项目 / projects (表10): 7 (7 new, 0 changed, 0 unchanged); 二级项目 / second-level projects: 32 (32 new");
    expect(preview.stdout).toContain("目标表 / goal tables: 22 (22 new");
    expect(preview.stdout).toContain("表12-5 年度 annual 社会保障工作: 20 rows (20 new");
    expect(preview.stdout).toContain("指标 / indicators: 262 (262 new, 0 changed, 0 unchanged)");
    expect(preview.stdout).toContain("问题 / problems: 0 error(s)");
    expect(preview.stderr).toContain("nothing written");
    expect(await rowCounts(db)).toEqual({ departments: 0, orgs: 0, aliases: 0, projects: 0, subProjects: 0, goals: 0, indicators: 0, values: 0, links: 0, audit: 0, years: 0, profiles: 0 });

    const confirmed = cli([...args, "--confirm"], empty.url);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(confirmed.stderr).toMatch(/262 indicators new, 0 changed, 0 unchanged/);
    const mine = cli(["export", "indicators", "--year", "2024", "--format", "json"], empty.url);
    expect((JSON.parse(mine.stdout) as { indicators: unknown[] }).indicators).toHaveLength(262);
    expect(mine.stdout).toBe(seededExport);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "tables.onboard" } });
    expect(audit.userId).toBeNull(); // a new department: the installation acted
    expect(await db.auditLog.count({ where: { action: "indicator.onboard" } })).toBe(262);

    const before = await rowCounts(db);
    const again = cli([...args, "--confirm"], empty.url);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("指标 / indicators: 262 (0 new, 0 changed, 262 unchanged)");
    expect(again.stderr).toContain("nothing to write");
    expect(await rowCounts(db)).toEqual(before);
  }, 300_000);

  const refused = async (file: string, pattern: RegExp, extra: string[] = []) => {
    const before = await rowCounts(db);
    const r = cli(["onboard", "--file", file, "--dept", "503", "--year", "2024", "--confirm", ...extra], empty.url);
    expect(r.code, r.stderr).toBe(2);
    const line = r.stderr.trim().split("\n").at(-1) ?? "";
    expect(line).toMatch(/^error: .*[\u4e00-\u9fff].* \/ [A-Za-z]/);
    expect(line).toMatch(pattern);
    expect(await rowCounts(db)).toEqual(before);
    return r;
  };

  it("refuses a 50 MB file by its size, before reading it", async () => {
    const big = path.join(dir, "big.txt");
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x41));
    await refused(big, /over 20 MB/);
  }, CLI_TIMEOUT);

  it("refuses a file that is neither .txt nor .pdf, and bad arguments", async () => {
    const xlsx = path.join(dir, "budget.xlsx");
    writeFileSync(xlsx, "x");
    await refused(xlsx, /Only a budget's \.pdf or its text/);
    const r = cli(["onboard", "--file", SEED_TEXT, "--year", "20x4"], empty.url);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--year/);
  }, CLI_TIMEOUT);

  it("refuses a document with no indicator tables", async () => {
    const f = path.join(dir, "no-tables.txt");
    writeFileSync(f, "武汉市某某局2024年部门预算\n\n一、部门职责\n本部门负责……\n\n表1 收支总表\n收入 支出\n");
    await refused(f, /no performance-(goal|target) tables/);
  }, CLI_TIMEOUT);

  it("refuses an image-only PDF (no text layer)", async () => {
    const f = path.join(dir, "scan.pdf");
    writeFileSync(f, imageOnlyPdf());
    await refused(f, /no text layer/);
  }, CLI_TIMEOUT);

  it("refuses a 表10 whose second-level rows disagree with the project's printed total (a row lost)", async () => {
    const text = readFileSync(SEED_TEXT, "utf8");
    const f = path.join(dir, "row-lost.txt");
    writeFileSync(f, text.slice(0, text.indexOf("　　42010022503T000000158")) + text.slice(text.indexOf("　　42010022503T000000159")));
    const r = await refused(f, /second-level projects read add up to 1508\.44/);
    expect(r.stdout).toContain("就业和劳动保障工作");
  }, CLI_TIMEOUT);

  it("refuses a truncated document", async () => {
    const text = readFileSync(SEED_TEXT, "utf8");
    const f = path.join(dir, "truncated.txt");
    writeFileSync(f, text.slice(0, Math.floor(text.length * 0.75)));
    const r = await refused(f, /truncated/);
    expect(r.stdout).toMatch(/\[error\] 表10: 表10列出的项目“中职教育教学工作经费”没有对应的表12/);
  }, CLI_TIMEOUT);
});

/** A one-page PDF whose only content is an image: what a scanned budget looks like to pdftotext. */
function imageOnlyPdf(): Buffer {
  const pixels = Buffer.from([0x80, 0x80, 0x80]);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
    `<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length ${pixels.length} >>\nstream\n${pixels.toString("latin1")}\nendstream`,
  ];
  const content = "q 595 0 0 842 0 0 cm /Im1 Do Q";
  objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}
