#!/bin/bash
# Builds the HTTP server prototypes, then loads nginx (a static 302, the yardstick) and each prototype in turn with
# wrk on the click path, and prints one table. Not part of Herald's build: needs the libraries named in README.md.
#
#   bench/http-candidates/run.sh [-d SECONDS] [-r ROUNDS] [-c CONNECTIONS] [-t SERVER_THREADS] [CANDIDATE...]
#
# CANDIDATE is any of: qt h2o libevent mhd beast (default: all). Each round loads nginx, then every candidate;
# with several rounds the table shows each column's median (the machine is shared). Only 127.0.0.1 is loaded.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
duration=30
rounds=1
connections=64
server_threads=2
while getopts "d:r:c:t:" option; do
    case $option in
    d) duration=$OPTARG ;;
    r) rounds=$OPTARG ;;
    c) connections=$OPTARG ;;
    t) server_threads=$OPTARG ;;
    *) sed -n '4,7p' "$0" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
candidates=("$@")
[ ${#candidates[@]} -gt 0 ] || candidates=(qt h2o libevent mhd beast)

work=$(mktemp -d /tmp/herald-httpbench.XXXXXX)
server_pid=
cleanup() {
    [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

declare -A port=([nginx]=18080 [qt]=18081 [h2o]=18082 [libevent]=18083 [mhd]=18084 [beast]=18085)
declare -A packages=([qt]="Qt6HttpServer Qt6Core" [h2o]="libh2o-evloop" [libevent]="libevent" [mhd]="libmicrohttpd"
    [beast]="")

build() { # NAME SOURCE PKG-CONFIG-MODULES...
    local name=$1 source=$2
    shift 2
    # shellcheck disable=SC2046
    g++ -std=c++17 -O2 -DNDEBUG -Wall -Wextra -fPIC -o "$work/$name" "$here/$source" \
        $(pkg-config --cflags --libs "$@" libcrypto) -lpthread
}

echo "building in $work ..." >&2
build mint_tokens mint_tokens.cpp
build hot_path_cost hot_path_cost.cpp
for candidate in "${candidates[@]}"; do
    # shellcheck disable=SC2086
    build "$candidate" "${candidate}_server.cpp" ${packages[$candidate]}
done
"$work/mint_tokens" 400 >"$work/paths.txt"

wait_for_port() {
    for _ in $(seq 50); do
        [ "$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/healthz")" != 000 ] && return 0
        sleep 0.1
    done
    echo "nothing answers on port $1" >&2
    return 1
}

# CPU seconds (user + system) used so far by a process and its children (nginx's workers).
cpu_seconds() {
    local ticks=0 pid
    for pid in "$1" $(pgrep -P "$1" || true); do
        ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
    done
    awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz}'
}

expect_status() { # PORT PATH STATUS
    local got
    got=$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1$2")
    [ "$got" = "$3" ] || { echo "port $1: $2 answered $got, not $3" >&2; return 1; }
}

results="$work/results.txt"
: >"$results"

# Loads the server already started as $server_pid on PORT; appends to $results
# "NAME rps p99_ms errors server_cpu_us_per_request events requests wrk_cpu_us_per_request".
measure() { # NAME PORT COUNT_FILE
    local name=$1 port=$2 count_file=$3 before=- after=- cpu_before cpu_after line
    wait_for_port "$port"
    expect_status "$port" "$(head -1 "$work/paths.txt")" 302
    if [ -n "$count_file" ]; then
        expect_status "$port" "/c/YzEuMS4xLjE.AAAAAAAAAAAAAAAAAAAAAA" 404
        sleep 0.6 # the writer thread has counted the check's event
        before=$(cat "$count_file")
    fi
    cpu_before=$(cpu_seconds "$server_pid")
    echo "loading $name for ${duration}s ..." >&2
    /usr/bin/time -f '%U %S' -o "$work/$name.time" \
        wrk -t2 -c"$connections" -d"${duration}s" -s "$here/clicks.lua" "http://127.0.0.1:$port" -- "$work/paths.txt" \
        >"$work/$name.wrk"
    cpu_after=$(cpu_seconds "$server_pid")
    if [ -n "$count_file" ]; then
        sleep 0.6
        after=$(cat "$count_file")
    fi
    line=$(grep '^RESULT' "$work/$name.wrk")
    awk -v name="$name" -v line="$line" -v before="$before" -v after="$after" -v cpu="$cpu_before $cpu_after" \
        -v wrk_cpu="$(cat "$work/$name.time")" '
        BEGIN {
            n = split(line, fields, /[ =]/)
            for (i = 2; i < n; i += 2) r[fields[i]] = fields[i + 1]
            split(cpu, c, " ")
            split(wrk_cpu, w, " ")
            events = before == "-" ? "-" : after - before
            printf "%s %.0f %.2f %d %.1f %s %d %.1f\n", name, r["requests"] / (r["duration_us"] / 1e6),
                r["p99_us"] / 1000, r["errors"] + r["status_errors"], (c[2] - c[1]) * 1e6 / r["requests"], events,
                r["requests"], (w[1] + w[2]) * 1e6 / r["requests"]
        }' >>"$results"
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
    server_pid=
    sleep 2 # let the closed connections settle before the next server
}

for round in $(seq "$rounds"); do
    # nginx: foreground, its own prefix, pid and logs, access log off.
    mkdir -p "$work/nginx"
    sed "s|@PORT@|${port[nginx]}|; s|@DIR@|$work/nginx|g" "$here/nginx.conf.in" >"$work/nginx/nginx.conf"
    nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
    server_pid=$!
    measure nginx "${port[nginx]}" ""

    for candidate in "${candidates[@]}"; do
        "$work/$candidate" "${port[$candidate]}" "$server_threads" "$work/$candidate.events" &
        server_pid=$!
        measure "$candidate" "${port[$candidate]}" "$work/$candidate.events"
    done
    echo "round $round:" >&2
    tail -n $((${#candidates[@]} + 1)) "$results" >&2
done

echo
echo "wrk -t2 -c$connections -d${duration}s, $rounds round(s): medians, but errors, events and wrk done are sums; server threads: $server_threads;" \
    "$(nproc) cores shared with wrk"
echo "the click path alone (token, look-up, event; no HTTP): $("$work/hot_path_cost" "$work/paths.txt") CPU us/req"
awk '
    function median(list,    values, n, i, j, v) {
        n = split(list, values, " ")
        for (i = 2; i <= n; i++) {
            v = values[i] + 0
            for (j = i - 1; j >= 1 && values[j] + 0 > v; j--) values[j + 1] = values[j]
            values[j + 1] = v
        }
        return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
    }
    !($1 in seen) { seen[$1] = 1; order[++servers] = $1 }
    { for (c = 2; c <= 8; c++) column[$1, c] = column[$1, c] " " $c; for (c = 4; c <= 7; c++) total[$1, c] += $c }
    # "by CPU": the ratio to nginx that the CPU spent per request predicts when server and wrk have the cores to
    # themselves: rate = cores / (server + wrk CPU per request). Steadier than the rate when the machine is shared.
    function cpuPerRequest(name) { return median(column[name, 5]) + median(column[name, 8]) }
    END {
        fmt = "%-9s %7s %9s %7s %7s %7s %10s %10s %9s %9s\n"
        printf fmt, "server", "req/s", "vs nginx", "by CPU", "p99 ms", "errors", "server CPU", "wrk CPU", "events",
            "wrk done"
        printf fmt, "", "", "", "", "", "", "us/req", "us/req", "", ""
        nginx = median(column["nginx", 2])
        for (s = 1; s <= servers; s++) {
            name = order[s]
            rps = median(column[name, 2])
            events = column[name, 6] ~ /-/ ? "-" : total[name, 6]
            printf fmt, name, sprintf("%.0f", rps), sprintf("%.2f", rps / nginx),
                sprintf("%.2f", cpuPerRequest("nginx") / cpuPerRequest(name)), median(column[name, 3]),
                total[name, 4], median(column[name, 5]), median(column[name, 8]), events, total[name, 7]
        }
    }
' "$results"
