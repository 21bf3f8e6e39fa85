#!/usr/bin/env bash
# The whole test suite (`npm test`): types, unit + integration on SQLite, the same integration
# tests on PostgreSQL when one is reachable (always in CI), then Playwright in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== typecheck"
npx tsc --noEmit

echo "== unit + integration (SQLite)"
TEST_ENGINE=sqlite npx vitest run

if [ -z "${TEST_POSTGRES_URL:-}" ] && ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  TEST_POSTGRES_URL="$(bash scripts/pg-cluster.sh start)" || TEST_POSTGRES_URL=""
fi
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  echo "== integration (PostgreSQL)"
  TEST_ENGINE=postgres TEST_POSTGRES_URL="$TEST_POSTGRES_URL" npx vitest run tests
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is required in CI but none is reachable" >&2
  exit 1
else
  echo "== integration (PostgreSQL): skipped, no PostgreSQL on this machine"
fi

echo "== end-to-end (Playwright, Chromium)"
npx playwright test
