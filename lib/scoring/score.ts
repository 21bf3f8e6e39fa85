// The year-end self-evaluation score (绩效自评), 财预〔2020〕10号. Rules and their reasons: index.ts.
import {
  evaluate,
  formatNumber,
  TIER_LABELS,
  type EvaluationResult,
  type Message,
  type ParsedTarget,
  type Tier,
} from "../targets";
import { msg, pct, pts } from "./messages";
import type {
  BudgetScore,
  Grade,
  GradeBands,
  Level1Key,
  RowFlag,
  RowScore,
  ScoreError,
  ScoreErrorCode,
  ScoreInput,
  ScoreResult,
  ScoreRow,
  ScoringOptions,
  Shortfall,
  WeightKey,
} from "./types";

/** Sums of weights typed by people (16.67 + 16.67 + 16.66) are compared to this tolerance. */
const TOL = 1e-6;
const LEVEL1_KEYS: Level1Key[] = ["output", "outcome", "satisfaction"];
const WEIGHT_KEYS: WeightKey[] = ["budget", "output", "outcome", "satisfaction"];
const tidy = (x: number) => Number(x.toPrecision(12));
const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

export const DEFAULT_WEIGHTS: Readonly<Record<WeightKey, number>> = { budget: 10, output: 50, outcome: 30, satisfaction: 10 };
export const DEFAULT_GRADE_BANDS: Readonly<GradeBands> = { excellent: 90, good: 80, fair: 60 };
/** The over-achievement review threshold may be set within this range (national practice: 120–130%). */
export const OVER_ACHIEVEMENT_RANGE = [1.2, 1.3] as const;

export const DEFAULT_OPTIONS: Readonly<ScoringOptions> = {
  weights: DEFAULT_WEIGHTS,
  overAchievementRatio: 1.2,
  overAchievementLowerIsBetter: false,
  tierBands: { met: [0.8, 1], partial: [0.6, 0.8], failed: [0, 0.6] },
  tierDefaults: { met: 1, partial: null, failed: null },
  gradeBands: DEFAULT_GRADE_BANDS,
  redistributeSatisfaction: true,
  requireShortfallExplanation: true,
  level1Stems: [
    ["产出", "output"],
    ["成本", "output"],
    ["效益", "outcome"],
    ["满意", "satisfaction"],
  ],
  decimals: 2,
};

/** Round half up, after removing binary noise (89.995 → 90, not 89.99). */
export function roundTo(x: number, decimals = 2): number {
  const f = 10 ** decimals;
  const r = Math.round(Number((x * f).toPrecision(12))) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60 (bands configurable), read from the total as displayed. */
export function gradeOf(total: number, bands?: Partial<GradeBands>, decimals = 2): Grade {
  const b = { ...DEFAULT_GRADE_BANDS, ...definedOnly(bands) };
  if (!Number.isFinite(total)) return "差";
  const t = roundTo(total, decimals);
  if (t >= b.excellent) return "优";
  if (t >= b.good) return "良";
  if (t >= b.fair) return "中";
  return "差";
}

/** The 一级 a printed 一级 text belongs to: "产出指标", "产出", "效益指标", "满意度指标"… */
export function level1KeyOf(text: string, stems = DEFAULT_OPTIONS.level1Stems): Level1Key | null {
  const s = (text ?? "").normalize("NFKC").replace(/\s+/gu, "");
  for (const [stem, key] of stems) if (stem && s.includes(stem)) return key;
  return null;
}

function definedOnly<T extends object>(o: T | undefined): Partial<T> {
  const out: Partial<T> = {};
  if (!o) return out;
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

function resolveOptions(o: Partial<ScoringOptions> | undefined, errors: ScoreError[]): ScoringOptions {
  const given = definedOnly(o);
  const opts: ScoringOptions = {
    ...DEFAULT_OPTIONS,
    ...given,
    weights: { ...DEFAULT_OPTIONS.weights, ...definedOnly(given.weights) },
    tierBands: { ...DEFAULT_OPTIONS.tierBands, ...definedOnly(given.tierBands) },
    tierDefaults: { ...DEFAULT_OPTIONS.tierDefaults, ...definedOnly(given.tierDefaults) },
    gradeBands: { ...DEFAULT_OPTIONS.gradeBands, ...definedOnly(given.gradeBands) },
  };
  const bad = (what: string, zh: string, en: string) => errors.push({ ...msg.optionInvalid(what, { zh, en }), code: "option_invalid" });

  const [lo, hi] = OVER_ACHIEVEMENT_RANGE;
  if (!isNum(opts.overAchievementRatio) || opts.overAchievementRatio < lo - 1e-12 || opts.overAchievementRatio > hi + 1e-12) {
    bad("overAchievementRatio", `超额完成复核线应在 ${pct(lo)}–${pct(hi)} 之间；按 ${pct(lo)} 计。`, `the review threshold must be ${pct(lo)}–${pct(hi)}; ${pct(lo)} used.`);
    opts.overAchievementRatio = DEFAULT_OPTIONS.overAchievementRatio;
  }
  for (const tier of ["met", "partial", "failed"] as Tier[]) {
    const band = opts.tierBands[tier];
    if (!Array.isArray(band) || !isNum(band[0]) || !isNum(band[1]) || band[0] < 0 || band[1] > 1 || band[0] > band[1]) {
      bad(`tierBands.${tier}`, "区间应为 0 到 1 之间的 [下限, 上限]；按默认区间计。", "a band must be [low, high] within 0–1; the default band used.");
      opts.tierBands = { ...opts.tierBands, [tier]: DEFAULT_OPTIONS.tierBands[tier] };
    }
    const d = opts.tierDefaults[tier];
    const b = opts.tierBands[tier];
    if (d !== null && (!isNum(d) || d < b[0] - TOL || d > b[1] + TOL)) {
      bad(`tierDefaults.${tier}`, "默认评分应在该档区间内，或为空（须评价人打分）；按须评价人打分处理。", "a default must lie inside its band, or be null (the evaluator must score); treated as null.");
      opts.tierDefaults = { ...opts.tierDefaults, [tier]: null };
    }
  }
  const g = opts.gradeBands;
  if (![g.excellent, g.good, g.fair].every(isNum) || !(g.excellent <= 100 && g.excellent > g.good && g.good > g.fair && g.fair >= 0)) {
    bad("gradeBands", "等级分数线应满足 100 ≥ 优 > 良 > 中 ≥ 0；按 90/80/60 计。", "grade bands must satisfy 100 ≥ excellent > good > fair ≥ 0; 90/80/60 used.");
    opts.gradeBands = DEFAULT_GRADE_BANDS;
  }
  if (!Number.isInteger(opts.decimals) || opts.decimals < 0 || opts.decimals > 6) {
    bad("decimals", "小数位数应为 0–6 的整数；按 2 位计。", "decimals must be a whole number 0–6; 2 used.");
    opts.decimals = DEFAULT_OPTIONS.decimals;
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// One row

const PERIOD_ZH = { year: "年", month: "月", quarter: "季度" } as const;

function actualShown(t: ParsedTarget, ev: Extract<EvaluationResult, { ok: true }>, typed: string): string {
  const a = ev.actual;
  if (a.date) return a.date;
  if (a.value === null) return typed.trim();
  const s = formatNumber(a.value, a.unit ?? t.unit);
  return t.kind === "frequency" && t.period ? `${s}/${PERIOD_ZH[t.period]}` : s;
}

interface Computed {
  computed: number;
  met: boolean | null;
  ratio: number | null;
  note: Message;
  undetermined?: boolean;
}

/** Score from met / ratio (quantitative, frequency, deadline, and 不超预算 answered as a share). */
function byRatio(t: ParsedTarget, ev: Extract<EvaluationResult, { ok: true }>, typed: string, w: number): Computed {
  const { met, ratio } = ev;
  const A = actualShown(t, ev, typed);
  const seen = { zh: `指标 ${t.text}，实际 ${A}`, en: `target ${t.text}, actual ${A}` };
  if (met === true) {
    return { computed: w, met, ratio, note: { zh: `已达成（${seen.zh}）：得满分 ${pts(w)}。`, en: `Met (${seen.en}): full ${pts(w)} points.` } };
  }
  if (met === null) {
    return {
      computed: 0,
      met,
      ratio,
      undetermined: true,
      note: { zh: `无法判断是否达成（${seen.zh}）：暂记 0 分。`, en: `Cannot tell whether it was met (${seen.en}): 0 for now.` },
    };
  }
  if (ratio === null) {
    const what =
      t.kind === "deadline"
        ? { zh: `未按期完成（期限 ${t.deadline}，完成 ${A}）`, en: `Not done by the deadline (${t.deadline}; done ${A})` }
        : { zh: `未达成（${seen.zh}）`, en: `Not met (${seen.en})` };
    return { computed: 0, met, ratio, note: { zh: `${what.zh}，没有可比较的完成比例：得 0 分。`, en: `${what.en}, with no attainment ratio to apply: 0 points.` } };
  }
  if (t.direction === "lower" && ratio === 0) {
    return {
      computed: 0,
      met,
      ratio,
      note: { zh: `反向指标未达成（${seen.zh}）：目标为 0 而实际发生，得 0 分。`, en: `Lower-is-better target missed (${seen.en}): the target is 0 and it happened, so 0 points.` },
    };
  }
  // "=" overshot: evaluate gives actual/target > 1; the deviation counts the other way round.
  const r = Math.min(ratio > 1 ? 1 / ratio : ratio, 1);
  const computed = w * r;
  const how =
    t.direction === "lower"
      ? { zh: "指标/实际", en: "target/actual" }
      : t.direction === "higher"
        ? { zh: "实际/指标", en: "actual/target" }
        : { zh: "偏离比例", en: "deviation ratio" };
  const head = t.direction === "lower" ? { zh: "反向指标未达成", en: "Lower-is-better target missed" } : { zh: "未达成", en: "Not met" };
  return {
    computed,
    met,
    ratio,
    note: {
      zh: `${head.zh}（${seen.zh}）：${pts(w)} × ${how.zh} ${pct(r)} = ${pts(computed)}。`,
      en: `${head.en} (${seen.en}): ${pts(w)} × ${how.en} ${pct(r)} = ${pts(computed)}.`,
    },
  };
}

function scoreRow(
  row: ScoreRow,
  key: Level1Key,
  base: number,
  applicable: boolean,
  scale: number,
  opts: ScoringOptions,
): { result: RowScore; errors: ScoreError[] } {
  const errors: ScoreError[] = [];
  const err = (code: ScoreErrorCode, m: Message) => errors.push({ ...m, code, rowId: row.id });
  const name = row.level3;
  const t = row.target;

  if (!applicable) {
    if (row.adjustment) err("adjustment_not_applicable", msg.adjustmentNotApplicable(name));
    const why =
      t.kind === "none"
        ? { zh: `本年无指标值（“${t.text}”）`, en: `No target this year ("${t.text}")` }
        : { zh: "不适用", en: "Not applicable" };
    return {
      result: {
        id: row.id,
        level1Key: key,
        weight: 0,
        baseWeight: base,
        computed: 0,
        score: 0,
        ratio: null,
        met: null,
        flags: ["not_applicable"],
        note: {
          zh: `${why.zh}：不计分，其 ${pts(base)} 分从总分中剔除，其余分值按比例折算为 100 分。`,
          en: `${why.en}: not scored; its ${pts(base)} points are left out and the remaining weights rescaled to 100.`,
        },
      },
      errors,
    };
  }

  const w = base * scale;
  const flags: RowFlag[] = [];
  const typed = row.actualText !== null && row.actualText !== undefined && row.actualText.trim() !== "" ? row.actualText : null;
  // Problems only the evaluator's judgement can settle: an accepted adjustment resolves them.
  const pending: [ScoreErrorCode, Message][] = [];
  let c: Computed = { computed: 0, met: null, ratio: null, note: { zh: "", en: "" } };
  let tier: Tier | undefined;
  let tierScore: number | undefined;
  const missing = () => {
    flags.push("no_actual");
    pending.push(["actual_missing", msg.actualMissing(name)]);
    c.note = { zh: "缺少实际完成值：暂记 0 分。", en: "No actual value: 0 for now." };
  };

  if (t.kind === "unparsed") {
    err("target_unparsed", msg.targetUnparsed(name, t.text));
    c.note = { zh: `指标值“${t.text}”尚未确认：暂记 0 分。`, en: `Target "${t.text}" not confirmed yet: 0 for now.` };
  } else if (t.kind === "qualitative") {
    const ev = typed === null ? null : evaluate(t, typed);
    const typedTier = ev?.ok ? ev.actual.tier : undefined;
    tier = row.tier ?? typedTier;
    if (tier) {
      const band = opts.tierBands[tier];
      let frac: number | null = null;
      if (row.tierScore !== undefined && row.tierScore !== null) {
        if (!isNum(row.tierScore) || row.tierScore < 0 || row.tierScore > 1) {
          err("tier_score_invalid", msg.tierScoreInvalid(name, row.tierScore));
        } else if (row.tierScore < band[0] - TOL || row.tierScore > band[1] + TOL) {
          err("tier_score_out_of_band", msg.tierScoreOutOfBand(name, tier, row.tierScore, band));
        } else {
          frac = row.tierScore;
        }
        // A refused score counts at the band's bottom: a draft never looks better than any valid score.
        if (frac === null) frac = band[0];
      } else if (opts.tierDefaults[tier] !== null) {
        frac = opts.tierDefaults[tier];
      } else {
        pending.push(["tier_score_needed", msg.tierScoreNeeded(name, tier, band)]);
        frac = band[0];
      }
      tierScore = frac!;
      const computed = w * tierScore;
      const conflict =
        row.tier && typedTier && typedTier !== row.tier
          ? { zh: `（填报为“${TIER_LABELS[typedTier].zh}”，以评价人选择为准）`, en: ` (reported as "${TIER_LABELS[typedTier].en}"; the evaluator's tier is used)` }
          : { zh: "", en: "" };
      c = {
        computed,
        met: tier === "met",
        ratio: null,
        note: {
          zh: `定性指标，评为“${TIER_LABELS[tier].zh}”${conflict.zh}，按分值的 ${pct(tierScore)} 计（该档 ${pct(band[0])}–${pct(band[1])}）：${pts(w)} × ${pct(tierScore)} = ${pts(computed)}。`,
          en: `Qualitative, rated "${TIER_LABELS[tier].en}"${conflict.en}, at ${pct(tierScore)} of the weight (band ${pct(band[0])}–${pct(band[1])}): ${pts(w)} × ${pct(tierScore)} = ${pts(computed)}.`,
        },
      };
    } else if (typed === null) {
      missing();
    } else if (ev && !ev.ok) {
      err(ev.code === "tier_needed" ? "tier_needed" : "actual_invalid", ev.code === "tier_needed" ? msg.tierNeeded(name) : msg.actualInvalid(name, ev.error));
      c.note = { zh: "实际完成值无法使用：暂记 0 分。", en: "The actual value cannot be used: 0 for now." };
    } else if (ev && ev.ok && ev.met !== null) {
      c = byRatio(t, ev, typed, w); // 不超预算 answered with the share of the budget spent
    } else {
      err("tier_needed", msg.tierNeeded(name));
      c.note = { zh: "未选择评价档次：暂记 0 分。", en: "No tier chosen: 0 for now." };
    }
  } else if (typed === null) {
    missing();
  } else {
    const ev = evaluate(t, typed);
    if (!ev.ok) {
      err("actual_invalid", msg.actualInvalid(name, ev.error));
      c.note = { zh: "实际完成值无法使用：暂记 0 分。", en: "The actual value cannot be used: 0 for now." };
    } else {
      c = byRatio(t, ev, typed, w);
      if (c.undetermined) pending.push(["undetermined", msg.undetermined(name)]);
    }
  }

  // Over-achievement: flagged for review, never deducted automatically.
  const lowerToo = opts.overAchievementLowerIsBetter && t.direction === "lower";
  if (c.ratio !== null && c.ratio >= opts.overAchievementRatio - 1e-12 && (t.direction === "higher" || lowerToo)) {
    flags.push("over_achievement");
    c.note = {
      zh: `${c.note.zh}实际达到指标的 ${pct(c.ratio)}（≥${pct(opts.overAchievementRatio)}），请复核指标是否设定偏低；不自动扣分，评价人可说明理由后调整得分。`,
      en: `${c.note.en} Reached ${pct(c.ratio)} of the target (≥${pct(opts.overAchievementRatio)}): review whether the target was set too low. No automatic deduction; the evaluator may adjust the score with a reason.`,
    };
  }

  let score = c.computed;
  let adjustment: RowScore["adjustment"];
  if (row.adjustment) {
    const { score: s, reason } = row.adjustment;
    if (typeof reason !== "string" || reason.trim() === "") {
      err("adjustment_reason_missing", msg.adjustmentReasonMissing(name));
    } else if (!isNum(s) || s < 0 || s > w + TOL) {
      err("adjustment_out_of_range", msg.adjustmentOutOfRange(name, s, w));
    } else {
      score = s;
      adjustment = { score: s, reason: reason.trim() };
      flags.push("adjusted");
      pending.length = 0;
      c.note = {
        zh: `${c.note.zh}评价人调整为 ${pts(s)} 分（计算得分 ${pts(c.computed)}），理由：${adjustment.reason}。`,
        en: `${c.note.en} Adjusted by the evaluator to ${pts(s)} (computed ${pts(c.computed)}); reason: ${adjustment.reason}.`,
      };
    }
  }
  for (const [code, m] of pending) err(code, m);

  const result: RowScore = {
    id: row.id,
    level1Key: key,
    weight: w,
    baseWeight: base,
    computed: c.computed,
    score,
    ratio: c.ratio,
    met: c.met,
    flags,
    note: c.note,
  };
  if (tier) result.tier = tier;
  if (tierScore !== undefined) result.tierScore = tierScore;
  if (adjustment) result.adjustment = adjustment;
  return { result, errors };
}

// ---------------------------------------------------------------------------------------------
// The project

export function scoreProject(input: ScoreInput): ScoreResult {
  const errors: ScoreError[] = [];
  const notes: Message[] = [];
  const opts = resolveOptions(input.options, errors);

  // 1. Part weights: defaults, then the project's own; they must add up to 100.
  const w: Record<WeightKey, number> = { ...opts.weights, ...definedOnly(input.weights) };
  for (const k of WEIGHT_KEYS) {
    if (!isNum(w[k]) || w[k] < 0) {
      errors.push({ ...msg.weightInvalid(k, w[k]), code: "weight_invalid" });
      w[k] = 0;
    }
  }
  if (Math.abs(w.output + w.outcome + w.satisfaction - (100 - w.budget)) > TOL) {
    errors.push({ ...msg.level1WeightsSum(w), code: "level1_weights_sum" });
  }

  // 2. Rows by 一级.
  const seen = new Set<string>();
  const items: { row: ScoreRow; key: Level1Key; base: number; applicable: boolean }[] = [];
  for (const row of input.rows) {
    const idKey = `${typeof row.id}:${row.id}`;
    if (seen.has(idKey)) errors.push({ ...msg.duplicateId(row.id), code: "duplicate_id", rowId: row.id });
    seen.add(idKey);
    const key = level1KeyOf(row.level1, opts.level1Stems);
    if (!key) {
      errors.push({ ...msg.unknownLevel1(row.level1, row.level3), code: "unknown_level1", rowId: row.id });
      continue;
    }
    items.push({ row, key, base: 0, applicable: row.applicable !== false && row.target.kind !== "none" });
  }
  const has = (k: Level1Key) => items.some((i) => i.key === k);

  // 3. No 满意度 rows: its points go to 产出/效益 in proportion to their weights.
  const parts = { ...w };
  if (!has("satisfaction") && opts.redistributeSatisfaction && parts.satisfaction > 0 && parts.output + parts.outcome > 0) {
    const s = parts.satisfaction;
    const sum = parts.output + parts.outcome;
    parts.output = w.output + (s * w.output) / sum;
    parts.outcome = w.outcome + (s * w.outcome) / sum;
    parts.satisfaction = 0;
    notes.push(msg.satisfactionRedistributed(s, parts.output, parts.outcome));
  }

  // 4. Row weights within each 一级.
  let excluded = 0;
  for (const key of LEVEL1_KEYS) {
    const rows = items.filter((i) => i.key === key);
    const W = parts[key];
    if (rows.length === 0) {
      if (W > 0) {
        excluded += W;
        notes.push(msg.partWithoutRows(key, W));
      }
      continue;
    }
    const own = (i: (typeof rows)[number]) => {
      const x = i.row.weight;
      if (x === undefined || x === null) return null;
      if (!isNum(x) || x < 0) {
        errors.push({ ...msg.rowWeightInvalid(i.row.level3, x), code: "weight_invalid", rowId: i.row.id });
        return null;
      }
      return x;
    };
    const set = rows.map((i) => ({ i, x: own(i) }));
    const explicit = set.filter((s) => s.x !== null) as { i: (typeof rows)[number]; x: number }[];
    const unset = set.filter((s) => s.x === null).map((s) => s.i);
    const setSum = explicit.reduce((a, s) => a + s.x, 0);
    const listed = explicit.map((s) => ({ level3: s.i.row.level3, weight: s.x }));
    if (explicit.length > 0) {
      if (unset.length === 0 && Math.abs(setSum - W) > TOL) {
        errors.push({ ...msg.rowWeightsSum(key, W, listed), code: "row_weights_sum" });
      } else if (unset.length > 0 && setSum > W + TOL) {
        errors.push({ ...msg.rowWeightsExceed(key, W, listed), code: "row_weights_exceed" });
      } else if (unset.length > 0 && W - setSum <= TOL && W > 0) {
        errors.push({ ...msg.rowWeightsNoneLeft(key, W, unset.map((i) => i.row.level3)), code: "row_weights_none_left" });
      }
    }
    const share = unset.length > 0 ? Math.max(0, W - setSum) / unset.length : 0;
    for (const s of explicit) s.i.base = s.x;
    for (const i of unset) i.base = share;
  }

  // 5. Leave out what does not apply; every remaining weight is scaled by 100 / (points left).
  const budgetIn = input.budget !== null && input.budget !== undefined;
  if (!budgetIn && parts.budget > 0) {
    excluded += parts.budget;
    notes.push(msg.partWithoutRows("budget", parts.budget));
  }
  for (const i of items) if (!i.applicable) excluded += i.base;
  const left = (budgetIn ? parts.budget : 0) + items.filter((i) => i.applicable).reduce((a, i) => a + i.base, 0);
  const anyRow = items.some((i) => i.applicable);
  if (!anyRow) errors.push({ ...msg.nothingToScore(), code: "nothing_to_score" });
  let scale = anyRow && left > 0 ? 100 / left : 0;
  if (Math.abs(scale - 1) < 1e-9) scale = 1; // 50/7 added up seven times is not quite 50
  if (anyRow && scale !== 1 && excluded > 0) notes.push(msg.rescaled(tidy(excluded), tidy(left), scale));

  // 6. Budget execution: weight × min(spent / budget, 1).
  let budget: BudgetScore | null = null;
  if (budgetIn) {
    const { budgetYuan, spentYuan } = input.budget!;
    const weight = parts.budget * scale;
    if (!isNum(budgetYuan) || budgetYuan <= 0 || !isNum(spentYuan) || spentYuan < 0) {
      errors.push({ ...msg.budgetInvalid(budgetYuan, spentYuan), code: "budget_invalid" });
      budget = { weight, baseWeight: parts.budget, rate: null, score: 0 };
    } else {
      const rate = spentYuan / budgetYuan;
      budget = { weight, baseWeight: parts.budget, rate, score: weight * Math.min(rate, 1) };
    }
  }

  // 7. Rows.
  const rows: RowScore[] = [];
  const shortfalls: Shortfall[] = [];
  for (const i of items) {
    const { result, errors: rowErrors } = scoreRow(i.row, i.key, i.base, i.applicable, scale, opts);
    rows.push(result);
    errors.push(...rowErrors);
    if (!i.applicable || result.score >= result.weight - TOL) continue;
    const reason = i.row.deviationReason?.trim() || null;
    const measure = i.row.correctiveMeasure?.trim() || null;
    const missing: Shortfall["missing"] = [];
    if (!reason) missing.push("deviationReason");
    if (!measure) missing.push("correctiveMeasure");
    shortfalls.push({
      id: i.row.id,
      level1Key: i.key,
      level1: i.row.level1,
      level2: i.row.level2,
      level3: i.row.level3,
      target: i.row.target.text,
      actualText: i.row.actualText,
      weight: result.weight,
      score: result.score,
      lost: tidy(result.weight - result.score),
      deviationReason: reason,
      correctiveMeasure: measure,
      missing,
    });
    if (opts.requireShortfallExplanation && missing.length > 0) {
      errors.push({ ...msg.explanationMissing(i.row.level3, missing), code: "explanation_missing", rowId: i.row.id });
    }
  }

  // 8. Total and grade.
  const total = tidy((budget?.score ?? 0) + rows.reduce((a, r) => a + r.score, 0));
  const totalRounded = roundTo(total, opts.decimals);
  return {
    ok: errors.length === 0,
    errors,
    notes,
    budget,
    rows,
    total,
    totalRounded,
    totalDisplay: totalRounded.toFixed(opts.decimals),
    grade: gradeOf(totalRounded, opts.gradeBands, opts.decimals),
    shortfalls,
    weights: parts,
    scale,
  };
}
