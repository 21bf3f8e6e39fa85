#!/usr/bin/env bash
# What the test suite needs from the machine, listed once: scripts/test.sh (`npm test`) runs this
# first, and so CI (.ci/run, through npm test). Exit 0 when everything is there.
#
# When something is missing it is installed with apt-get only where that is expected: as root, with
# apt-get present, and in CI (CI=true) or when asked (JIXIAO_INSTALL=1); it says what it installs.
# Otherwise (a developer's machine) it stops at once with ONE line saying what to install, exit 2.
#   PostgreSQL: required in CI; elsewhere optional (the PostgreSQL stages are skipped without it).
#   CHROMIUM_PATH: the browser for PDF reports and Playwright (default /usr/bin/chromium).
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  echo "npm test: node_modules is missing — run npm install" >&2
  exit 2
fi

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
has_cjk_fonts() {
  # (not `fc-list | grep -q`: grep's early exit makes fc-list fail with SIGPIPE under pipefail)
  if command -v fc-list >/dev/null; then grep -q "Noto Sans CJK" <<<"$(fc-list 2>/dev/null)"; else compgen -G "/usr/share/fonts/*/noto*/NotoSansCJK*" >/dev/null; fi
}
# Debian package names of what is missing, into `need` (and words for the message into `what`).
check() {
  need=() what=()
  if [ ! -x "$chromium" ]; then need+=(chromium); what+=("chromium ($chromium)"); fi
  if ! has_cjk_fonts; then need+=(fonts-noto-cjk); what+=(fonts-noto-cjk); fi
  if ! command -v pdftoppm >/dev/null || ! command -v pdftotext >/dev/null; then need+=(poppler-utils); what+=(poppler-utils); fi
  if [ "${CI:-}" = "true" ] && ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then need+=(postgresql); what+=(postgresql); fi
}

check
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && { [ "${CI:-}" = "true" ] || [ "${JIXIAO_INSTALL:-}" = "1" ]; }; then
  echo "npm test: installing ${need[*]} (apt-get)" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  check
  [ ${#need[@]} -eq 0 ] && exit 0
fi

sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo "
missing="$(printf '%s, ' "${what[@]}")"
echo "npm test: missing ${missing%, } — run: ${sudo}apt-get install ${need[*]} (or JIXIAO_INSTALL=1 npm test as root to install them)" >&2
exit 2
