#!/usr/bin/env bash
# Stops the throwaway PostgreSQL started by pg-up.sh (no-op when it is not running).
set -euo pipefail
PGDATA="${PGDATA:-/tmp/skippay-admin-pg}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || exit 0
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
$SUDO runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
