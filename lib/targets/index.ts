// Targets (指标值): parsing printed targets and evaluating actuals against them. Pure TypeScript.
export type {
  Accumulation,
  Actual,
  ActualErrorCode,
  ActualResult,
  Comparator,
  Direction,
  EvaluationResult,
  Message,
  ParsedTarget,
  Period,
  TargetKind,
  Tier,
} from "./types";
export { parseTarget } from "./parse";
export { parseActual, readTier } from "./actual";
export { evaluate } from "./evaluate";
export { formatNumber } from "./format";
export { TIER_LABELS } from "./messages";
export { coreName, lowerIsBetter } from "./lexicon";
