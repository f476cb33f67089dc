#!/bin/bash
# The engagement roll-up (models/engagement/EngagementRollup) on a throwaway PostgreSQL cluster: writes EVENTS opens
# and clicks as `herald serve` does, then rolls them up in passes of BATCH and prints events per second.
# Prints figures; never a pass/fail test. The goal: well above the tens of thousands of events a second serve takes in.
# Usage: scripts/bench-engagement.sh [BUILD_DIR] [EVENTS] [BATCH...]   (defaults: build, 200000, 5000 20000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
events=${2:-200000}
shift $(( $# > 2 ? 2 : $# ))
batches=("${@:-5000 20000}")
port=${HERALD_BENCH_PG_PORT:-55871}
bench=$build/bin/herald-bench-engagement
cluster=$root/tests/support/pg_cluster.sh
pgdir=/tmp/herald-bench-pg-$port
[ -x "$bench" ] || { echo "build it first: cmake --build $build --target herald-bench-engagement" >&2; exit 1; }
cleanup() { "$cluster" stop "$pgdir" "$port" >/dev/null 2>&1 || true; }
trap cleanup EXIT

echo "== PostgreSQL 15 on 127.0.0.1:$port"
"$cluster" start "$pgdir" "$port"
psql=(psql -X -q -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1)
for batch in ${batches[@]}; do
  "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS bench_engagement" -c "CREATE DATABASE bench_engagement"
  echo "== $events events, passes of $batch"
  "$bench" --pg "127.0.0.1:$port/bench_engagement" --events "$events" --batch "$batch"
done
