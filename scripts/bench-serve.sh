#!/bin/bash
# The click redirect of `herald serve` under load, against nginx answering a static 302 on the same machine, with
# every click written to a throwaway PostgreSQL cluster (fsync on). Three parts:
#   1. rate: wrk -t2 -cC -dD against nginx, then against `herald serve --threads T` (valid click tokens of one
#      campaign, per-recipient and anonymous); serve is stopped with SIGTERM and the events in engagement_events
#      are compared with the replies wrk received;
#   2. kill -TERM while wrk is loading it: lost = replies - events, must be 0;
#   3. kill -9 while wrk is loading it, ROUNDS times with --flush-ms 100 (the default) and 250 (the maximum), at
#      full load (every core busy) and at a steady PACE requests a second, then a new herald serve on the same spool
#      writes what the killed one spooled: lost events, lost / rate as milliseconds of traffic, and how long writing
#      one batch took (from PostgreSQL's statement log).
# Prints the figures and a summary with the goals (PASS/MISS); the machine's load average is printed with them.
# Usage: scripts/bench-serve.sh [--duration D] [--connections C] [--threads T] [--kill-rounds ROUNDS]
#                               [--kill-pace PACE] [--build DIR]
#        defaults: D = 30 s, C = 64, T = 2 server threads (nginx: 2 workers), ROUNDS = 3, PACE = 10000.
#        About 5 minutes.
# Needs wrk, nginx-light, curl and time (Debian packages). Ports: HERALD_BENCH_PG_PORT (55875), HERALD_BENCH_NGINX_PORT
# (18090), HERALD_BENCH_SERVE_PORT (18091) on 127.0.0.1.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build
duration=30
connections=64
threads=2
kill_rounds=3
kill_pace=10000
usage() { sed -n '12,15p' "$0" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
    --duration) duration=$2; shift ;;
    --connections) connections=$2; shift ;;
    --threads) threads=$2; shift ;;
    --kill-rounds) kill_rounds=$2; shift ;;
    --kill-pace) kill_pace=$2; shift ;;
    --build) build=$2; shift ;;
    *) usage ;;
    esac
    shift
done
build=$(cd "$build" && pwd)
port=${HERALD_BENCH_PG_PORT:-55875}
nginx_port=${HERALD_BENCH_NGINX_PORT:-18090}
serve_port=${HERALD_BENCH_SERVE_PORT:-18091}
herald=$build/bin/herald
bench=$build/bin/herald-bench-serve
cluster=$root/tests/support/pg_cluster.sh
candidates=$root/bench/http-candidates
pgdir=/tmp/herald-bench-pg-$port
for program in "$herald" "$bench" /usr/bin/wrk /usr/sbin/nginx /usr/bin/curl /usr/bin/time; do
    [ -x "$program" ] || { echo "missing $program (cmake --build $build --target herald herald-bench-serve;" \
        "wrk, nginx-light, curl and time are Debian packages)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/herald-bench-serve.XXXXXX)
chmod 755 "$work"
server_pid=
wrk_pid=
cleanup() {
    if [ -n "$wrk_pid" ]; then kill "$wrk_pid" 2>/dev/null || true; fi
    if [ -n "$server_pid" ]; then kill -KILL "$server_pid" 2>/dev/null || true; fi
    "$cluster" stop "$pgdir" "$port" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
calc() { awk "BEGIN { $1 }"; } # calc 'printf "%.2f", 1 / 3'

# CPU seconds so far: of a process with its children (nginx's workers), of PostgreSQL (the postmaster, with the
# backends that ended, and those running).
tick=$(getconf CLK_TCK)
cpu_of() {
    { awk '{ print $14 + $15 }' "/proc/$1/stat"
      for child in $(pgrep -P "$1"); do awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || true; done
    } | awk -v t="$tick" '{ s += $1 } END { printf "%.2f", s / t }'
}
pg_cpu() {
    local postmaster; postmaster=$(head -1 "$pgdir/data/postmaster.pid")
    { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat"
      for child in $(pgrep -P "$postmaster"); do awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || true; done
    } | awk -v t="$tick" '{ s += $1 } END { printf "%.2f", s / t }'
}

echo "== PostgreSQL 15 on 127.0.0.1:$port, fsync on"
HERALD_PG_FSYNC=on "$cluster" start "$pgdir" "$port"
psql=(psql -X -q -At -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1)
"${psql[@]}" -d postgres -c "CREATE DATABASE bench"
events() { "${psql[@]}" -d bench -c "SELECT count(*) FROM engagement_events"; }

echo "== Herald's database (herald db status), a campaign with links and sends, click tokens"
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
unset DBUS_SESSION_BUS_ADDRESS DISPLAY
"$herald" profile add bench --host 127.0.0.1 --port "$port" --database bench --user postgres --sslmode disable >/dev/null
"$herald" db status --profile bench >/dev/null
"$bench" prepare --pg "127.0.0.1:$port/bench" --sends 10000 --links 20 --tokens 4000 --paths "$work/paths.txt" 2>/dev/null \
    | grep -v '^figure'
"${psql[@]}" -d bench -c "VACUUM ANALYZE" -c "CHECKPOINT"
# PostgreSQL logs herald serve's statements with their times: how long writing one batch of events takes.
"${psql[@]}" -d postgres -c "ALTER DATABASE bench SET log_min_duration_statement = 0"
log_mark() { wc -l <"$pgdir/server.log"; }
# "MEDIAN MAX" milliseconds from BEGIN to the end of COMMIT of the batches of events (COPY) logged after line MARK.
batch_writes() { # MARK
    tail -n +"$(($1 + 1))" "$pgdir/server.log" | awk '
        function ms(clock, parts) { split(clock, parts, ":"); return ((parts[1] * 60 + parts[2]) * 60 + parts[3]) * 1000 }
        / statement: BEGIN$/ { begun[$4] = ms($2); next }
        / statement: COPY engagement_events/ { copying[$4] = 1; next }
        / statement: COMMIT$/ && copying[$4] { took[++n] = ms($2) - begun[$4]; delete copying[$4] }
        END {
            if (n == 0) { print "- -"; exit }
            for (i = 2; i <= n; i++) for (j = i; j > 1 && took[j - 1] > took[j]; j--) { t = took[j]; took[j] = took[j - 1]; took[j - 1] = t }
            printf "%.0f %.0f\n", took[int((n + 1) / 2)], took[n]
        }'
}

wait_for_port() {
    for _ in $(seq 100); do
        [ "$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/healthz")" = 200 ] && return 0
        sleep 0.1
    done
    echo "nothing answers on port $1" >&2
    return 1
}
expect_status() { # PORT PATH STATUS
    local got
    got=$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1$2")
    [ "$got" = "$3" ] || { echo "port $1: $2 answered $got, not $3" >&2; return 1; }
}
# wrk on PORT for SECONDS with the click paths; its RESULT line goes to FILE (clicks.lua of the HTTP candidates).
# With PAUSE_MS, each connection pauses that long before each request (a steady rate below the machine's limit).
run_wrk() { # PORT SECONDS FILE [PAUSE_MS]
    local script=("$candidates/clicks.lua") pause=()
    [ -z "${4:-}" ] || { script=("$root/bench/serve-paced-clicks.lua"); pause=("$4"); }
    /usr/bin/time -f '%U %S' -o "$3.time" wrk -t2 -c"$connections" -d"$2s" -s "${script[@]}" \
        "http://127.0.0.1:$1" -- "$work/paths.txt" "${pause[@]}" >"$3"
}
result() { sed -n "s/.*[ ]$2=\([0-9]*\).*/\1/p" "$1"; } # FILE FIELD: from wrk's RESULT line
wrk_cpu() { awk '{ printf "%.2f", $1 + $2 }' "$1.time"; }

# herald serve with --flush-ms MS, answering once this returns; its check request (one click) is written.
start_serve() { # NAME FLUSH_MS
    "$herald" serve --profile bench --listen "127.0.0.1:$serve_port" --threads "$threads" --flush-ms "$2" \
        >"$work/$1.log" 2>&1 &
    server_pid=$!
    wait_for_port "$serve_port"
    expect_status "$serve_port" "$(head -1 "$work/paths.txt")" 302
    sleep 0.5
}
# Stops herald serve with SIGNAL and waits for it; sets serve_status to its exit status.
stop_serve() { # SIGNAL
    serve_status=0
    kill "-$1" "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || serve_status=$?
    server_pid=
}

# --- 1. rate ---------------------------------------------------------------------------------------------------
mkdir -p "$work/nginx"
sed "s|@PORT@|$nginx_port|; s|@DIR@|$work/nginx|g" "$candidates/nginx.conf.in" >"$work/nginx/nginx.conf"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
server_pid=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$nginx_port/" && break; sleep 0.1; done
expect_status "$nginx_port" "$(head -1 "$work/paths.txt")" 302
echo "== nginx (static 302, 2 workers): wrk -t2 -c$connections -d${duration}s (load $(load))"
before=$(cpu_of "$server_pid")
run_wrk "$nginx_port" "$duration" "$work/nginx.wrk"
nginx_cpu=$(calc "print $(cpu_of "$server_pid") - $before")
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
nginx_load=$(load)
sleep 2 # the closed connections settle

echo "== herald serve --threads $threads: wrk -t2 -c$connections -d${duration}s (load $(load))"
start_serve serve 100
events_before=$(events)
before=$(cpu_of "$server_pid"); pg_before=$(pg_cpu); mark=$(log_mark)
run_wrk "$serve_port" "$duration" "$work/serve.wrk"
read -r serve_write_median serve_write_max <<<"$(batch_writes "$mark")"
serve_cpu=$(calc "print $(cpu_of "$server_pid") - $before"); serve_pg_cpu=$(calc "print $(pg_cpu) - $pg_before")
serve_load=$(load)
stop_serve TERM
serve_events=$(( $(events) - events_before ))
[ "$serve_status" = 0 ] || { echo "herald serve exited with $serve_status:" >&2; tail -5 "$work/serve.log" >&2; }
tail -1 "$work/serve.log"

nginx_done=$(result "$work/nginx.wrk" requests); serve_done=$(result "$work/serve.wrk" requests)
rate() { calc "printf \"%.0f\", $(result "$1" requests) / ($(result "$1" duration_us) / 1e6)"; }
p99() { calc "printf \"%.2f\", $(result "$1" p99_us) / 1000"; }
errors() { echo $(( $(result "$1" errors) + $(result "$1" status_errors) )); }
per_request() { calc "printf \"%.1f\", $1 * 1e6 / $2"; } # CPU_SECONDS REQUESTS -> µs
nginx_rate=$(rate "$work/nginx.wrk"); serve_rate=$(rate "$work/serve.wrk")
ratio=$(calc "printf \"%.2f\", $serve_rate / $nginx_rate")
nginx_us=$(per_request "$nginx_cpu" "$nginx_done"); nginx_wrk_us=$(per_request "$(wrk_cpu "$work/nginx.wrk")" "$nginx_done")
serve_us=$(per_request "$serve_cpu" "$serve_done"); serve_pg_us=$(per_request "$serve_pg_cpu" "$serve_done")
serve_wrk_us=$(per_request "$(wrk_cpu "$work/serve.wrk")" "$serve_done")
# The ratio the CPU time alone predicts when the servers, PostgreSQL and wrk have the cores to themselves: rate =
# cores / CPU per request of everything that takes part. Steadier than the rate when other work shares the machine.
by_cpu=$(calc "printf \"%.2f\", ($nginx_us + $nginx_wrk_us) / ($serve_us + $serve_pg_us + $serve_wrk_us)")

# --- 2. kill -TERM under load ----------------------------------------------------------------------------------
# wrk runs for SECONDS; the signal comes AFTER seconds in. Sets killed_done (replies), killed_events, killed_rate
# (replies per second until the signal), killed_status.
kill_under_load() { # NAME SIGNAL FLUSH_MS AFTER SECONDS [PAUSE_MS]
    start_serve "$1" "$3"
    local before start stopped mark
    before=$(events)
    mark=$(log_mark)
    start=$(date +%s.%N)
    run_wrk "$serve_port" "$5" "$work/$1.wrk" "${6:-}" &
    wrk_pid=$!
    sleep "$4"
    stopped=$(date +%s.%N)
    stop_serve "$2"
    killed_status=$serve_status
    wait "$wrk_pid" || true
    wrk_pid=
    sleep 1 # the killed server's backend has rolled back its open transaction
    read -r killed_write_median killed_write_max <<<"$(batch_writes "$mark")"
    local replayed=0
    if [ "$2" = KILL ]; then
        # What the killed server spooled is written by the next one on the same spool (its check click is one more).
        start_serve "$1-restart" "$3"
        stop_serve TERM
        replayed=1
    fi
    killed_done=$(result "$work/$1.wrk" requests)
    killed_events=$(( $(events) - before - replayed ))
    killed_rate=$(calc "printf \"%.0f\", $killed_done / ($stopped - $start)")
    sleep 1
}

echo "== kill -TERM after 5 s of a 10 s wrk run (load $(load))"
kill_under_load term TERM 100 5 10
term_done=$killed_done; term_events=$killed_events; term_lost=$((killed_done - killed_events))
term_status=$killed_status
echo "   replies $term_done, events $term_events, lost $term_lost; herald serve exited with $term_status: $(tail -1 "$work/term.log")"

# --- 3. kill -9 under load -------------------------------------------------------------------------------------
declare -A worst_ms=()
kill_table=$work/kill.txt
: >"$kill_table"
# At full load (the machine's cores all busy), then at a steady --kill-pace requests a second (cores to spare).
pause_ms=$(calc "printf \"%.0f\", $connections * 1000 / $kill_pace")
for pace in full steady; do
  for flush in 100 250; do
    worst_ms[$pace-$flush]=0
    for round in $(seq "$kill_rounds"); do
        after=$(calc "printf \"%.2f\", 4 + $RANDOM / 32768") # a moment anywhere in the flush cycle
        echo "== kill -9 after $after s, --flush-ms $flush, $pace load, round $round (load $(load))"
        paused=
        [ "$pace" = full ] || paused=$pause_ms
        kill_under_load "kill-$pace-$flush-$round" KILL "$flush" "$after" 7 "$paused"
        lost=$((killed_done - killed_events))
        lost_ms=$(calc "printf \"%.0f\", $lost / $killed_rate * 1000")
        echo "   replies $killed_done at $killed_rate req/s, events $killed_events, lost $lost = $lost_ms ms of traffic;" \
            "batch writes $killed_write_median ms (median), $killed_write_max ms (longest)"
        echo "$pace $flush $round $killed_done $killed_events $lost $killed_rate $lost_ms $killed_write_median" \
            "$killed_write_max" >>"$kill_table"
        if [ "$lost_ms" -gt "${worst_ms[$pace-$flush]}" ]; then worst_ms[$pace-$flush]=$lost_ms; fi
    done
  done
done

# --- Summary ---------------------------------------------------------------------------------------------------
verdict() { if [ "$1" = 1 ]; then echo PASS; else echo MISS; fi; }
echo
echo "== Summary (wrk -t2 -c$connections -d${duration}s; herald serve --threads $threads, nginx 2 workers; $(nproc) cores shared by wrk, the server and PostgreSQL)"
printf '%-13s %8s %7s %7s %7s %7s %11s %8s %8s %10s %10s  %s\n' "" req/s ratio "by CPU" "p99 ms" "errors" \
    "server CPU" "PG CPU" "wrk CPU" "events" "wrk done" "load"
printf '%-13s %8s %7s %7s %7s %7s %11s %8s %8s %10s %10s\n' "" "" "" "" "" "" "us/req" "us/req" "us/req" "" ""
printf '%-13s %8s %7s %7s %7s %7s %11s %8s %8s %10s %10s  %s\n' nginx "$nginx_rate" 1.00 1.00 "$(p99 "$work/nginx.wrk")" \
    "$(errors "$work/nginx.wrk")" "$nginx_us" - "$nginx_wrk_us" - "$nginx_done" "$nginx_load"
printf '%-13s %8s %7s %7s %7s %7s %11s %8s %8s %10s %10s  %s\n' "herald serve" "$serve_rate" "$ratio" "$by_cpu" \
    "$(p99 "$work/serve.wrk")" "$(errors "$work/serve.wrk")" "$serve_us" "$serve_pg_us" "$serve_wrk_us" \
    "$serve_events" "$serve_done" "$serve_load"
echo "(events can exceed wrk's count by the requests in flight when wrk stopped: answered, but not counted by wrk)"
echo "Writing one batch of events (--flush-ms 100) under this load: $serve_write_median ms median, $serve_write_max ms longest"
echo
echo "kill -9 under load (lost = replies wrk received - events in the database; ms = lost / rate):"
printf '  %-7s %-9s %5s %9s %9s %6s %7s %8s %13s %13s\n' load flush-ms round replies events lost req/s "lost ms" \
    "write median" "write longest"
while read -r pace flush round replies written lost rate ms median longest; do
    printf '  %-7s %-9s %5s %9s %9s %6s %7s %8s %13s %13s\n' "$pace" "$flush" "$round" "$replies" "$written" "$lost" \
        "$rate" "$ms" "$median" "$longest"
done <"$kill_table"
echo "(write: ms from BEGIN to the end of COMMIT of one batch, from PostgreSQL's log. Every event goes to the spool"
echo " file first, every 20 ms; a kill -9 loses what the spool had not yet written, whatever PostgreSQL was doing,"
echo " and the restarted herald serve writes the rest from the spool.)"
echo
printf 'Goal: rate >= 0.5 of nginx:                       %s (%s; %s predicted by CPU time)\n' \
    "$(verdict "$(calc "print ($ratio >= 0.5)")")" "$ratio" "$by_cpu"
printf 'Goal: every completed request recorded:           %s (%s events for %s replies)\n' \
    "$(verdict $((serve_events >= serve_done)))" "$serve_events" "$serve_done"
printf 'Goal: kill -TERM loses nothing:                   %s (lost %s of %s replies; exit status %s)\n' \
    "$(verdict $((term_lost <= 0 && term_status == 0)))" "$term_lost" "$term_done" "$term_status"
for pace in full steady; do
    for flush in 100 250; do
        printf 'Goal: kill -9 loses <= 250 ms (%-6s load, --flush-ms %s): %s (worst of %s: %s ms of traffic)\n' "$pace" \
            "$flush" "$(verdict $((worst_ms[$pace-$flush] <= 250)))" "$kill_rounds" "${worst_ms[$pace-$flush]}"
    done
done
