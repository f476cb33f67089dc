#!/bin/bash
# Builds Herald in Release and makes its packages with CPack: herald_VERSION_ARCH.deb here (Debian/Ubuntu),
# an NSIS installer on Windows, a DragNDrop .dmg on macOS (see README). Packages land in BUILD_DIR/packages.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-release}
"$root/scripts/install-deps.sh"
BUILD_DIR=$build BUILD_TYPE=Release "$root/scripts/build.sh" -DHERALD_BUILD_TESTS=OFF -DHERALD_BUILD_BENCH=OFF "$@"
cpack --config "$build/CPackConfig.cmake" -B "$build/packages"
ls -l "$build"/packages/*.deb 2>/dev/null || ls -l "$build/packages"
