#!/usr/bin/env bash
# Captures the README screenshots from the real app under Xvfb: the mixed-state test-driver fixture,
# the demo host and one unreachable host. Needs xvfb, imagemagick (import) and xdotool.
# Usage: docs/screenshots/capture.sh [light|dark] STEP...   (run from the repository root after
#        mvn -o -q -pl app -am package -DskipTests). Steps: main, connection, details, delete, performance, preferences.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
theme="$1"; shift
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fixture="$here/app/src/test/resources/fixtures/mixed-node.xml"
mkdir -p "$work/config"
cat > "$work/config/connections.json" <<JSON
{"version":1,"connections":[
 {"uri":"test://$fixture","label":"lab-kvm-01","autoconnect":true},
 {"uri":"test:///default","label":"Demo (libvirt test driver)","autoconnect":true},
 {"uri":"qemu+ssh://admin@127.0.0.1:1/system","label":"kvm-remote-02","autoconnect":true}]}
JSON
cat > "$work/config/ui.json" <<JSON
{"theme":"$theme","x":0.0,"y":0.0,"width":1600.0,"height":1000.0,"maximized":false,"treeDivider":0.18,"hiddenColumns":[]}
JSON
export work here THEME="$theme"
xvfb-run -a -s "-screen 0 1600x1000x24" bash -s "$@" <<'INNER'
set -euo pipefail
java -Dduovirt.config.dir="$work/config" -Dduovirt.state.dir="$work/state" ${DUOVIRT_SHOT_OPTS:-} \
  -cp "$here/app/target/duovirt-app-0.1.0-SNAPSHOT.jar:$here/app/target/lib/*" org.duovirt.app.Main >"$work/app.log" 2>&1 &
pid=$!
sleep "${SETTLE:-45}"   # connections, then ~16 stats ticks so the sparklines have a history
out="${OUT_DIR:-$here/docs/screenshots}"   # OUT_DIR: e.g. app/target/screenshots for a look before docs/
shot() { sleep "${2:-1.5}"; import -window root "$out/$1"; echo "captured $out/$1"; }
row() { xdotool mousemove "$1" "$2" click 1; }        # click a table row at x y
for step in "$@"; do
  case "$step" in
    main) row 520 210; shot "main-$THEME.png" ;;
    connection) xdotool key ctrl+shift+a; sleep 1.5; xdotool mousemove 635 354 click 1; sleep 0.3
      xdotool mousemove 783 512 click 1; xdotool type --delay 20 "kvm2.example.org"; shot connection-dialog.png; xdotool key Escape ;;
    details) row 520 370; xdotool key ctrl+i; shot details.png 3; xdotool key ctrl+w ;;
    performance) row 520 210; xdotool key ctrl+shift+e; shot "performance-$THEME.png" "${PERF_WAIT:-30}"; xdotool key ctrl+w ;;
    preferences) xdotool key ctrl+comma; shot "preferences-$THEME.png" 3; xdotool key Escape ;;
    delete) row 520 146; xdotool key ctrl+Delete; shot delete-dialog.png 3; xdotool key Escape ;;
  esac
done
kill "$pid"
INNER
