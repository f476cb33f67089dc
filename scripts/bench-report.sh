#!/bin/bash
# The engagement reports (models/engagement/EngagementReport, `herald report campaign`) at the issue's size: fills a
# throwaway PostgreSQL cluster with RECIPIENTS nonprofits, one campaign to all of them, EVENTS raw opens and clicks and
# their roll-ups, then times a campaign's report (median and max of 20 runs, against the goal of 100 ms), the
# recipient list's pages and searches, and the Dashboard's recent campaigns.
# Prints figures; never a pass/fail test.
# Usage: scripts/bench-report.sh [BUILD_DIR] [RECIPIENTS] [EVENTS]   (defaults: build, 1000000, 5000000; ~10 minutes)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
recipients=${2:-1000000}
events=${3:-5000000}
. "$root/scripts/bench-cluster.sh"
bench_cluster herald-bench-report "${HERALD_BENCH_PG_PORT:-55872}"
echo "== Filling $recipients nonprofits, a campaign to all of them, $events raw events and their roll-ups"
"$bench" fill "$recipients" "$events" --pg "$pg"
start=$(date +%s.%N)
"${psql[@]}" -d bench -c "VACUUM ANALYZE"
echo "vacuum analyze: $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
"${psql[@]}" -d bench -A -t -c "SELECT 'rows: sends ' || (SELECT count(*) FROM sends) || ', engagement_events ' ||
  (SELECT count(*) FROM engagement_events) || ', send_engagement ' || (SELECT count(*) FROM send_engagement) ||
  ', send_link_engagement ' || (SELECT count(*) FROM send_link_engagement) || ', engagement_hourly ' ||
  (SELECT count(*) FROM engagement_hourly)"
echo "== Reports (ms: median and max of 20 runs after a warm-up)"
"$bench" queries --pg "$pg" --runs 20
echo "== Plans of the delivered count (kept counts; before schema 17, counting the sends) and a recipients search"
"${psql[@]}" -d bench -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT status, sum(n) FROM campaign_send_counts WHERE campaign_id = 1 GROUP BY status"
"${psql[@]}" -d bench -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT status, count(*) FROM sends WHERE campaign_id = 1 GROUP BY status"
"${psql[@]}" -d bench -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT e.send_id FROM send_engagement e JOIN sends s ON s.id = e.send_id
  LEFT JOIN nonprofits n ON n.id = s.nonprofit_id WHERE e.campaign_id = 1 AND (n.name ILIKE '%harbor library 1234%'
  OR n.email ILIKE '%harbor library 1234%' OR n.city ILIKE '%harbor library 1234%') AND e.send_id > 0 ORDER BY e.send_id LIMIT 100"
