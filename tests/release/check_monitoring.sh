#!/bin/bash
# The monitoring files Herald ships (resources/monitoring): the alert rules pass `promtool check rules` and their unit
# tests (`promtool test rules`), the example scrape configuration `promtool check config`, the Grafana dashboard is
# JSON, and every herald_* metric family the rules and the dashboard use is one the real herald prints
# (`herald stats --prometheus` on a fresh embedded database): renaming a metric cannot silently blind an alert.
# Usage: check_monitoring.sh HERALD_EXECUTABLE
set -euo pipefail
herald=$(realpath "$1")
dir=$(cd "$(dirname "$0")/../../resources/monitoring" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$dir"
promtool check rules herald-alerts.yml
promtool test rules herald-alerts.test.yml
cp herald-alerts.yml prometheus.yml "$work/" # check config reads the rule files beside it
promtool check config "$work/prometheus.yml"
python3 -m json.tool grafana-dashboard.json >/dev/null

XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 \
    "$herald" stats --prometheus >"$work/metrics.txt"
printed=$(sed -n 's/^# TYPE \(herald_[a-z_]*\) .*/\1/p' "$work/metrics.txt" | sort -u)
[ -n "$printed" ] || { echo "herald stats --prometheus printed no herald_ family"; exit 1; }
used=$( { grep -ho 'herald_[a-z_]*' herald-alerts.yml; python3 -c '
import json, sys
for panel in json.load(open("grafana-dashboard.json"))["panels"]:
    for target in panel["targets"]:
        print(target["expr"])' | grep -o 'herald_[a-z_]*'; } | grep -v '^herald_\(worker\|serve\)$' | sort -u)
missing=$(comm -23 <(echo "$used") <(echo "$printed"))
if [ -n "$missing" ]; then
    echo "used by the rules or the dashboard but not printed by herald: $missing"
    exit 1
fi
echo "monitoring files check: $(echo "$used" | wc -l) metric families used, all printed by herald"
