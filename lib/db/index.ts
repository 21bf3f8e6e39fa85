// The db module's door: The database below Prisma: engine from DATABASE_URL, migrations, readiness. The Prisma client itself (lib/db/prisma.ts, writer.ts, hot-statements.ts, generated/) is not behind this door: only query and command files import it (eslint.config.mjs).
// Other modules, pages, components and the CLI import `@/lib/db`, never a file behind it.
export * from "./disconnect";
export * from "./engine";
export * from "./migrate";
export * from "./readiness";
