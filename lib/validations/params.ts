/** A search param given twice arrives as an array: the first one counts. */
export const one = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : v);

/** A refused zod parse as the error shape's `fields`: each field's path with its messages. */
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const i of issues) (fields[i.path.map(String).join(".") || "_"] ??= []).push(i.message);
  return fields;
}
