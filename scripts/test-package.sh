#!/bin/bash
# Installs Herald's .deb on this machine with apt-get, checks the installed program, desktop entry, metainfo,
# icons and man page, and removes the package again, also when a check fails. Needs root (or sudo).
#   scripts/test-package.sh [herald_VERSION_ARCH.deb]   default: cpack builds one from BUILD_DIR (default build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
apt_get() { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=600 "$@"; }

scratch=$(mktemp -d)
chmod 755 "$scratch" # apt's sandbox user reads the .deb from here
installed=false
cleanup() {
    if $installed; then
        echo "== removing the package"
        apt_get purge herald >/dev/null || echo "could not remove herald: run 'apt-get purge herald'" >&2
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT INT TERM
fail() { echo "FAIL: $*" >&2; exit 1; }

if [ $# -ge 1 ]; then
    deb=$(realpath "$1")
else
    echo "== cpack -G DEB in $build"
    cpack --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/packages" >"$scratch/cpack.log" 2>&1 \
        || { cat "$scratch/cpack.log"; fail "cpack could not build the package"; }
    deb=$(ls "$scratch"/packages/herald_*.deb)
fi
echo "== $(basename "$deb"): $(du -k "$deb" | cut -f1) KiB, installed size $(dpkg-deb -f "$deb" Installed-Size) KiB"
echo "Depends: $(dpkg-deb -f "$deb" Depends)"
echo "Recommends: $(dpkg-deb -f "$deb" Recommends)"
dpkg-deb -f "$deb" Depends | grep -q libqt6sql6-sqlite || fail "Depends lacks the SQLite driver"
dpkg-deb -f "$deb" Depends | grep -q libqt6widgets6 || fail "Depends was not computed from the libraries (shlibdeps)"

if dpkg-query -W -f='${Status}' herald 2>/dev/null | grep -q "install ok installed"; then
    fail "a herald package is installed already; remove it first (apt-get purge herald)"
fi
cp "$deb" "$scratch/"
echo "== apt-get install ./$(basename "$deb")"
installed=true
(cd "$scratch" && apt_get install "./$(basename "$deb")" >"$scratch/apt.log" 2>&1) \
    || { cat "$scratch/apt.log"; fail "apt-get could not install the package"; }

echo "== the installed program"
[ -x /usr/bin/herald ] || fail "/usr/bin/herald is missing"
version=$(/usr/bin/herald --version)
echo "$version"
[[ "$version" == *"$(dpkg-deb -f "$deb" Version)"* ]] || fail "herald --version does not print the package's version"

# Headless commands on the embedded database of a fresh user: import, export, db status.
home=$scratch/home
mkdir -p "$home"
run_herald() { env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 /usr/bin/herald "$@"; }
run_herald import nonprofits "$root/tests/data/nonprofits-semicolon-bom.csv" || fail "herald import failed"
run_herald export nonprofits "$scratch/out.csv" --sort name || fail "herald export failed"
cat "$scratch/out.csv"
rows=$(($(wc -l <"$scratch/out.csv") - 1))
[ "$rows" = 2 ] || fail "export wrote $rows rows, expected the 2 imported"
grep -q "École Sans Frontières" "$scratch/out.csv" || fail "export lost the accented name"
run_herald db status || fail "herald db status failed"

# The window starts with the installed Qt plugins (xcb under Xvfb) and keeps running.
if command -v xvfb-run >/dev/null; then
    echo "== the window under Xvfb"
    env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 xvfb-run -a -s "-screen 0 1280x1024x24" \
        sh -c '/usr/bin/herald >"$1" 2>&1 & pid=$!; sleep 4; kill -0 $pid && kill $pid' sh "$scratch/gui.log" \
        || { cat "$scratch/gui.log"; fail "the window did not stay open"; }
    echo "the window ran 4 s"
fi

echo "== desktop entry, metainfo, icons, man page"
desktop-file-validate /usr/share/applications/org.heraldmail.Herald.desktop || fail "desktop-file-validate"
appstreamcli validate --no-net /usr/share/metainfo/org.heraldmail.Herald.metainfo.xml || fail "appstreamcli validate"
for size in 16x16 24x24 32x32 48x48 64x64 128x128 256x256 scalable; do
    ls /usr/share/icons/hicolor/$size/apps/org.heraldmail.Herald.* >/dev/null || fail "no $size icon"
done
man_page=$(ls /usr/share/man/man1/herald.1*) || fail "no man page"
man_text=$(zcat -f "$man_page")
commands=$(run_herald --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF {print $1}')
[ -n "$commands" ] || fail "herald --help lists no commands"
for command in $commands; do
    grep -q "^\.SS \"$command" <<<"$man_text" || fail "the man page does not document 'herald $command'"
done
echo "man page documents: $(echo $commands)"

echo "== translations"
spanish=$(env -i HOME="$home" PATH=/usr/bin:/bin LANG=es_ES.UTF-8 /usr/bin/herald --help)
grep -q '^Órdenes:' <<<"$spanish" || fail "herald --help is not in Spanish under LANG=es_ES.UTF-8"
french=$(env -i HOME="$home" PATH=/usr/bin:/bin LANG=fr_FR.UTF-8 /usr/bin/herald --help)
grep -q '^Commandes :' <<<"$french" || fail "herald --help is not in French under LANG=fr_FR.UTF-8"
echo "herald --help speaks Spanish and French"
echo "PASS"
