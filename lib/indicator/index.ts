// The indicator (指标): the one rule for its target in force and the one decoder of its JSON
// columns. Pure: no Prisma, no framework.
export * from "./client";
