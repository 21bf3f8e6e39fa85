/**
 * Year-end self-evaluation score (绩效自评, 财预〔2020〕10号; docs/domain.md §5) — the rules and why.
 * Every default below is an option (`ScoringOptions`); per-project weights go in `ScoreInput.weights`.
 *
 * Weights
 * - 100 points: 预算执行率 10, 产出指标 50, 效益指标 30, 满意度指标 10 (the national default).
 *   Budget + the three 一级 must add up to 100; rows that carry their own weight must add up to
 *   their 一级's weight. When they do not, the result lists in words (zh + en) which ones and by
 *   how much, and `ok` is false: a weight table that does not add up is the unit's mistake to
 *   fix, not ours to guess. (The total is still computed, normalised to 100, so a draft shows.)
 * - Within a 一级 rows share its weight evenly; a row with its own weight keeps it and the rows
 *   without one share what is left. Own weights above the 一级's weight, or leaving nothing for
 *   the rows without one, are errors too.
 * - A project with no 满意度 rows at all gives the 满意度 points to 产出/效益 in proportion to their
 *   weights (default 50:30 → 56.25 and 33.75), as §5 says. That is a different rule from "not
 *   applicable": 满意度 rows that exist but are marked not applicable follow the rescaling below,
 *   so one rule applies to printed rows and one to their absence.
 * - 一级 is read by the stem of its printed text ("产出", "效益", "满意"), so 产出指标 / 产出 and
 *   the 二级 variants do not matter. A 一级 "成本指标" (national guidance since 2021) counts as
 *   产出, where 成本 sat as a 二级 before. An unknown 一级 is an error and the row is not scored.
 *
 * Not applicable (row.applicable === false, or a target of "/" = kind none)
 * - The row keeps its weight share (baseWeight) but is left out; every remaining weight, budget
 *   included, is multiplied by scale = 100 ÷ (sum of the weights left), so the total stays out of
 *   100 and each remaining row keeps its relative importance. Example: one of seven 产出 rows
 *   (50/7 points) left out → scale = 100 ÷ (100 − 50/7) = 14/13; a 15-point row is worth 16.15.
 *   A 一级 with no rows (other than 满意度, above) and a missing budget (`budget: null`) are left
 *   out the same way. Adjustments are entered in the rescaled points the evaluator sees.
 *
 * Row scores (lib/targets `evaluate` decides met and the ratio)
 * - Budget: 执行率 = 全年执行数 ÷ 全年(调整后)预算数; score = weight × min(执行率, 1).
 * - Met → full weight, whatever the kind. Not met: weight × min(ratio, 1), where the ratio is
 *   actual/target for 正向 and target/actual for 反向 (evaluate's own semantics). A 反向 target of
 *   0 missed (学生违法犯罪率 0, actual 0.5‰) scores 0: target/actual = 0. An actual of 0 under a
 *   positive ceiling is met (full). An "=" target overshot scores weight × target/actual.
 * - Frequencies ("每月1次") are quantities per period: not met → proportional. Deadlines have no
 *   ratio: late → 0. Where met cannot be told (a month-only date against a day deadline) the row
 *   scores 0 with an error until the evaluator adjusts it with a reason.
 * - Qualitative: the evaluator picks the tier (达成 80–100% / 部分达成 60–80% / 未达成 0–60% of the
 *   weight, both ends included) and a score inside its band; outside the band is an error. With
 *   no score: 达成 counts 100% (met → full, as for every other kind, so a met row is never a
 *   shortfall); 部分达成 and 未达成 have no default — the band is wide (20 or 60 points of the
 *   weight) and only the evaluator can place the row in it, so it is an error and the row counts
 *   at the band's bottom meanwhile (a draft never looks better than any valid final score).
 *   A refused score also counts at the bottom. The evaluator's tier wins over a tier typed as
 *   the actual value. 不超预算 answered with a share ("98%") is scored as a 反向 quantity.
 * - Over-achievement: no automatic deduction. A 正向 row with actual/target ≥ 1.2 (settable within
 *   1.2–1.3) is flagged for review, since a target beaten by that much was probably set too low;
 *   the evaluator may deduct through an adjustment. 反向 rows are not flagged by default (a lower
 *   complaint rate than the ceiling is the point of the row); an option turns it on.
 * - Missing actual → 0 and an error (silence is not achievement); an unreadable actual or an
 *   unconfirmed target → 0 and an error that only fixing the data clears.
 *
 * Adjustments
 * - Any applicable row's score may be overridden: { score, reason }. The reason must be non-empty
 *   (otherwise refused: error, computed score stands) and the score within 0…weight. The result
 *   keeps both `computed` and `score`. An accepted adjustment also settles the errors that wait
 *   for the evaluator (missing actual, undetermined, qualitative score not entered).
 *
 * Total, grade, shortfalls
 * - total is the exact sum (12 significant digits); totalRounded / totalDisplay have 2 decimals.
 *   The grade (优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60) is read from the displayed total, so the
 *   printed form never shows "90.00 良" for an internal 89.996.
 * - Shortfalls: applicable rows scoring below their weight (after adjustment), with the
 *   deviation reason and corrective measure from the reports; a missing one is an error, since
 *   the form requires 偏差原因分析及改进措施 for every shortfall. Budget execution below 100% is
 *   shown in `budget`, not listed as a shortfall (it has no row to explain it on).
 */
export type {
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
export {
  DEFAULT_GRADE_BANDS,
  DEFAULT_OPTIONS,
  DEFAULT_WEIGHTS,
  OVER_ACHIEVEMENT_RANGE,
  gradeOf,
  level1KeyOf,
  roundTo,
  scoreProject,
} from "./score";
export { PART_LABELS } from "./messages";
