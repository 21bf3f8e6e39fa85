import { z } from "zod";

export class CliError extends Error {
  /** usage: false for a refusal that is complete in its one line (the usage text would bury it). */
  constructor(message: string, readonly usage = true) {
    super(message);
  }
}

/** --key value pairs after the command words; every flag must be known. */
export function flags<S extends z.ZodRawShape>(args: string[], shape: S): z.infer<z.ZodObject<S>> {
  const raw: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith("--")) throw new CliError(`unexpected argument: ${a}`);
    const v = args[i + 1];
    if (v === undefined || v.startsWith("--")) throw new CliError(`${a} needs a value`);
    raw[a.slice(2)] = v;
    i++;
  }
  const parsed = z.object(shape).strict().safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    const key = i.code === "unrecognized_keys" ? i.keys.map((k) => `--${k}`).join(", ") : `--${i.path.join(".")}`;
    throw new CliError(i.code === "unrecognized_keys" ? `unknown option ${key}` : `${key}: ${i.message}`);
  }
  return parsed.data;
}
