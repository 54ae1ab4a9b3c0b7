#!/usr/bin/env bash
# Installs (Debian's `postgresql`) and starts a local PostgreSQL server for warta-store's PostgreSQL tests,
# creates the role and database they use, and prints their URL (the only thing written to stdout).
# Idempotent: run it as often as you like (as root). In .ci/run:
#   export WARTA_TEST_POSTGRES="$(bash scripts/ci-postgres.sh)"
#   cargo test --release --workspace      # crates/warta-store/tests/postgres.rs then runs against it
set -euo pipefail

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
    pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk '$1=="'"$version"'" && $2=="main" {print $4}' | grep -qx online; then
    pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do
    if su postgres -c "psql -qAtc 'SELECT 1'" >/dev/null 2>&1; then break; fi
    sleep 1
done
su postgres -c "psql -qAt" <<'SQL' >/dev/null
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'warta') THEN
        CREATE ROLE warta LOGIN PASSWORD 'warta';
    END IF;
END $$;
SQL
if ! su postgres -c "psql -qAtc \"SELECT 1 FROM pg_database WHERE datname = 'warta_test'\"" | grep -qx 1; then
    su postgres -c "createdb -O warta warta_test" >&2
fi
echo "postgres://warta:warta@127.0.0.1:5432/warta_test"
