#!/bin/bash
# Installs what is missing, builds, and runs every test: once on SQLite and once on a throwaway
# PostgreSQL 15 cluster that CTest starts and stops itself (fixture "postgres"); this script stops it
# as well if anything leaves it running.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
port=${HERALD_PG_PORT:-55432}
pgdir=/tmp/herald-pg-$port

"$root/scripts/install-deps.sh"
werror=OFF
[ "${CI:-}" = true ] && werror=ON
BUILD_DIR=$build "$root/scripts/build.sh" -DHERALD_WERROR=$werror -DHERALD_PG_PORT="$port" -DHERALD_PG_DIR="$pgdir"

cleanup() { "$root/tests/support/pg_cluster.sh" stop "$pgdir" "$port" >/dev/null 2>&1 || true; }
trap cleanup EXIT INT TERM

cd "$build"
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
ctest --output-on-failure --timeout 600 -j "$(nproc)" "$@"
