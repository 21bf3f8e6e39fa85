// The actions module's door: Every write: mutate/audited (checks, transaction, audit rows) and the one AppError. Server only.
// Other modules, pages, components and the CLI import `@/lib/actions`, never a file behind it.
export * from "./errors";
export * from "./mutation";
