/** A search param given twice arrives as an array: the first one counts. */
export const one = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : v);
