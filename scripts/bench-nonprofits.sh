#!/bin/bash
# The nonprofits table at scale: generates ROWS rows shaped like the IRS extracts, times Herald's import on a
# throwaway PostgreSQL cluster (fsync on) next to psql \copy of the same file into a table with the same indexes,
# then the time to the first rows and to filtered results on that table, and the same on SQLite.
# Prints figures; never a pass/fail test.
# Usage: scripts/bench-nonprofits.sh [BUILD_DIR] [ROWS]        (defaults: build, 1000000; about 10 minutes)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
rows=${2:-1000000}
port=${HERALD_BENCH_PG_PORT:-55433}
bench=$build/bin/herald-bench-nonprofits
cluster=$root/tests/support/pg_cluster.sh
pgdir=/tmp/herald-bench-pg-$port
[ -x "$bench" ] || { echo "build it first: cmake --build $build --target herald-bench-nonprofits" >&2; exit 1; }

work=$(mktemp -d /tmp/herald-bench.XXXXXX)
chmod 755 "$work"
cleanup() { "$cluster" stop "$pgdir" "$port" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
csv=$work/nonprofits.csv
figure() { sed -n "s/^figure $1 //p" "$2" | tail -1; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

echo "== Generating $rows rows"
"$bench" generate "$csv" "$rows"
echo "   $(du -h "$csv" | cut -f1) in $csv"

echo "== PostgreSQL 15 on 127.0.0.1:$port, fsync on"
HERALD_PG_FSYNC=on "$cluster" start "$pgdir" "$port"
psql=(psql -X -q -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1)
"${psql[@]}" -d postgres -c "CREATE DATABASE bench"
pg=127.0.0.1:$port/bench
"$bench" migrate --pg "$pg" 2>/dev/null
# The same columns, defaults, constraints and indexes as Herald's table (trigram ones included).
"${psql[@]}" -d bench -c "CREATE TABLE copy_target (LIKE nonprofits INCLUDING ALL)"

echo "== psql \\copy of the file"
start=$(date +%s.%N)
"${psql[@]}" -d bench -c "\\copy copy_target (ein, name, email, street, city, region, postal_code) FROM '$csv' WITH (FORMAT csv, HEADER true)"
copy=$(seconds "$start" "$(date +%s.%N)")
echo "   $copy s"

echo "== Herald import of the file (COPY into staging, upsert by EIN, batches of 5000)"
"$bench" import "$csv" --pg "$pg" 2>/dev/null | tee "$work/pg-import.txt"
herald=$(figure import.seconds "$work/pg-import.txt")

# What autovacuum would have done by the time anyone looks.
"${psql[@]}" -d bench -c "ANALYZE nonprofits"
echo "== PostgreSQL queries (median of 5 runs after a first one)"
"$bench" queries --pg "$pg" 2>/dev/null | tee "$work/pg-queries.txt" | grep -v '^figure'
echo "== PostgreSQL plans of the first pages and searches (auto_explain)"
# Each query's plan comes just before its timing line.
"$bench" queries --pg "$pg" --runs 0 --explain 2>&1 \
    | grep -E '^  (first_page|next_page|filter\.[a-z0-9_-]+\.first_page)|Index Scan|Bitmap Heap Scan|CTE hits|Seq Scan' \
    | grep -v nonprofit_tags | sed -E 's/ +\(cost=.*//; s/^ *(->)? +/      /; s/^      (first_page|next_page|filter)/  \1/'

echo "== SQLite: Herald import of the same file, then the same queries"
"$bench" import "$csv" --sqlite "$work/bench.sqlite" 2>/dev/null | tee "$work/sqlite-import.txt"
"$bench" queries --sqlite "$work/bench.sqlite" 2>/dev/null | tee "$work/sqlite-queries.txt" | grep -v '^figure'
echo "== SQLite plans"
for key in "lower(n.name)" "lower(n.email)" "COALESCE(n.ein, '')" "lower(n.city)" "n.region" "n.country" "n.status" "n.updated_at"; do
    printf '   ORDER BY %-20s ' "$key"
    sqlite3 "$work/bench.sqlite" "EXPLAIN QUERY PLAN SELECT n.id FROM nonprofits n ORDER BY $key, n.id LIMIT 256" | tail -n +2 | tr -d '\n'
    echo
done

echo
echo "== Summary ($rows rows)"
printf 'Import on PostgreSQL: psql \\copy %s s, Herald %s s, ratio %s (goal <= 2)\n' "$copy" "$herald" \
    "$(awk -v h="$herald" -v c="$copy" 'BEGIN { printf "%.2f", h / c }')"
printf 'Import on SQLite:     Herald %s s\n' "$(figure import.seconds "$work/sqlite-import.txt")"
for backend in pg sqlite; do
    file=$work/$backend-queries.txt
    printf '%-7s first rows (page 1 by name) %s ms, whole-table count %s ms; filtered first page: food %s ms, ' \
        "$backend" "$(figure first_page.name.asc.median_ms "$file")" "$(figure count.all.median_ms "$file")" \
        "$(figure filter.food.first_page.median_ms "$file")"
    printf 'burlington %s ms, EIN 01-05486 %s ms (goals < 300 ms and < 200 ms)\n' \
        "$(figure filter.burlington.first_page.median_ms "$file")" "$(figure filter.01-05486.first_page.median_ms "$file")"
done
