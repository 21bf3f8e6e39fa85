// The indicator (指标): the one rule for its target in force and the one decoder of its JSON
// columns. Pure: no Prisma, no framework.
export { decodeOverride, encodeOverride, targetOverrideSchema, type TargetOverride } from "./row";
export {
  carriedTarget,
  newTarget,
  printedTargetChange,
  reparsed,
  revisedTargetChange,
  targetColumns,
  targetInForce,
  targetOf,
  type StoredTarget,
  type TargetColumns,
  type TargetInForce,
  type TargetSource,
  type TargetTexts,
} from "./target";
