#!/bin/bash
# The dashboard queries (`herald stats`, models/metrics/DashboardReader) on a large send history: fills SENDS
# rows into sends and a week of send_metrics on a throwaway PostgreSQL cluster, then times each range.
# Prints figures; never a pass/fail test. The goal: under 50 ms with 10M send rows.
# Usage: scripts/bench-dashboard.sh [BUILD_DIR] [SENDS]        (defaults: build, 10000000; several minutes)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
sends=${2:-10000000}
port=${HERALD_BENCH_PG_PORT:-55871}
bench=$build/bin/herald-bench-dashboard
cluster=$root/tests/support/pg_cluster.sh
pgdir=/tmp/herald-bench-pg-$port
[ -x "$bench" ] || { echo "build it first: cmake --build $build --target herald-bench-dashboard" >&2; exit 1; }
cleanup() { "$cluster" stop "$pgdir" "$port" >/dev/null 2>&1 || true; }
trap cleanup EXIT

echo "== PostgreSQL 15 on 127.0.0.1:$port"
"$cluster" start "$pgdir" "$port"
psql=(psql -X -q -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1)
"${psql[@]}" -d postgres -c "CREATE DATABASE bench"
echo "== Filling $sends sends and a week of send_metrics"
"$bench" fill "$sends" --pg "127.0.0.1:$port/bench"
start=$(date +%s.%N)
"${psql[@]}" -d bench -c "VACUUM ANALYZE sends" -c "VACUUM ANALYZE send_metrics"
echo "vacuum analyze: $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
echo "== Dashboard queries (ms: first run, median of the next 5)"
"$bench" queries --pg "127.0.0.1:$port/bench"
echo "== Plans of the queue and failure-reason queries (15 minutes)"
"${psql[@]}" -d bench -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT (SELECT count(*) FROM sends WHERE status = 'pending'),
  (SELECT count(*) FROM sends WHERE status = 'pending' AND attempts > 0), (SELECT count(*) FROM sends WHERE status = 'sending')"
"${psql[@]}" -d bench -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT error, count(*) FROM sends
  WHERE status = 'failed' AND failed_at >= now() - interval '15 minutes' AND failed_at < now() GROUP BY error"
