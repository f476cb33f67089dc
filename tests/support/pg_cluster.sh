#!/bin/bash
# Starts or stops the throwaway PostgreSQL 15 cluster the tests use: trust for the postgres superuser
# on loopback, a password (scram) for every other role, so "wrong password" can be tested for real.
# Usage: pg_cluster.sh start|stop DIR PORT   (HERALD_PG_FSYNC=on for benchmarks that claim durability)
#        pg_cluster.sh pause|resume DIR PORT  (stops and restarts a started cluster, keeping its data:
#                                              tests of a server that goes away and comes back)
set -euo pipefail
action=$1; dir=$2; port=$3
PGBIN=/usr/lib/postgresql/15/bin
if [ "$(id -u)" = 0 ]; then AS=(runuser -u postgres --); else AS=(); fi
cd /   # postgres cannot enter /root

case "$action" in
start)
    if [ -f "$dir/data/postmaster.pid" ] && "${AS[@]}" "$PGBIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        "${AS[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ ${#AS[@]} -gt 0 ] && chown postgres:postgres "$dir"
    chmod 700 "$dir"
    "${AS[@]}" "$PGBIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log"
    cat >"$dir/data/pg_hba.conf" <<HBA
local all all trust
host all postgres 127.0.0.1/32 trust
host all postgres ::1/128 trust
host all all 127.0.0.1/32 scram-sha-256
host all all ::1/128 scram-sha-256
HBA
    "${AS[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=${HERALD_PG_FSYNC:-off} -c max_connections=200" start >/dev/null
    "${AS[@]}" psql -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE ROLE herald_pw LOGIN CREATEDB PASSWORD 'herald-test-password'" \
        -c "CREATE DATABASE herald_pw_db OWNER herald_pw"
    echo "PostgreSQL 15 test cluster on 127.0.0.1:$port ($dir)"
    ;;
pause)
    "${AS[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
resume)
    "${AS[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=${HERALD_PG_FSYNC:-off} -c max_connections=200" start >/dev/null
    ;;
stop)
    if [ -d "$dir/data" ]; then
        "${AS[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    echo "PostgreSQL test cluster stopped"
    ;;
*)
    echo "usage: $0 start|stop|pause|resume DIR PORT" >&2; exit 2 ;;
esac
