#!/bin/bash
# The dashboard queries (`herald stats`, models/metrics/DashboardReader) on a large send history: fills SENDS
# rows into sends and a week of send_metrics on a throwaway PostgreSQL cluster, then times each range.
# Prints figures; never a pass/fail test. The goal: under 50 ms with 10M send rows.
# Usage: scripts/bench-dashboard.sh [BUILD_DIR] [SENDS]        (defaults: build, 10000000; several minutes)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
sends=${2:-10000000}
. "$root/scripts/bench-cluster.sh"
bench_cluster herald-bench-dashboard "${HERALD_BENCH_PG_PORT:-55871}"
echo "== Filling $sends sends and a week of send_metrics"
"$bench" fill "$sends" --pg "$pg"
start=$(date +%s.%N)
"${psql[@]}" -d bench -c "VACUUM ANALYZE sends" -c "VACUUM ANALYZE send_metrics" -c "VACUUM ANALYZE send_metrics_5min" \
  -c "VACUUM ANALYZE failure_reasons" -c "VACUUM ANALYZE failure_reasons_5min" -c "VACUUM ANALYZE queue_samples"
echo "vacuum analyze: $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
echo "== Dashboard queries (ms: first run, median of the next 5); before: the sends scans they replace"
"$bench" queries --pg "$pg"
echo "== Plans of the 7-day failure-reason and queue-series queries"
"${psql[@]}" -d bench -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT reason, sum(failures) FROM failure_reasons_5min
  WHERE bucket_start >= extract(epoch from now())::bigint - 604800 GROUP BY reason ORDER BY 2 DESC LIMIT 5"
"${psql[@]}" -d bench -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) WITH RECURSIVE points(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM points WHERE i + 1 < 119)
  SELECT p.i, q.pending FROM points p JOIN queue_samples q ON q.sampled_at = (SELECT max(sampled_at) FROM queue_samples
  WHERE sampled_at < extract(epoch from now())::bigint - 604800 + (p.i + 1) * 5100)"
