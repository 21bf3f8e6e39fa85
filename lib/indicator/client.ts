// The indicator module's client-safe door: pure code only (no server-only, Prisma or Node), so "use client"
// components and pure modules may import it. Everything here is also exported by index.ts.
// The indicator (指标): the one rule for its target in force and the one decoder of its JSON columns.
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
