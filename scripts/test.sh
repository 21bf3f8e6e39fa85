#!/usr/bin/env bash
# The whole test suite (`npm test`): types and lint, unit + integration on SQLite, the same integration
# tests on PostgreSQL when one is reachable (always in CI), one production build, the system
# tests against real `next start` servers (crash, concurrency, two instances, a fresh clone;
# tests/system), then Playwright in Chromium on that same build.
# `npm test -- FILE…` checks the machine the same way, then runs only those vitest files on SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
stage() { echo "== $1 ($(date +%T))"; }

# Chromium, CJK fonts, poppler, node_modules (PostgreSQL in CI): installed in CI, else one line and exit 2.
bash scripts/preflight.sh

if [ $# -gt 0 ]; then
  stage "unit + integration (SQLite): $*"
  TEST_ENGINE=sqlite exec npx vitest run "$@"
fi

stage "typecheck and lint"
npx tsc --noEmit
npx eslint . --max-warnings 1 # the one warning: TanStack's useReactTable is not memoisable (components/ui/data-table.tsx)

stage "unit + integration (SQLite)"
TEST_ENGINE=sqlite npx vitest run

if [ -z "${TEST_POSTGRES_URL:-}" ] && ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  TEST_POSTGRES_URL="$(bash scripts/pg-cluster.sh start)" || TEST_POSTGRES_URL=""
fi
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  stage "integration (PostgreSQL)"
  TEST_ENGINE=postgres TEST_POSTGRES_URL="$TEST_POSTGRES_URL" npx vitest run tests
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is required in CI but none is reachable" >&2
  exit 1
else
  echo "== integration (PostgreSQL): skipped, no PostgreSQL on this machine"
fi

# One build for everything below: the system tests start it, Playwright serves it (E2E_SKIP_BUILD).
# The build reads no database; AUTH_SECRET keeps it from making data/.auth-secret.
stage "build (next build, once)"
AUTH_SECRET="${AUTH_SECRET:-e2e-secret-not-for-production-0123456789}" npx next build >/tmp/jixiao-build.log 2>&1 || { cat /tmp/jixiao-build.log; exit 1; }

stage "system (SQLite): crash safety, concurrent edits"
TEST_ENGINE=sqlite npx vitest run -c vitest.system.config.ts
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  stage "system (PostgreSQL): crash safety, concurrent edits, two instances"
  TEST_ENGINE=postgres TEST_POSTGRES_URL="$TEST_POSTGRES_URL" npx vitest run -c vitest.system.config.ts
fi

stage "end-to-end (Playwright, Chromium)"
E2E_SKIP_BUILD=1 npx playwright test
