#!/usr/bin/env bash
# Starts a throwaway Debian PostgreSQL on loopback for TEST_POSTGRES=1 (installs it with apt when missing).
# Idempotent. Recreates an empty database and prints `DATABASE_URL=…` as its last line. Must run as root.
# PG_EXTRA_OPTIONS adds server options when it starts the server (the benchmark's pg_stat_statements, durable
# commits); they come last, so they win over the defaults below.
set -euo pipefail
PGPORT="${PGPORT:-54329}"
PGDATA="${PGDATA:-/tmp/skippay-admin-pg}"
DBNAME="${PGDATABASE:-skippay_admin_test}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo -n"

if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  echo "Installing PostgreSQL (apt)…" >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { $SUDO runuser -u postgres -- env ${PGOPTIONS:+PGOPTIONS="$PGOPTIONS"} "$@"; }

if ! as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    $SUDO mkdir -p "$PGDATA"
    $SUDO chown postgres:postgres "$PGDATA"
    as_pg "$PGBIN/initdb" -D "$PGDATA" -A trust -U postgres --no-sync >/dev/null
  fi
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
    -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 ${PG_EXTRA_OPTIONS:-}" start >&2
fi
PGOPTIONS="-c client_min_messages=warning" as_pg "$PGBIN/dropdb" -h 127.0.0.1 -p "$PGPORT" -U postgres --if-exists --force "$DBNAME"
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres "$DBNAME"
echo "DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/$DBNAME"
