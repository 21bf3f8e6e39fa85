// The self-evaluation's JSON column, decoded in one place and checked with zod. Pure: no Prisma.
// Evaluation.settingsJson: the evaluator's saved weights, tiers, adjustments and typed spending
// (lib/validations/evaluation.ts). An unreadable value yields no settings, so the form shows its
// defaults and saving it again writes a good value (lib/validations/json-column.ts says why).
// EvaluationVersion.dataJson (a finalised form) is still read unchecked (docs/architecture.md).
import { evaluationSettings, jsonColumn, type EvaluationSettings } from "../validations";

export const decodeEvaluationSettings = jsonColumn("Evaluation.settingsJson", evaluationSettings, (): EvaluationSettings => ({}));
