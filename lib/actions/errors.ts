// The one error of the application: a refusal in the shape every caller answers with (code,
// bilingual message, the fields it is about). Domain code throws it; each boundary turns it into
// its answer in one place: server actions and `mutate` into an ActionResult (`asResult`), the
// JSON API into its error body and HTTP status (lib/api/http.ts `apiResult`), the CLI into one
// bilingual line and an exit code (`cliFailure`). Pure: no Next, React or Prisma.

export type Message = { zh: string; en: string };
export type ActionError = {
  code: "invalid" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "period_closed" | "locked";
  message: Message;
  fields?: Record<string, string[]>;
};
export type ActionResult<T> = { data: T } | { error: ActionError };

export class AppError extends Error {
  constructor(public readonly error: ActionError) {
    super(error.message.en);
  }
}

/** What a unique index refusing a second insert means to the user: a concurrent edit of the same thing. */
export const concurrentEdit: ActionError = { code: "conflict", message: { zh: "该记录刚被他人修改，请刷新后重试", en: "Someone else changed this just now; reload and try again" } };

const isUniqueViolation = (e: unknown) => typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";

/** An AppError (or a unique-index refusal) as the ActionResult error it stands for; anything else is rethrown. */
export function asResult(e: unknown, conflict: ActionError = concurrentEdit): { error: ActionError } {
  if (e instanceof AppError) return { error: e.error };
  if (isUniqueViolation(e)) return { error: conflict };
  throw e;
}

/**
 * The command line's answer to a refusal: "error: <en>" then the Chinese on the next line, and the
 * exit code (bad input `invalidExit`, default 2; any other refusal 1).
 */
export function cliFailure(error: ActionError, write: (s: string) => void, invalidExit = 2): number {
  const field = error.fields ? Object.keys(error.fields)[0] : undefined;
  write(`error: ${field ? `--${field.split(".")[0]}: ` : ""}${error.message.en}\n${error.message.zh}\n`);
  return error.code === "invalid" ? invalidExit : 1;
}
