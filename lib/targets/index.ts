// Target semantics (domain.md §3): pure, framework-free; used by the seed, pages, CLI and API.
export type { Accumulation, Actual, Comparator, Direction, Message, ParsedTarget, Period, TargetKind, Tier } from "./types";
export { parseTarget, normalise } from "./parse";
export { parseActual, TIERS } from "./actual";
export { evaluate, type Evaluation } from "./evaluate";
export { formatNumber } from "./format";
