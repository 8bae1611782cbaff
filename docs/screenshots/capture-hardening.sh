#!/usr/bin/env bash
# Screenshots of issue 13's visible parts, from the real app under Xvfb: a host whose VM name holds a
# carriage return, a bidi override and a line separator (shown escaped), and the connection dialog asking
# to confirm a custom URI that runs a program. Usage (after mvn -o -q -pl app -am package -DskipTests):
#   docs/screenshots/capture-hardening.sh [OUTDIR]      (default: docs/screenshots)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$here/docs/screenshots}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config"
cat > "$work/config/connections.json" <<JSON
{"version":1,"connections":[
 {"uri":"test://$here/app/src/test/resources/fixtures/hostile-names-node.xml","label":"hostile-names","autoconnect":true},
 {"uri":"qemu+ext:///system?command=/tmp/planted","label":"planted-entry","autoconnect":true}]}
JSON
cat > "$work/config/ui.json" <<JSON
{"theme":"${THEME:-light}","x":0.0,"y":0.0,"width":1600.0,"height":1000.0,"maximized":false,"treeDivider":0.18,"hiddenColumns":[]}
JSON
export work here out
xvfb-run -a -s "-screen 0 1600x1000x24" bash -s <<'INNER'
set -euo pipefail
java -Dduovirt.config.dir="$work/config" -Dduovirt.state.dir="$work/state" \
  -cp "$here/app/target/duovirt-app-0.1.0-SNAPSHOT.jar:$here/app/target/lib/*" org.duovirt.app.Main >"$work/app.log" 2>&1 &
pid=$!
sleep "${SETTLE:-20}"
import -window root "$out/hardening-escaped-name.png"; echo "captured $out/hardening-escaped-name.png"
xdotool key ctrl+shift+a; sleep 2
# "Custom libvirt URI", then its field (positions in the 1600x1000 screen).
xdotool mousemove 564 378 click 1; sleep 0.5
xdotool mousemove 786 576 click 1; sleep 0.3
xdotool type --delay 20 "qemu+ext:///system?command=/usr/local/bin/my-tunnel"; sleep 1.5
import -window root "$out/hardening-connection-confirm.png"; echo "captured $out/hardening-connection-confirm.png"
xdotool key Escape
cp "$work/state/duovirt.log" "$out/hardening-app.log" 2>/dev/null || true
kill "$pid"
INNER
