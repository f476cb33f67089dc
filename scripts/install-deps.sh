#!/bin/bash
# Installs the Debian 12 packages Herald needs to build, run and test, if any are missing.
set -euo pipefail

PACKAGES=(
  # build
  cmake ninja-build g++ pkg-config dpkg-dev
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-psql libqt6sql6-sqlite libpq-dev libsqlite3-dev libcurl4-openssl-dev
  libkainjow-mustache-dev libgumbo-dev libopendkim-dev libssl-dev qtkeychain-qt6-dev libmicrohttpd-dev
  libhunspell-dev hunspell-en-us hunspell-es hunspell-fr
  # run and test: PostgreSQL server, SMTP test peers (postfix is only for smtp-sink/smtp-source; it is not started)
  postgresql-15 postgresql-client-15 python3-aiosmtpd postfix xvfb xauth openssl ca-certificates
  # package checks (scripts/test-package.sh)
  desktop-file-utils appstream
  # promtool: checks the shipped Prometheus alert rules and scrape configuration (resources/monitoring)
  prometheus
  # DKIM verifier and loopback DNS server for the deliverability tests
  python3-dkim python3-nacl python3-dnspython  # python3-nacl: python3-dkim checks ed25519-sha256 (RFC 8463) with it
  # bounce and complaint intake tests: a real IMAP server on loopback (started by the test, not as a service)
  dovecot-imapd
)

missing=()
for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
echo "Installing: ${missing[*]}"
$SUDO apt-get update -q
echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
