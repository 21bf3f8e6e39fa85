#!/usr/bin/env bash
# Builds and serves the app on a fresh, seeded database for the Playwright suite.
# E2E_DATABASE_URL picks the engine (default: a fresh SQLite file under data/).
# E2E_SKIP_BUILD=1 serves the existing .next build (scripts/test.sh builds once for all stages).
set -euo pipefail
port="${1:-3100}"
cd "$(dirname "$0")/.."
if [ -n "${E2E_DATABASE_URL:-}" ]; then
  export DATABASE_URL="$E2E_DATABASE_URL"
else
  rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm
  export DATABASE_URL="file:./data/e2e.db"
fi
export AUTH_SECRET="${AUTH_SECRET:-e2e-secret-not-for-production-0123456789}"
npx tsx --conditions=react-server prisma/migrate.ts
npx tsx --conditions=react-server prisma/seed.ts
if [ "${E2E_SKIP_BUILD:-}" = "1" ]; then
  [ -f .next/BUILD_ID ] || { echo "e2e-server: E2E_SKIP_BUILD=1 but there is no .next build (run npx next build)" >&2; exit 1; }
else
  npx next build >/tmp/jixiao-e2e-build.log 2>&1 || { cat /tmp/jixiao-e2e-build.log; exit 1; }
fi
exec npx next start -p "$port" -H 127.0.0.1
