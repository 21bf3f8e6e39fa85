// Types of the year-end self-evaluation score (绩效自评, docs/domain.md §5). Pure: no framework imports.
import type { Message, ParsedTarget, Tier } from "../targets";

export type Level1Key = "output" | "outcome" | "satisfaction";
export type WeightKey = "budget" | Level1Key;
export type Grade = "优" | "良" | "中" | "差";
export type RowFlag = "over_achievement" | "not_applicable" | "adjusted" | "no_actual";

/** Lower bounds of the grades: 优 ≥ excellent, 良 ≥ good, 中 ≥ fair, else 差. */
export interface GradeBands {
  excellent: number;
  good: number;
  fair: number;
}

export interface ScoringOptions {
  /** Default points per part; `ScoreInput.weights` overrides them per project. Must add up to 100. */
  weights: Record<WeightKey, number>;
  /** actual/target at or above this flags a 正向 row for review (over-achievement). Allowed 1.2–1.3. */
  overAchievementRatio: number;
  /** Also flag 反向 rows whose target/actual reaches `overAchievementRatio` (off by default). */
  overAchievementLowerIsBetter: boolean;
  /** Band of each qualitative tier, as fractions of the row's weight, both ends included. */
  tierBands: Record<Tier, readonly [number, number]>;
  /** Fraction used when the evaluator picked a tier without a score; null: a score must be entered. */
  tierDefaults: Record<Tier, number | null>;
  gradeBands: GradeBands;
  /** A project without 满意度 rows gives the 满意度 points to 产出/效益 in proportion to their weights. */
  redistributeSatisfaction: boolean;
  /** A shortfall without 偏差原因 and 改进措施 is a validation error. */
  requireShortfallExplanation: boolean;
  /** Stems of the printed 一级 text, tried in order; a 一级 containing the stem belongs to the key. */
  level1Stems: readonly (readonly [string, Level1Key])[];
  /** Decimals of the displayed total (the grade is read from the displayed total). */
  decimals: number;
}

export interface ScoreRow {
  id: string | number;
  level1: string;
  level2: string;
  level3: string;
  target: ParsedTarget;
  actualText: string | null;
  /** false: the row does not apply this year; left out and the total rescaled. */
  applicable?: boolean;
  /** Points of this row (before any rescaling); unset rows share what is left of their 一级 evenly. */
  weight?: number;
  /** Qualitative rows: the tier chosen by the evaluator (wins over a tier typed as the actual). */
  tier?: Tier;
  /** Fraction of the weight (0–1) chosen by the evaluator for qualitative rows, inside the tier's band. */
  tierScore?: number;
  /** Evaluator's override of the computed score, in the points shown (the row's effective weight). */
  adjustment?: { score: number; reason: string };
  deviationReason?: string | null;
  correctiveMeasure?: string | null;
}

export interface ScoreInput {
  /** 全年(调整后)预算数 and 全年执行数, in yuan; null: no budget to score (its points are rescaled away). */
  budget: { budgetYuan: number; spentYuan: number } | null;
  rows: ScoreRow[];
  weights?: Partial<Record<WeightKey, number>>;
  options?: Partial<ScoringOptions>;
}

export type ScoreErrorCode =
  | "option_invalid"
  | "weight_invalid"
  | "level1_weights_sum"
  | "row_weights_sum"
  | "row_weights_exceed"
  | "row_weights_none_left"
  | "unknown_level1"
  | "duplicate_id"
  | "nothing_to_score"
  | "budget_invalid"
  | "target_unparsed"
  | "actual_missing"
  | "actual_invalid"
  | "undetermined"
  | "tier_needed"
  | "tier_score_invalid"
  | "tier_score_out_of_band"
  | "tier_score_needed"
  | "adjustment_reason_missing"
  | "adjustment_out_of_range"
  | "adjustment_not_applicable"
  | "explanation_missing";

export interface ScoreError extends Message {
  code: ScoreErrorCode;
  /** The row concerned, when there is one. */
  rowId?: string | number;
}

export interface RowScore {
  id: string | number;
  level1Key: Level1Key;
  /** Points of the row in this evaluation (after rescaling; 0 when not applicable). */
  weight: number;
  /** Points before rescaling (the unit's weight or the even share of its 一级). */
  baseWeight: number;
  /** Score by the rules. */
  computed: number;
  /** Score that counts: the adjusted score when an adjustment was accepted, else `computed`. */
  score: number;
  /** Attainment ratio from lib/targets `evaluate` (uncapped; null where it has no meaning). */
  ratio: number | null;
  met: boolean | null;
  flags: RowFlag[];
  /** Qualitative rows: the tier and the fraction of the weight that were used. */
  tier?: Tier;
  tierScore?: number;
  /** The accepted adjustment. */
  adjustment?: { score: number; reason: string };
  /** How the score was worked out. */
  note: Message;
}

export interface BudgetScore {
  /** Points in this evaluation (after rescaling). */
  weight: number;
  baseWeight: number;
  /** 执行率 = spent ÷ budget, uncapped; null when the budget cannot be read. */
  rate: number | null;
  score: number;
}

export interface Shortfall {
  id: string | number;
  level1Key: Level1Key;
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actualText: string | null;
  weight: number;
  score: number;
  /** weight − score */
  lost: number;
  deviationReason: string | null;
  correctiveMeasure: string | null;
  /** Explanations still to be written. */
  missing: ("deviationReason" | "correctiveMeasure")[];
}

export interface ScoreResult {
  ok: boolean;
  errors: ScoreError[];
  /** What was done beyond the plain rules (redistribution, rescaling), for the reader. */
  notes: Message[];
  budget: BudgetScore | null;
  rows: RowScore[];
  /** Exact (to 12 significant digits). */
  total: number;
  /** `total` rounded to `decimals` for display; the grade is read from it. */
  totalRounded: number;
  totalDisplay: string;
  grade: Grade;
  shortfalls: Shortfall[];
  /** Points per part after 满意度 redistribution, before rescaling. */
  weights: Record<WeightKey, number>;
  /** Factor applied to every remaining weight: 100 ÷ (points left after leaving rows out). */
  scale: number;
}
