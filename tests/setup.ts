import { inject } from "vitest";
// Before any module reads lib/env: point the app's Prisma client at this run's database.
process.env.DATABASE_URL = inject("databaseUrl");
