// The indicator module's door (指标): the one rule for its target in force, the one decoder of its
// JSON columns, and the commands that change an indicator and its tables (add, edit, reorder,
// retire, offices, target revisions, the admin's confirmed parse). Server only: client components
// and pure code import the pure part, `lib/indicator/client`.
export * from "./client";
export * from "./override";
export * from "./revisions";
export * from "./tables";
