#!/usr/bin/env bash
# Captures the host overview from the real app under Xvfb (issue 12): host-overview-<theme>.png on the 64-CPU,
# 2-node test-driver fixture, or on another URI. Needs xvfb, imagemagick (import) and xdotool.
# Usage: docs/screenshots/capture-overview.sh light|dark [URI] [NAME]   (from the repository root after
#        mvn -o -q -pl app -am package -DskipTests). DISPLAY_NUMBER picks the Xvfb display (default: any free).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
theme="$1"
uri="${2:-test://$here/app/src/test/resources/fixtures/pin-64-node.xml}"
name="${3:-host-overview-$theme.png}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config"
cat > "$work/config/connections.json" <<JSON
{"version":1,"connections":[{"uri":"$uri","label":"Overview host","autoconnect":true}]}
JSON
cat > "$work/config/ui.json" <<JSON
{"theme":"$theme","x":0.0,"y":0.0,"width":1600.0,"height":1000.0,"maximized":false,"treeDivider":0.16,"hiddenColumns":[]}
JSON
export work here name
display=()
[ -n "${DISPLAY_NUMBER:-}" ] && display=(-n "$DISPLAY_NUMBER")
xvfb-run -a "${display[@]}" -s "-screen 0 1600x1000x24" bash -s <<'INNER'
set -euo pipefail
java -Dduovirt.config.dir="$work/config" -Dduovirt.state.dir="$work/state" \
  -cp "$here/app/target/duovirt-app-0.1.0-SNAPSHOT.jar:$here/app/target/lib/*" org.duovirt.app.Main >"$work/app.log" 2>&1 &
pid=$!
sleep "${SETTLE:-20}"
xdotool key ctrl+shift+h
sleep "${OVERVIEW_WAIT:-30}"   # some host ticks for the charts
import -window root "$here/docs/screenshots/$name"
echo "captured docs/screenshots/$name"
kill "$pid"
INNER
