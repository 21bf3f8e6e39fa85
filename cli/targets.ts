import { createInterface } from "node:readline";
import { z } from "zod";
import { flags } from "./args";
import { evaluate, parseTarget } from "../lib/targets";

const line = z.object({
  target: z.string().min(1).max(200),
  actual: z.string().max(200).nullish(),
  indicator: z.string().max(200).optional(),
});

/**
 * One JSON line in, one JSON line out; a bad line gets {"error"} and the stream goes on. Without an
 * actual (absent or null) the line gets the reading alone, with met and ratio null.
 */
export function evaluateLine(text: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: "not valid JSON" };
  }
  const parsed = line.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return { error: `${i.path.join(".") || "input"}: ${i.message}` };
  }
  const t = parseTarget(parsed.data.target, parsed.data.indicator);
  if (t.kind === "unparsed") return { error: `cannot read target "${parsed.data.target}"` };
  const reading = { kind: t.kind, comparator: t.comparator, value: t.value, unit: t.unit, direction: t.direction };
  if (parsed.data.actual == null) return { ...reading, deadline: t.deadline, met: null, ratio: null };
  const r = evaluate(t, parsed.data.actual);
  if (!r.ok) return { error: r.error.en, error_zh: r.error.zh };
  return { ...reading, met: r.met, ratio: r.ratio };
}

/** `targets evaluate` and its alias `targets parse` (the same command: lines without an actual are readings). */
export async function runTargetsEvaluate(args: string[]): Promise<number> {
  flags(args, {});
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let bad = 0;
  for await (const text of rl) {
    if (text.trim() === "") continue;
    const out = evaluateLine(text);
    if ("error" in out) bad++;
    process.stdout.write(JSON.stringify(out) + "\n");
  }
  if (bad > 0) process.stderr.write(`targets evaluate: ${bad} line(s) could not be judged (see their "error")\n`);
  return bad > 0 ? 3 : 0;
}
