// `npm run db:migrate`: apply pending migrations to DATABASE_URL (SQLite by default).
import { env } from "../lib/env";
import { engineOf, migrate } from "../lib/db";

try {
  const r = await migrate(env.DATABASE_URL);
  const engine = engineOf(env.DATABASE_URL);
  console.log(
    r.applied.length
      ? `migrations applied (${engine}): ${r.applied.join(", ")}`
      : `database is up to date (${engine}, ${r.skipped.length} migrations)`,
  );
} catch (e) {
  console.error(`migrate: ${(e as Error).message}`);
  process.exit(1);
}
