#!/usr/bin/env bash
# A private PostgreSQL cluster on 127.0.0.1 for tests and CI (never a system service).
# Usage: scripts/pg-cluster.sh start|stop|url   (PGPORT_JIXIAO, default 54329; data dir /tmp/jixiao-pg)
set -euo pipefail
PORT="${PGPORT_JIXIAO:-54329}"
DIR="${PGDATA_JIXIAO:-/tmp/jixiao-pg}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -n "$BIN" ] || { echo "pg-cluster: PostgreSQL binaries not found (apt-get install postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
case "${1:-}" in
  start)
    if [ ! -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
      as_pg "'$BIN/initdb' -D '$DIR' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    fi
    if ! as_pg "'$BIN/pg_ctl' -D '$DIR' status" >/dev/null 2>&1; then
      as_pg "'$BIN/pg_ctl' -D '$DIR' -o \"-c listen_addresses=127.0.0.1 -p $PORT -k '$DIR' -c fsync=off\" -l '$DIR/log' start -w" >/dev/null
    fi
    echo "postgresql://postgres@127.0.0.1:$PORT/postgres" ;;
  stop) as_pg "'$BIN/pg_ctl' -D '$DIR' stop -m fast" >/dev/null 2>&1 || true ;;
  url) echo "postgresql://postgres@127.0.0.1:$PORT/postgres" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
