# Sourced by the bench-*.sh scripts that fill a throwaway PostgreSQL cluster: `bench_cluster PROGRAM PORT` checks that
# $build/bin/PROGRAM is built, starts the cluster on PORT with an empty database "bench" (stopped when the script
# exits, unless HERALD_BENCH_KEEP=1: then it stays for more runs of the queries), and sets $bench (the program's path), $pg (its --pg value) and the array psql (psql on that cluster).
bench_cluster() {
    local program=$1 port=$2
    bench=$build/bin/$program
    [ -x "$bench" ] || { echo "build it first: cmake --build $build --target $program" >&2; exit 1; }
    bench_cluster_stop=("$root/tests/support/pg_cluster.sh" stop "/tmp/herald-bench-pg-$port" "$port")
    if [ "${HERALD_BENCH_KEEP:-0}" = 1 ]; then
        echo "(kept afterwards; stop it with: ${bench_cluster_stop[*]})"
    else
        trap '"${bench_cluster_stop[@]}" >/dev/null 2>&1 || true' EXIT
    fi
    echo "== PostgreSQL 15 on 127.0.0.1:$port"
    "$root/tests/support/pg_cluster.sh" start "/tmp/herald-bench-pg-$port" "$port"
    psql=(psql -X -q -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1)
    "${psql[@]}" -d postgres -c "CREATE DATABASE bench"
    pg=127.0.0.1:$port/bench
}
