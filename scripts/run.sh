#!/bin/bash
# Installs what is missing, builds, and starts Herald on the embedded database ("This computer").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display found: starting Herald in a virtual X server (xvfb-run). On a desktop, run this from its terminal." >&2
    exec xvfb-run -a -s "-screen 0 1280x1024x24" "${BUILD_DIR:-$root/build}/bin/herald" "$@"
fi
exec "${BUILD_DIR:-$root/build}/bin/herald" "$@"
