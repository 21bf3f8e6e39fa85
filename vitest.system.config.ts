import { defineConfig } from "vitest/config";
import path from "node:path";

// System tests (tests/system/*.system.ts): real `next start` servers from the existing .next build,
// killed and restarted, several at once. Run after `npx next build`:
//   TEST_ENGINE=sqlite|postgres [TEST_POSTGRES_URL=…] npx vitest run -c vitest.system.config.ts
// The files are named *.system.ts so the normal suite (vitest.config.ts, *.test.ts) never picks them up.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["tests/system/**/*.system.ts"],
    // Several app instances need a database server: that file runs on PostgreSQL only. The fresh
    // clone runs its own SQLite commands: once, on the SQLite pass.
    exclude: process.env.TEST_ENGINE === "postgres" ? ["tests/system/fresh-clone.system.ts"] : ["tests/system/instances.system.ts"],
    environment: "node",
    // No global seeded database: each file makes its own and starts its own servers.
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The test process imports lib/env (through lib/db and the seed): give it values that never touch ./data.
    env: {
      AUTH_SECRET: "system-test-secret-not-for-production-0123456789",
      DATABASE_URL: "file:/tmp/jixiao-system-unused.db",
    },
  },
});
