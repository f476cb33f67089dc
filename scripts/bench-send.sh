#!/bin/bash
# Sending speed: Herald sends N personalised messages of about 5 KB to Postfix's smtp-sink on loopback, with
# its queue in a throwaway PostgreSQL cluster (fsync on), timed from queueing to every row recorded as sent;
# then Postfix's smtp-source sends as many messages of the same size with the same number of sessions to
# the same sink. Prints both rates and the ratio. With --rss, the real `herald worker` sends a campaign of
# 1,000,000 recipients instead and its peak resident memory is printed. With --dkim, Herald's sending threads
# DKIM-sign every message (keys made for the run: RSA-2048, Ed25519, or both); smtp-source sends unsigned
# messages as long as the signed ones (goal for rsa2048: >= 0.6 of smtp-source, about what the CPU of the RSA
# signature alone allows on two cores).
# Prints figures; never a pass/fail test. Both ends share this machine's cores: the load average is
# printed with every figure.
# Usage: scripts/bench-send.sh [--rss] [--recipients N] [--concurrency C] [--threads T] [--dkim rsa2048|ed25519|both]
#                              [--build DIR]
#        defaults: N = 50000 (1000000 with --rss), C = 4 connections (smtp-source sessions), T = Herald's
#        default sending threads, DIR = build. About a minute; --rss about 10.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build
rss=0
recipients=
concurrency=4
threads=0
dkim=none
while [ $# -gt 0 ]; do
    case "$1" in
    --rss) rss=1 ;;
    --recipients) recipients=$2; shift ;;
    --concurrency) concurrency=$2; shift ;;
    --threads) threads=$2; shift ;;
    --dkim) dkim=$2; shift
        case "$dkim" in rsa2048|ed25519|both) ;; *) echo "--dkim takes rsa2048, ed25519 or both" >&2; exit 2 ;; esac ;;
    --build) build=$2; shift ;;
    *) echo "usage: $0 [--rss] [--recipients N] [--concurrency C] [--threads T] [--dkim rsa2048|ed25519|both] [--build DIR]" >&2
       exit 2 ;;
    esac
    shift
done
[ -n "$recipients" ] || recipients=$([ $rss = 1 ] && echo 1000000 || echo 50000)
build=$(cd "$build" && pwd)
port=${HERALD_BENCH_PG_PORT:-55434}
sink_port=${HERALD_BENCH_SINK_PORT:-2526}
bench=$build/bin/herald-bench-send
herald=$build/bin/herald
cluster=$root/tests/support/pg_cluster.sh
pgdir=/tmp/herald-bench-pg-$port
needed=("$bench" /usr/sbin/smtp-sink /usr/sbin/smtp-source /usr/bin/time)
[ $rss = 1 ] && needed+=("$herald") # only --rss runs the real `herald worker`
for program in "${needed[@]}"; do
    [ -x "$program" ] || { echo "missing $program (cmake --build $build --target herald herald-bench-send;" \
        "postfix and time are Debian packages)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/herald-bench-send.XXXXXX)
chmod 755 "$work"
sink_pid=
cleanup() {
    [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null || true
    "$cluster" stop "$pgdir" "$port" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
figure() { sed -n "s/^figure $1 //p" "$2" | tail -1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# smtp-sink -c rewrites one counter line ("sess=4 quit=4 mesg=50000") after each message.
# CPU seconds so far: of PostgreSQL (the postmaster, with the backends that ended, and those running), of the sink.
tick=$(getconf CLK_TCK)
pg_cpu() {
    local postmaster; postmaster=$(head -1 "$pgdir/data/postmaster.pid")
    { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat"
      for child in $(pgrep -P "$postmaster"); do awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || true; done
    } | awk -v t="$tick" '{ s += $1 } END { printf "%.2f", s / t }'
}
sink_cpu() { awk -v t="$tick" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$sink_pid/stat"; }
# Microseconds of CPU per message from two CPU-second readings.
per_message() { awk -v a="$1" -v b="$2" -v n="$recipients" 'BEGIN { printf "%.0f", (b - a) * 1e6 / n }'; }
sink_messages() { tr '\r' '\n' <"$work/sink.log" | sed -n 's/.*mesg=\([0-9]*\).*/\1/p' | tail -1; }

echo "== PostgreSQL 15 on 127.0.0.1:$port, fsync on"
HERALD_PG_FSYNC=on "$cluster" start "$pgdir" "$port"
psql=(psql -X -q -At -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1)
"${psql[@]}" -d postgres -c "CREATE DATABASE bench"
pg=127.0.0.1:$port/bench

echo "== smtp-sink on 127.0.0.1:$sink_port"
[ "$(id -u)" = 0 ] && as_user=(-u postfix) || as_user=()
/usr/sbin/smtp-sink -c "${as_user[@]}" "127.0.0.1:$sink_port" 1000 >"$work/sink.log" 2>&1 &
sink_pid=$!
sleep 0.3
kill -0 "$sink_pid" 2>/dev/null || { echo "smtp-sink did not start: $(cat "$work/sink.log")" >&2; exit 1; }

echo "== $recipients nonprofits, a campaign of about 5 KB per message, a provider without rate limit"
queue=()
[ $rss = 1 ] && queue=(--queue)
"$bench" prepare --pg "$pg" --recipients "$recipients" --sink-port "$sink_port" --concurrency "$concurrency" "${queue[@]}" 2>/dev/null | tee "$work/prepare.txt" \
    | grep -v '^figure'
bytes=$(figure message.bytes "$work/prepare.txt" | cut -d. -f1)
# smtp-source sends as many bytes as Herald's signed messages: each DKIM-Signature header adds about this much.
case "$dkim" in rsa2048) bytes=$((bytes + 690)) ;; ed25519) bytes=$((bytes + 435)) ;; both) bytes=$((bytes + 1125)) ;; esac
"${psql[@]}" -d bench -c "CHECKPOINT" -c "VACUUM ANALYZE"

if [ $rss = 1 ]; then
    worker_threads=()
    [ "$threads" -gt 0 ] && worker_threads=(--concurrency "$threads")
    echo "== herald worker ${worker_threads[*]} --exit-when-idle on $recipients queued messages, $concurrency connections (load $(load))"
    export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
    unset DBUS_SESSION_BUS_ADDRESS DISPLAY
    "$herald" profile add bench --host 127.0.0.1 --port "$port" --database bench --user postgres --sslmode disable >/dev/null
    "$herald" profile use bench >/dev/null
    start=$(date +%s.%N)
    /usr/bin/time -v -o "$work/time.txt" "$herald" worker --profile bench "${worker_threads[@]}" --exit-when-idle \
        >"$work/worker.txt" 2>&1 || { cat "$work/worker.txt" >&2; exit 1; }
    seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    sent=$("${psql[@]}" -d bench -c "SELECT count(*) FROM sends WHERE status = 'sent'")
    peak_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    tail -1 "$work/worker.txt"
    echo
    echo "== Summary (load at the end $(load))"
    printf 'herald worker: %s of %s messages sent in %s s (%s msgs/s, process start to exit), received by the sink %s\n' \
        "$sent" "$recipients" "$seconds" "$(awk -v n="$sent" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')" \
        "$(sink_messages)"
    printf 'Peak RSS of herald worker: %.1f MB (goal < 60 MB)\n' "$(awk -v k="$peak_kb" 'BEGIN { print k / 1024 }')"
    exit 0
fi

echo "== Herald: queue and send with the SendEngine, $concurrency connections, DKIM $dkim (load $(load))"
before=$(sink_messages); before=${before:-0}
pg_before=$(pg_cpu); sink_before=$(sink_cpu)
/usr/bin/time -f "%U %S" -o "$work/herald-cpu.txt" "$bench" send --pg "$pg" --concurrency "$concurrency" --threads "$threads" --dkim "$dkim" 2>"$work/send.err" \
    | tee "$work/send.txt" | grep -v '^figure' || { cat "$work/send.err" >&2; exit 1; }
herald_rate=$(figure send.end_to_end_per_second "$work/send.txt")
herald_load=$(load)
sleep 0.5 # the bench's backends end and are counted in the postmaster's children's time
herald_cpu=$(per_message 0 "$(awk '{ print $1 + $2 }' "$work/herald-cpu.txt")")
herald_pg_cpu=$(per_message "$pg_before" "$(pg_cpu)")
herald_sink_cpu=$(per_message "$sink_before" "$(sink_cpu)")
after=$(sink_messages)
echo "   the sink received $((after - before)) messages; CPU per message: Herald ${herald_cpu} µs," \
    "PostgreSQL ${herald_pg_cpu} µs, smtp-sink ${herald_sink_cpu} µs"

sleep 2
echo "== smtp-source -d -s $concurrency -m $recipients -l $bytes (load $(load))"
before=$after
sink_before=$(sink_cpu)
start=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$work/source-cpu.txt" /usr/sbin/smtp-source -d -s "$concurrency" -m "$recipients" -l "$bytes" \
    -f news@example.org -t org1@example.net "127.0.0.1:$sink_port"
seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
source_load=$(load)
sleep 0.2
source_rate=$(awk -v n="$recipients" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
source_cpu=$(per_message 0 "$(awk '{ print $1 + $2 }' "$work/source-cpu.txt")")
source_sink_cpu=$(per_message "$sink_before" "$(sink_cpu)")
echo "   $seconds s; the sink received $(( $(sink_messages) - before )) messages; CPU per message: smtp-source" \
    "${source_cpu} µs, smtp-sink ${source_sink_cpu} µs"

echo
echo "== Summary ($recipients messages of $bytes bytes, $concurrency sessions, $(nproc) cores, DKIM $dkim)"
printf 'Herald (queue -> all rows sent, PostgreSQL fsync on): %.0f msgs/s   (load %s)\n' "$herald_rate" "$herald_load"
printf 'smtp-source -d:                                       %s msgs/s   (load %s)\n' "$source_rate" "$source_load"
goal=0.50; [ "$dkim" = rsa2048 ] && goal=0.60
printf 'Ratio Herald / smtp-source: %.2f (goal >= %s); Herald end to end %.0f msgs/s (goal >= 3000 unsigned)\n' \
    "$(awk -v h="$herald_rate" -v s="$source_rate" 'BEGIN { print h / s }')" "$goal" "$herald_rate"
# What the CPU time alone allows when nothing else runs: a bound that the load average does not blur.
printf 'CPU per message: Herald %s µs + PostgreSQL %s µs + sink %s µs; smtp-source %s µs + sink %s µs\n' \
    "$herald_cpu" "$herald_pg_cpu" "$herald_sink_cpu" "$source_cpu" "$source_sink_cpu"
printf 'On %s idle cores the CPU alone would allow: Herald %s msgs/s, smtp-source %s msgs/s\n' "$(nproc)" \
    "$(awk -v c="$(nproc)" -v a="$herald_cpu" -v b="$herald_pg_cpu" -v d="$herald_sink_cpu" 'BEGIN { printf "%.0f", c * 1e6 / (a + b + d) }')" \
    "$(awk -v c="$(nproc)" -v a="$source_cpu" -v d="$source_sink_cpu" 'BEGIN { printf "%.0f", c * 1e6 / (a + d) }')"
