#!/bin/bash
# Offline drafting (models/sync): DRAFTS drafts written offline pushed to a throwaway PostgreSQL cluster, a sync
# with nothing to do, every draft edited and pushed again, and all of them pulled into an empty offline store.
# Prints figures; never a pass/fail test. The goal: 1,000 drafts within seconds.
# Usage: scripts/bench-sync.sh [BUILD_DIR] [DRAFTS]        (defaults: build, 1000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
drafts=${2:-1000}
port=${HERALD_BENCH_PG_PORT:-55873}
bench=$build/bin/herald-bench-sync
cluster=$root/tests/support/pg_cluster.sh
pgdir=/tmp/herald-bench-pg-$port
[ -x "$bench" ] || { echo "build it first: cmake --build $build --target herald-bench-sync" >&2; exit 1; }
cleanup() { "$cluster" stop "$pgdir" "$port" >/dev/null 2>&1 || true; }
trap cleanup EXIT

echo "== PostgreSQL 15 on 127.0.0.1:$port"
"$cluster" start "$pgdir" "$port"
psql -X -q -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE bench"
echo "== $drafts drafts"
"$bench" --pg "127.0.0.1:$port/bench" --drafts "$drafts"
