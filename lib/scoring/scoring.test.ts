import { describe, expect, it } from "vitest";
import { parseTarget } from "@/lib/targets";
import { DEFAULT_OPTIONS, gradeOf, level1KeyOf, roundTo, scoreProject, type ScoreInput, type ScoreResult, type ScoreRow } from "./index";

const row = (
  id: number | string,
  level1: string,
  level2: string,
  level3: string,
  target: string,
  actualText: string | null,
  extra: Partial<ScoreRow> = {},
): ScoreRow => ({ id, level1, level2, level3, target: parseTarget(target, level3), actualText, ...extra });

const byId = (r: ScoreResult, id: number | string) => {
  const found = r.rows.find((x) => x.id === id);
  if (!found) throw new Error(`row ${id} not scored`);
  return found;
};
const codes = (r: ScoreResult) => r.errors.map((e) => e.code);
const P = 9; // decimal places compared: ratios from lib/targets carry 12 significant digits

// ---------------------------------------------------------------------------------------------
// 表12-7 中职教育教学工作经费 (武汉技师学院), the 2024 年度绩效目标表 as printed, with a scripted
// year-end: what the college reports in January 2025.
//
// Budget: 全年预算数 1249.4万元 = 12 494 000 元; 全年执行数 1211.918万元 = 12 119 180 元.
//   执行率 = 12 119 180 ÷ 12 494 000 = 0.97 → 10 × min(0.97, 1) = 9.7
//
// 产出指标 50 points, 7 rows, no row weights → 50/7 ≈ 7.142857 each
//   1 当年招生人数            600人          → 560人     ratio 560/600 = 14/15   not met: 50/7 × 14/15 = 20/3 ≈ 6.666667
//   2 教师参与教学教研培训人次  100人次        → 128人次   ratio 1.28 met: 50/7; 1.28 ≥ 1.2 → over_achievement flag
//   3 …技能培训及考试参加人次   10000人次以上  → 11500人次 ratio 1.15 met: 50/7; 1.15 < 1.2 → no flag
//   4 实训课时占总课时比例      50%            → 52%       met: 50/7
//   5 “双师型”教师占教师总数比例 60%以上       → 57%       ratio 0.95 not met: 50/7 × 0.95 = 47.5/7 ≈ 6.785714
//   6 学生食堂安全检查合格率    90%            → 100%      met: 50/7
//   7 技能培训合格率            95%            → 96%       met: 50/7
//   产出 = 5 × 50/7 + 20/3 + 47.5/7 = 297.5/7 + 20/3 = 42.5 + 6.666667 = 49.166667
// 效益指标 30 points, 2 rows → 15 each
//   8 学生违法犯罪率 (反向)    0              → 0         met (0 ≤ 0): 15
//   9 …社会化考试收入          62万元         → 55.8万元  ratio 0.9 not met: 15 × 0.9 = 13.5
//   效益 = 28.5
// 满意度指标 10 points, 1 row
//  10 学生、企业对学院的满意度 95%            → 93.1%     ratio 0.98 not met: 10 × 0.98 = 9.8
// Total = 9.7 + 49.166667 + 28.5 + 9.8 = 97.166667 → displayed 97.17 → 优
// Shortfalls (below full weight): rows 1, 5, 9, 10.
// ---------------------------------------------------------------------------------------------
const BUDGET_12_7 = { budgetYuan: 12_494_000, spentYuan: 12_119_180 };
const W7 = 50 / 7;

function year12_7(): ScoreRow[] {
  return [
    row(1, "产出指标", "数量指标", "当年招生人数", "600人", "560人", {
      deviationReason: "适龄生源减少，实际招生560人。",
      correctiveMeasure: "加强招生宣传，拓展校企合作订单班。",
    }),
    row(2, "产出指标", "数量指标", "教师参与教学教研培训人次", "100人次", "128人次"),
    row(3, "产出指标", "数量指标", "面向社会和企业开展的技能培训及考试参加人次", "10000人次以上", "11500人次"),
    row(4, "产出指标", "数量指标", "实训课时占总课时比例", "50%", "52%"),
    row(5, "产出指标", "质量指标", "“双师型”教师占教师总数比例", "60%以上", "57%", {
      deviationReason: "2024年新进教师尚未取得双师资格。",
      correctiveMeasure: "组织新教师参加企业实践和职业资格认定。",
    }),
    row(6, "产出指标", "质量指标", "学生食堂安全检查合格率", "90%", "100%"),
    row(7, "产出指标", "质量指标", "技能培训合格率", "95%", "96%"),
    row(8, "效益指标", "社会效益", "学生违法犯罪率", "0", "0"),
    row(9, "效益指标", "经济效益指标", "面向社会和企业开展技能培训和社会化考试收入", "62万元", "55.8万元", {
      deviationReason: "社会化考试场次减少。",
      correctiveMeasure: "拓展企业职工培训项目。",
    }),
    row(10, "满意度指标", "社会公众或服务对象满意度指标", "学生、企业对学院的满意度", "95%", "93.1%", {
      deviationReason: "部分学生对实训设备更新不满意。",
      correctiveMeasure: "加快精密检测实训室建设。",
    }),
  ];
}
const with12_7 = (patch: Record<number, Partial<ScoreRow>>, extra: Partial<ScoreInput> = {}): ScoreInput => ({
  budget: BUDGET_12_7,
  rows: year12_7().map((r) => ({ ...r, ...patch[r.id as number] })),
  ...extra,
});

describe("scoreProject — 表12-7 中职教育教学工作经费, scripted 2024 year", () => {
  const r = scoreProject(with12_7({}));

  it("is valid: weights add up, every shortfall explained", () => {
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.scale).toBe(1);
    expect(r.weights).toEqual({ budget: 10, output: 50, outcome: 30, satisfaction: 10 });
  });

  it("budget execution: 12 119 180 ÷ 12 494 000 = 0.97 → 9.7", () => {
    expect(r.budget).not.toBeNull();
    expect(r.budget!.rate).toBeCloseTo(0.97, 12);
    expect(r.budget!.weight).toBe(10);
    expect(r.budget!.score).toBeCloseTo(9.7, 12);
  });

  it("splits each 一级 evenly: 产出 50/7, 效益 15, 满意度 10", () => {
    for (const id of [1, 2, 3, 4, 5, 6, 7]) expect(byId(r, id).weight).toBeCloseTo(W7, 12);
    expect(byId(r, 8).weight).toBe(15);
    expect(byId(r, 9).weight).toBe(15);
    expect(byId(r, 10).weight).toBe(10);
  });

  it("正向 not met scores weight × actual/target", () => {
    expect(byId(r, 1).met).toBe(false);
    expect(byId(r, 1).ratio).toBeCloseTo(14 / 15, P);
    expect(byId(r, 1).score).toBeCloseTo(20 / 3, P); // 50/7 × 14/15
    expect(byId(r, 5).score).toBeCloseTo(47.5 / 7, P); // 50/7 × 0.95
    expect(byId(r, 9).score).toBeCloseTo(13.5, P); // 15 × 0.9
    expect(byId(r, 10).score).toBeCloseTo(9.8, P); // 10 × 0.98
  });

  it("met scores full weight, over-achievement included (no automatic deduction)", () => {
    for (const id of [2, 3, 4, 6, 7]) expect(byId(r, id).score).toBeCloseTo(W7, 12);
    expect(byId(r, 8).score).toBe(15); // 反向 0 → 0
    expect(byId(r, 8).met).toBe(true);
  });

  it("flags over-achievement at ratio ≥ 1.2 only", () => {
    expect(byId(r, 2).ratio).toBeCloseTo(1.28, 12);
    expect(byId(r, 2).flags).toEqual(["over_achievement"]);
    expect(byId(r, 2).note.zh).toContain("128%");
    expect(byId(r, 3).flags).toEqual([]); // 1.15
    expect(byId(r, 6).flags).toEqual([]); // 100% ÷ 90% = 1.11
  });

  it("totals 97.166667 → 97.17, 优", () => {
    // 9.7 + (5 × 50/7 + 20/3 + 47.5/7) + (15 + 13.5) + 9.8
    expect(r.total).toBeCloseTo(9.7 + 297.5 / 7 + 20 / 3 + 28.5 + 9.8, P);
    expect(r.totalRounded).toBe(97.17);
    expect(r.totalDisplay).toBe("97.17");
    expect(r.grade).toBe("优");
  });

  it("lists the shortfalls with their deviation reason and corrective measure", () => {
    expect(r.shortfalls.map((s) => s.id)).toEqual([1, 5, 9, 10]);
    const s1 = r.shortfalls[0];
    expect(s1.target).toBe("600人");
    expect(s1.actualText).toBe("560人");
    expect(s1.lost).toBeCloseTo(W7 - 20 / 3, P);
    expect(s1.deviationReason).toBe("适龄生源减少，实际招生560人。");
    expect(s1.correctiveMeasure).toBe("加强招生宣传，拓展校企合作订单班。");
    expect(s1.missing).toEqual([]);
  });

  it("explains each score in zh and en", () => {
    expect(byId(r, 1).note.zh).toBe("未达成（指标 600人，实际 560人）：7.14 × 实际/指标 93.33% = 6.67。");
    expect(byId(r, 1).note.en).toBe("Not met (target 600人, actual 560人): 7.14 × actual/target 93.33% = 6.67.");
  });

  it("a shortfall without its explanation is a validation error", () => {
    const res = scoreProject(with12_7({ 9: { deviationReason: "  ", correctiveMeasure: null } }));
    expect(res.ok).toBe(false);
    expect(res.errors).toHaveLength(1);
    expect(res.errors[0]).toMatchObject({ code: "explanation_missing", rowId: 9 });
    expect(res.shortfalls.find((s) => s.id === 9)!.missing).toEqual(["deviationReason", "correctiveMeasure"]);
    // the score itself does not change
    expect(res.total).toBeCloseTo(r.total, 12);
    // and the requirement can be switched off
    const off = scoreProject(with12_7({ 9: { deviationReason: null } }, { options: { requireShortfallExplanation: false } }));
    expect(off.ok).toBe(true);
  });
});

describe("over-achievement threshold", () => {
  it("is configurable within 1.2–1.3", () => {
    const r = scoreProject(with12_7({}, { options: { overAchievementRatio: 1.3 } }));
    expect(r.ok).toBe(true);
    expect(byId(r, 2).flags).toEqual([]); // 1.28 < 1.3
    const r125 = scoreProject(with12_7({ 3: { actualText: "12500人次" } }, { options: { overAchievementRatio: 1.25 } }));
    expect(byId(r125, 2).flags).toEqual(["over_achievement"]);
    expect(byId(r125, 3).flags).toEqual(["over_achievement"]); // exactly 1.25: ≥
  });

  it("outside 1.2–1.3 is refused (and 1.2 used)", () => {
    const r = scoreProject(with12_7({}, { options: { overAchievementRatio: 1.5 } }));
    expect(codes(r)).toEqual(["option_invalid"]);
    expect(byId(r, 2).flags).toEqual(["over_achievement"]);
  });

  it("does not flag 反向 rows unless asked", () => {
    const rows = [
      row("c", "满意度指标", "服务对象满意度指标", "办案人员被投诉率", "≤1‰", "0.8‰"), // 1‰ ÷ 0.8‰ = 1.25
      row("o", "产出指标", "数量指标", "当年招生人数", "600人", "600人"),
      row("e", "效益指标", "社会效益", "学生违法犯罪率", "0", "0"),
    ];
    expect(byId(scoreProject({ budget: null, rows }), "c").flags).toEqual([]);
    const on = scoreProject({ budget: null, rows, options: { overAchievementLowerIsBetter: true } });
    expect(byId(on, "c").flags).toEqual(["over_achievement"]);
    expect(byId(on, "c").score).toBe(byId(on, "c").weight); // still full
  });
});

describe("反向 (lower is better) rows", () => {
  // A small project: budget fully spent (10), one 产出 row met (50), one 效益 row (30), one 满意度
  // row (10). Rows are from 表12-7 (学生违法犯罪率 0) and 表11 (办案人员被投诉率 ≤1‰).
  const project = (crime: string, complaints: string) =>
    scoreProject({
      budget: { budgetYuan: 1_000_000, spentYuan: 1_000_000 },
      rows: [
        row(1, "产出指标", "数量指标", "当年招生人数", "600人", "600人"),
        row(2, "效益指标", "社会效益", "学生违法犯罪率", "0", crime, { deviationReason: "x", correctiveMeasure: "y" }),
        row(3, "满意度指标", "服务对象满意度指标", "办案人员被投诉率", "≤1‰", complaints, { deviationReason: "x", correctiveMeasure: "y" }),
      ],
    });

  it("met (actual ≤ target) scores full; an actual of 0 under a ceiling is met", () => {
    const r = project("0", "0");
    expect(byId(r, 2).score).toBe(30);
    expect(byId(r, 3).score).toBe(10);
    expect(byId(r, 3).ratio).toBeNull(); // target/actual has no meaning at 0, still met
    expect(r.total).toBe(100);
    expect(r.ok).toBe(true);
  });

  it("missed scores weight × target/actual: 1‰ ÷ 1.25‰ = 0.8 → 10 × 0.8 = 8", () => {
    const r = project("0", "1.25‰");
    expect(byId(r, 3).met).toBe(false);
    expect(byId(r, 3).ratio).toBeCloseTo(0.8, 12);
    expect(byId(r, 3).score).toBeCloseTo(8, P);
    expect(byId(r, 3).note.zh).toContain("指标/实际 80%");
    expect(r.total).toBeCloseTo(98, P); // 10 + 50 + 30 + 8
  });

  it("a target of 0 missed scores 0: target/actual = 0 ÷ 0.5‰ = 0", () => {
    const r = project("0.5‰", "0.6‰");
    expect(byId(r, 2).met).toBe(false);
    expect(byId(r, 2).score).toBe(0);
    expect(byId(r, 2).note.zh).toContain("目标为 0");
    expect(byId(r, 3).score).toBe(10); // 0.6‰ ≤ 1‰
    expect(r.total).toBe(70); // 10 + 50 + 0 + 10
    expect(r.grade).toBe("中");
  });
});

describe("not applicable rows: left out, the rest rescaled to 100", () => {
  // Row 6 学生食堂安全检查合格率 does not apply (canteen closed for works all year).
  // Its share 50/7 is left out: weights left = 100 − 50/7 = 650/7 ≈ 92.857143.
  // scale = 100 ÷ (650/7) = 14/13 ≈ 1.076923; every remaining weight × 14/13:
  //   budget 10 → 140/13 ≈ 10.769231 (score 140/13 × 0.97 ≈ 10.446154)
  //   产出 rows 50/7 → 100/13 ≈ 7.692308; 效益 rows 15 → 210/13 ≈ 16.153846; 满意度 10 → 140/13
  // Earned before scaling = 97.166667 − 50/7 = 90.023810; total = 90.023810 × 14/13 ≈ 96.948718 → 96.95
  const r = scoreProject(with12_7({ 6: { applicable: false } }));

  it("rescales every remaining weight by 14/13", () => {
    expect(r.ok).toBe(true);
    expect(r.scale).toBeCloseTo(14 / 13, 12);
    expect(r.budget!.weight).toBeCloseTo(140 / 13, 12);
    expect(r.budget!.score).toBeCloseTo((140 / 13) * 0.97, 12);
    expect(byId(r, 1).weight).toBeCloseTo(100 / 13, 12);
    expect(byId(r, 8).weight).toBeCloseTo(210 / 13, 12);
    expect(byId(r, 10).weight).toBeCloseTo(140 / 13, 12);
    const sum = r.budget!.weight + r.rows.reduce((a, x) => a + x.weight, 0);
    expect(sum).toBeCloseTo(100, 12);
  });

  it("keeps the row, marked, with no points", () => {
    const na = byId(r, 6);
    expect(na.flags).toEqual(["not_applicable"]);
    expect(na.weight).toBe(0);
    expect(na.baseWeight).toBeCloseTo(W7, 12);
    expect(na.score).toBe(0);
    expect(r.shortfalls.map((s) => s.id)).toEqual([1, 5, 9, 10]);
    expect(r.notes.some((n) => n.zh.includes("不适用"))).toBe(true);
  });

  it("totals (97.166667 − 50/7) × 14/13 ≈ 96.948718 → 96.95", () => {
    expect(r.total).toBeCloseTo((9.7 + 247.5 / 7 + 20 / 3 + 28.5 + 9.8) * (14 / 13), P);
    expect(r.totalDisplay).toBe("96.95");
  });

  it("a target of \"/\" (no value that year) is left out the same way", () => {
    const slash = scoreProject(with12_7({ 6: { target: parseTarget("/", "学生食堂安全检查合格率") } }));
    expect(byId(slash, 6).flags).toEqual(["not_applicable"]);
    expect(slash.total).toBeCloseTo(r.total, 12);
  });

  it("an adjustment on a row that does not apply is refused", () => {
    const res = scoreProject(with12_7({ 6: { applicable: false, adjustment: { score: 5, reason: "抽查" } } }));
    expect(codes(res)).toEqual(["adjustment_not_applicable"]);
    expect(res.total).toBeCloseTo(r.total, 12);
  });

  it("满意度 rows that exist but do not apply are rescaled, not redistributed", () => {
    // scale = 100 ÷ 90; total = (9.7 + 49.166667 + 28.5) × 10/9 = 87.366667 × 10/9 ≈ 97.074074
    const res = scoreProject(with12_7({ 10: { applicable: false } }));
    expect(res.scale).toBeCloseTo(10 / 9, 12);
    expect(res.weights.satisfaction).toBe(10);
    expect(res.total).toBeCloseTo((9.7 + 297.5 / 7 + 20 / 3 + 28.5) * (10 / 9), P);
  });

  it("a project without a budget to score leaves the budget's 10 out", () => {
    // scale = 100 ÷ 90; total = (49.166667 + 28.5 + 9.8) × 10/9 ≈ 97.185185
    const res = scoreProject({ ...with12_7({}), budget: null });
    expect(res.budget).toBeNull();
    expect(res.scale).toBeCloseTo(10 / 9, 12);
    expect(res.total).toBeCloseTo((297.5 / 7 + 20 / 3 + 28.5 + 9.8) * (10 / 9), P);
  });
});

describe("a project with no 满意度 rows", () => {
  // 满意度 10 → 产出/效益 in proportion 50:30: 产出 50 + 10 × 50/80 = 56.25, 效益 30 + 10 × 30/80 = 33.75.
  // 产出 rows 56.25/7 ≈ 8.035714 each: earned 56.25/7 × (5 + 14/15 + 0.95) = 56.25 × 0.983333 = 55.3125
  // 效益 rows 16.875 each: 16.875 + 16.875 × 0.9 = 32.0625
  // total = 9.7 + 55.3125 + 32.0625 = 97.075 → 97.08 (half up)
  const r = scoreProject({ budget: BUDGET_12_7, rows: year12_7().filter((x) => x.id !== 10) });

  it("gives its points to 产出/效益 50:30", () => {
    expect(r.ok).toBe(true);
    expect(r.weights).toEqual({ budget: 10, output: 56.25, outcome: 33.75, satisfaction: 0 });
    expect(r.scale).toBe(1);
    expect(byId(r, 1).weight).toBeCloseTo(56.25 / 7, 12);
    expect(byId(r, 9).weight).toBe(16.875);
    expect(r.notes[0].zh).toContain("56.25");
  });

  it("totals 97.075 → 97.08", () => {
    expect(r.total).toBeCloseTo(97.075, P);
    expect(r.totalDisplay).toBe("97.08");
  });

  it("can instead be rescaled (option off): scale 100/90", () => {
    const off = scoreProject({ budget: BUDGET_12_7, rows: year12_7().filter((x) => x.id !== 10), options: { redistributeSatisfaction: false } });
    expect(off.scale).toBeCloseTo(10 / 9, 12);
    expect(off.total).toBeCloseTo((9.7 + 297.5 / 7 + 20 / 3 + 28.5) * (10 / 9), P);
  });
});

describe("adjustments", () => {
  it("override a computed score with a reason; both are kept", () => {
    // Row 2: 128人次 against 100人次 is flagged; the evaluator deducts to 6 (偏离度).
    // total = 97.166667 − 50/7 + 6 = 96.023810 → 96.02
    const reason = "目标设定偏低（完成128%），按偏离度扣分。";
    const r = scoreProject(
      with12_7({ 2: { adjustment: { score: 6, reason }, deviationReason: "年度目标设定偏低。", correctiveMeasure: "2025年按实际需求调高指标值。" } }),
    );
    const a = byId(r, 2);
    expect(r.ok).toBe(true);
    expect(a.computed).toBeCloseTo(W7, 12);
    expect(a.score).toBe(6);
    expect(a.adjustment).toEqual({ score: 6, reason });
    expect(a.flags).toEqual(["over_achievement", "adjusted"]);
    expect(a.note.zh).toContain(reason);
    expect(r.total).toBeCloseTo(9.7 + 297.5 / 7 + 20 / 3 + 28.5 + 9.8 - W7 + 6, P);
    expect(r.totalDisplay).toBe("96.02");
    // a deducted row is a shortfall like any other
    expect(r.shortfalls.map((s) => s.id)).toEqual([1, 2, 5, 9, 10]);
  });

  it("without a reason is refused: error, the computed score stands", () => {
    const r = scoreProject(with12_7({ 2: { adjustment: { score: 6, reason: "   " } } }));
    expect(r.ok).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: "adjustment_reason_missing", rowId: 2 });
    expect(r.errors[0].zh).toContain("没有填写理由");
    expect(byId(r, 2).score).toBeCloseTo(W7, 12);
    expect(byId(r, 2).flags).toEqual(["over_achievement"]);
    expect(byId(r, 2).adjustment).toBeUndefined();
    expect(r.totalDisplay).toBe("97.17");
  });

  it("above the row's weight (or negative) is refused", () => {
    const r = scoreProject(with12_7({ 4: { adjustment: { score: 8, reason: "加分" } }, 7: { adjustment: { score: -1, reason: "扣分" } } }));
    expect(codes(r)).toEqual(["adjustment_out_of_range", "adjustment_out_of_range"]);
    expect(byId(r, 4).score).toBeCloseTo(W7, 12);
  });

  it("is entered in the rescaled points shown", () => {
    // Row 6 not applicable → row 1 is worth 100/13 ≈ 7.69; an adjustment to 7.5 is within it.
    const r = scoreProject(with12_7({ 6: { applicable: false }, 1: { adjustment: { score: 7.5, reason: "招生数据口径调整后为590人。" } } }));
    expect(r.ok).toBe(true);
    expect(byId(r, 1).score).toBe(7.5);
  });
});

describe("weights that do not add up", () => {
  it("一级 weights: 10 + 55 + 30 + 10 ≠ 100", () => {
    const r = scoreProject(with12_7({}, { weights: { output: 55 } }));
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(["level1_weights_sum"]);
    expect(r.errors[0].zh).toBe(
      "一级指标分值合计 95（产出指标 55 + 效益指标 30 + 满意度指标 10），应为 100 − 预算执行率 10 = 90，相差 5。",
    );
    expect(r.errors[0].en).toContain("should be 100 − budget 10 = 90; off by 5");
  });

  it("a budget worth 20 (some local forms) needs the 一级 weights to be set to 80", () => {
    expect(codes(scoreProject(with12_7({}, { weights: { budget: 20 } })))).toEqual(["level1_weights_sum"]);
    const ok = scoreProject(with12_7({}, { weights: { budget: 20, output: 40, outcome: 30, satisfaction: 10 } }));
    expect(ok.ok).toBe(true);
    expect(ok.budget!.score).toBeCloseTo(19.4, 12); // 20 × 0.97
    // or set as the unit's default through the options
    const viaOptions = scoreProject(with12_7({}, { options: { weights: { budget: 20, output: 40, outcome: 30, satisfaction: 10 } } }));
    expect(viaOptions.total).toBeCloseTo(ok.total, 12);
  });

  it("row weights within a 一级 must add up to its weight when all are set", () => {
    // 产出 50 set row by row as 10 + 5 + 5 + 5 + 8 + 5 + 10 = 48
    const w = [10, 5, 5, 5, 8, 5, 10];
    const r = scoreProject(with12_7(Object.fromEntries(w.map((x, i) => [i + 1, { weight: x }]))));
    expect(codes(r)).toEqual(["row_weights_sum"]);
    expect(r.errors[0].zh).toContain("产出指标下各三级指标分值合计 48，应为该一级指标的分值 50，相差 -2");
    expect(r.errors[0].zh).toContain("“当年招生人数” 10");
    expect(r.errors[0].en).toContain("add up to 48, but should be its weight 50");
  });

  it("rows with their own weight keep it; the others share what is left", () => {
    // 产出 50: rows 1 and 5 weigh 10 each; the other five share 30 → 6 each.
    // 产出 earned = 10 × 14/15 + 10 × 0.95 + 5 × 6 = 9.333333 + 9.5 + 30 = 48.833333
    // total = 9.7 + 48.833333 + 28.5 + 9.8 = 96.833333
    const r = scoreProject(with12_7({ 1: { weight: 10 }, 5: { weight: 10 } }));
    expect(r.ok).toBe(true);
    expect(byId(r, 1).weight).toBe(10);
    expect(byId(r, 2).weight).toBe(6);
    expect(r.total).toBeCloseTo(9.7 + 10 * (14 / 15) + 9.5 + 30 + 28.5 + 9.8, P);
  });

  it("own weights above the 一级's weight, or leaving nothing for the rest, are errors", () => {
    expect(codes(scoreProject(with12_7({ 8: { weight: 31 } })))).toEqual(["row_weights_exceed"]);
    const none = scoreProject(with12_7({ 8: { weight: 30 } }));
    expect(codes(none)).toEqual(["row_weights_none_left"]);
    expect(none.errors[0].zh).toContain("面向社会和企业开展技能培训和社会化考试收入");
  });

  it("a negative weight is an error", () => {
    expect(codes(scoreProject(with12_7({}, { weights: { outcome: -30 } })))).toEqual(["weight_invalid", "level1_weights_sum"]);
  });
});

describe("qualitative rows: tier and band", () => {
  // 表12-4 人力资源工作经费 (考试院 / 人才中心 rows). Budget fully spent: 10.
  // 产出 50: 1 row met. 效益 30 over 3 rows = 10 each. 满意度 10: 1 row met.
  const explained = { deviationReason: "无纸化系统上线推迟至四季度。", correctiveMeasure: "2025年上半年完成全部考务环节上线。" };
  const project = (q1: Partial<ScoreRow>, q2: Partial<ScoreRow> = {}, options = {}) =>
    scoreProject({
      budget: { budgetYuan: 50_956_500, spentYuan: 50_956_500 },
      rows: [
        row(1, "产出指标", "质量指标", "职业资格考试、职称评审完成率(考试院）", "100%", "100%"),
        row(2, "效益指标", "社会效益", "推动考务工作科学信息化建设，低碳环保的无纸化流程（考试院）", "有效推动", null, { ...explained, ...q1 }),
        row(3, "效益指标", "社会效益", "提高大学生创业就业成功率（人才中心）", "有效提高", null, { tier: "met", ...q2 }),
        row(4, "效益指标", "社会效益", "各类考试、评审工作责任事故发生率(考试院）", "0", "0"),
        row(5, "满意度指标", "服务对象满意度指标", "人才服务社会满意度（人才中心）", "95%", "96%"),
      ],
      options,
    });

  it("部分达成 at 75% of 10 → 7.5; 达成 with no score → 100%", () => {
    // total = 10 + 50 + 7.5 + 10 + 10 + 10 = 97.5
    const r = project({ tier: "partial", tierScore: 0.75 });
    expect(r.ok).toBe(true);
    expect(byId(r, 2).score).toBe(7.5);
    expect(byId(r, 2).tier).toBe("partial");
    expect(byId(r, 2).tierScore).toBe(0.75);
    expect(byId(r, 2).met).toBe(false);
    expect(byId(r, 2).note.zh).toContain("部分达成年度指标并具有一定效果");
    expect(byId(r, 3).score).toBe(10);
    expect(byId(r, 3).tierScore).toBe(1);
    expect(r.total).toBe(97.5);
    expect(r.shortfalls.map((s) => s.id)).toEqual([2]);
  });

  it("band ends are inside: 达成 80%, 部分达成 80% and 60%, 未达成 0–60%", () => {
    expect(byId(project({ tier: "partial", tierScore: 0.8 }, { tierScore: 0.8 }), 3).score).toBe(8);
    expect(project({ tier: "partial", tierScore: 0.6 }).ok).toBe(true);
    const failed = project({ tier: "failed", tierScore: 0.5 });
    expect(failed.ok).toBe(true);
    expect(byId(failed, 2).score).toBe(5);
  });

  it("a score outside the tier's band is an error and counts at the band's bottom", () => {
    const r = project({ tier: "partial", tierScore: 0.85 });
    expect(codes(r)).toEqual(["tier_score_out_of_band"]);
    expect(r.errors[0].zh).toContain("60%–80%");
    expect(r.errors[0].zh).toContain("85%");
    expect(byId(r, 2).score).toBe(6); // 10 × 60%
    expect(codes(project({ tier: "failed", tierScore: 0.65 }))).toEqual(["tier_score_out_of_band"]);
    expect(codes(project({ tier: "met", tierScore: 0.7 }))).toEqual(["tier_score_out_of_band"]);
    expect(codes(project({ tier: "met", tierScore: 1.5 }))).toEqual(["tier_score_invalid"]);
  });

  it("部分达成 / 未达成 without a score need one: error, counted at the bottom meanwhile", () => {
    const r = project({ tier: "partial" });
    expect(codes(r)).toEqual(["tier_score_needed"]);
    expect(byId(r, 2).score).toBe(6);
    expect(byId(project({ tier: "failed" }), 2).score).toBe(0);
    // an adjustment with a reason settles it
    const adj = project({ tier: "partial", adjustment: { score: 7, reason: "评审组评定为部分达成，效果一般。" } });
    expect(adj.ok).toBe(true);
    expect(byId(adj, 2).computed).toBe(6);
    expect(byId(adj, 2).score).toBe(7);
  });

  it("tier defaults are configurable (e.g. the band's top: 部分达成 80%)", () => {
    const r = project({ tier: "partial" }, {}, { tierDefaults: { ...DEFAULT_OPTIONS.tierDefaults, partial: 0.8 } });
    expect(r.ok).toBe(true);
    expect(byId(r, 2).score).toBe(8);
  });

  it("the tier can come from the actual typed by the office; the evaluator's choice wins", () => {
    const typed = project({ actualText: "部分达成年度指标并具有一定效果", tierScore: 0.7 });
    expect(typed.ok).toBe(true);
    expect(byId(typed, 2).score).toBe(7);
    const overridden = project({ actualText: "已完成", tier: "partial", tierScore: 0.7 });
    expect(byId(overridden, 2).tier).toBe("partial");
    expect(byId(overridden, 2).note.zh).toContain("以评价人选择为准");
  });

  it("no tier and no actual: no_actual, 0, error", () => {
    const r = project({}, { tier: undefined });
    expect(byId(r, 3).flags).toEqual(["no_actual"]);
    expect(byId(r, 3).score).toBe(0);
    expect(codes(r)).toEqual(expect.arrayContaining(["actual_missing"]));
  });

  it("an answer that is not a tier is refused", () => {
    const r = project({ actualText: "还行", tier: undefined }, {});
    expect(codes(r)).toContain("tier_needed");
  });
});

describe("deadline and frequency rows", () => {
  // 表12-3 完成时间 2024年12月; 表12-5 大数据核查比对次数（失业办） 每月1次. 产出 50 over 2 rows = 25 each.
  const explained = { deviationReason: "系统切换停机两个月。", correctiveMeasure: "恢复按月比对。" };
  const project = (done: string | null, checks: string, extra: Partial<ScoreRow> = {}) =>
    scoreProject({
      budget: { budgetYuan: 100, spentYuan: 100 },
      rows: [
        row(1, "产出指标", "时效指标", "完成时间", "2024年12月", done, { ...explained, ...extra }),
        row(2, "产出指标", "数量指标", "大数据核查比对次数（失业办）", "每月1次", checks, explained),
        row(3, "效益指标", "社会效益", "各类考试、评审工作责任事故发生率(考试院）", "0", "0"),
        row(4, "满意度指标", "服务对象满意度指标", "人才服务社会满意度（人才中心）", "95%", "96%"),
      ],
    });

  it("deadline met → full; late → 0 (a date has no ratio)", () => {
    expect(byId(project("2024-12-20", "12次/年"), 1).score).toBe(25);
    const late = project("2025-01-15", "12次/年");
    expect(byId(late, 1).met).toBe(false);
    expect(byId(late, 1).score).toBe(0);
    expect(byId(late, 1).note.zh).toContain("未按期完成");
  });

  it("frequency not met → proportional: 10 of 12 months → 25 × 10/12 = 20.833333", () => {
    const r = project("2024-12-20", "10次/年");
    expect(byId(r, 2).ratio).toBeCloseTo(10 / 12, P);
    expect(byId(r, 2).score).toBeCloseTo(25 * (10 / 12), P);
    expect(r.total).toBeCloseTo(10 + 25 + 25 * (10 / 12) + 30 + 10, P);
    expect(byId(project("2024-12-20", "每月1次"), 2).score).toBe(25);
  });

  it("when met cannot be told (month against a day), the evaluator must adjust", () => {
    const day = (done: string, adj?: ScoreRow["adjustment"]) =>
      scoreProject({
        budget: null,
        rows: [
          row(1, "产出指标", "时效指标", "完成时间", "2024年12月15日", done, { adjustment: adj, ...explained }),
          row(2, "效益指标", "社会效益", "学生违法犯罪率", "0", "0"),
        ],
      });
    const r = day("2024年12月");
    expect(codes(r)).toEqual(["undetermined"]);
    expect(byId(r, 1).met).toBeNull();
    expect(byId(r, 1).score).toBe(0);
    // no budget, no 满意度: 产出 56.25 × 100/90 = 62.5 points; the evaluator gives half.
    expect(byId(r, 1).weight).toBeCloseTo(62.5, 12);
    const adj = day("2024年12月", { score: 31.25, reason: "12月20日完成，逾期5天。" });
    expect(adj.errors.map((e) => e.code)).toEqual([]);
  });
});

describe("data problems", () => {
  it("a missing actual scores 0 and is an error; an adjustment with a reason settles it", () => {
    const r = scoreProject(with12_7({ 4: { actualText: null } }));
    expect(byId(r, 4).flags).toEqual(["no_actual"]);
    expect(byId(r, 4).score).toBe(0);
    expect(codes(r)).toEqual(["actual_missing", "explanation_missing"]);
    const adj = scoreProject(
      with12_7({ 4: { actualText: "  ", adjustment: { score: W7, reason: "教务系统数据丢失，以课表核定为 50%。" } } }),
    );
    expect(adj.ok).toBe(true);
  });

  it("an unreadable actual is an error that only fixing the data clears", () => {
    const r = scoreProject(with12_7({ 1: { actualText: "96.5%", adjustment: { score: 7, reason: "x" } } }));
    expect(codes(r)).toContain("actual_invalid");
    expect(r.errors.find((e) => e.code === "actual_invalid")!.zh).toContain("不能填写百分比");
  });

  it("an unknown 一级 is an error and the row is not scored; 成本指标 counts as 产出", () => {
    expect(level1KeyOf("产出指标")).toBe("output");
    expect(level1KeyOf(" 产出 ")).toBe("output");
    expect(level1KeyOf("效益指标")).toBe("outcome");
    expect(level1KeyOf("满意度指标")).toBe("satisfaction");
    expect(level1KeyOf("成本指标")).toBe("output");
    expect(level1KeyOf("其他")).toBeNull();
    const r = scoreProject(with12_7({ 4: { level1: "其他指标" } }));
    expect(codes(r)).toEqual(["unknown_level1"]);
    expect(r.rows).toHaveLength(9);
  });

  it("budget: over-spending is capped at 1; a budget of 0 is an error", () => {
    const over = scoreProject({ ...with12_7({}), budget: { budgetYuan: 100, spentYuan: 105 } });
    expect(over.budget!.rate).toBeCloseTo(1.05, 12);
    expect(over.budget!.score).toBe(10);
    const zero = scoreProject({ ...with12_7({}), budget: { budgetYuan: 0, spentYuan: 5 } });
    expect(codes(zero)).toEqual(["budget_invalid"]);
    expect(zero.budget!.score).toBe(0);
  });

  it("nothing to score is an error", () => {
    const r = scoreProject({ budget: BUDGET_12_7, rows: year12_7().map((x) => ({ ...x, applicable: false })) });
    expect(codes(r)).toEqual(["nothing_to_score"]);
    expect(r.total).toBe(0);
  });
});

describe("grade", () => {
  it("boundaries: 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60", () => {
    expect(gradeOf(100)).toBe("优");
    expect(gradeOf(90)).toBe("优");
    expect(gradeOf(89.99)).toBe("良");
    expect(gradeOf(80)).toBe("良");
    expect(gradeOf(79.99)).toBe("中");
    expect(gradeOf(60)).toBe("中");
    expect(gradeOf(59.99)).toBe("差");
    expect(gradeOf(0)).toBe("差");
  });

  it("is read from the total as displayed (2 decimals, half up)", () => {
    expect(gradeOf(89.995)).toBe("优"); // shows 90.00
    expect(gradeOf(89.994)).toBe("良"); // shows 89.99
    expect(gradeOf(89.99999999999)).toBe("优");
    expect(roundTo(89.995)).toBe(90);
    expect(roundTo(97.075)).toBe(97.08);
  });

  it("bands are configurable", () => {
    expect(gradeOf(85, { excellent: 85 })).toBe("优");
    expect(gradeOf(70, { good: 75, fair: 70 })).toBe("中");
    const bad = scoreProject(with12_7({}, { options: { gradeBands: { excellent: 80, good: 90, fair: 60 } } }));
    expect(codes(bad)).toEqual(["option_invalid"]);
  });

  // One row per 一级, weights 10 / 50 / 30 / 10, built to land exactly on each boundary.
  const exact = (spent: number, outcomeActual: string, satisfactionActual: string) =>
    scoreProject({
      budget: { budgetYuan: 1_000_000, spentYuan: spent },
      rows: [
        row(1, "产出指标", "数量指标", "当年招生人数", "600人", "600人"),
        row(2, "效益指标", "经济效益指标", "面向社会和企业开展技能培训和社会化考试收入", "90万元", outcomeActual),
        row(3, "满意度指标", "社会公众或服务对象满意度指标", "学生、企业对学院的满意度", "95%", satisfactionActual),
      ],
      options: { requireShortfallExplanation: false },
    });

  it("scoreProject: exactly 90 → 优", () => {
    // budget 10 × 0 = 0; 50 + 30 + 10 → 90
    const r = exact(0, "90万元", "95%");
    expect(r.total).toBe(90);
    expect(r.grade).toBe("优");
  });

  it("scoreProject: exactly 80 → 良", () => {
    // budget 0; 50 + 30; 满意度 0% ÷ 95% = 0 → 0 → 80
    const r = exact(0, "90万元", "0%");
    expect(r.total).toBe(80);
    expect(r.grade).toBe("良");
  });

  it("scoreProject: exactly 60 → 中", () => {
    // budget 0; 50; 效益 30 × 30/90 = 10; 满意度 0 → 60
    const r = exact(0, "30万元", "0%");
    expect(r.totalDisplay).toBe("60.00");
    expect(r.total).toBeCloseTo(60, P);
    expect(r.grade).toBe("中");
  });

  it("scoreProject: just under 60 → 差", () => {
    // budget 0; 50; 效益 30 × 29.9/90 = 9.966667; 满意度 0 → 59.966667 → 59.97
    const r = exact(0, "29.9万元", "0%");
    expect(r.totalDisplay).toBe("59.97");
    expect(r.grade).toBe("差");
  });
});
