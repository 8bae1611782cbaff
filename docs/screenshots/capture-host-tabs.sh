#!/usr/bin/env bash
# Captures the Storage and Networks host tabs, and a VM's Snapshots tab and Clone form (the first VM in the tree), from the real app under Xvfb against the local libvirtd
# (qemu:///system: its real pools, volumes and networks). Needs xvfb, imagemagick (import) and xdotool.
# Usage: docs/screenshots/capture-host-tabs.sh [light|dark]   (after mvn -o -q -pl app -am package -DskipTests)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
theme="${1:-light}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config"
cat > "$work/config/connections.json" <<JSON
{"version":1,"connections":[{"uri":"qemu:///system","label":"lab-kvm-01 (qemu:///system)","autoconnect":true}]}
JSON
cat > "$work/config/ui.json" <<JSON
{"theme":"$theme","x":0.0,"y":0.0,"width":1600.0,"height":1000.0,"maximized":false,"treeDivider":0.18,"hiddenColumns":[]}
JSON
export work here THEME="$theme"
xvfb-run -a -s "-screen 0 1600x1000x24" bash -s <<'INNER'
set -euo pipefail
java -Dduovirt.config.dir="$work/config" -Dduovirt.state.dir="$work/state" \
  -cp "$here/app/target/duovirt-app-0.1.0-SNAPSHOT.jar:$here/app/target/lib/*" org.duovirt.app.Main >"$work/app.log" 2>&1 &
pid=$!
sleep "${SETTLE:-25}"
out="$here/docs/screenshots"
host_menu() { xdotool mousemove 161 110 click 3; sleep 1.5; }   # right-click the host in the tree
host_menu; xdotool key Down Return; sleep 4
xdotool mousemove 700 355 click 1; sleep 2                        # the first volume row
import -window root "$out/storage-tab-$THEME.png"; echo "captured storage-tab-$THEME.png"
host_menu; xdotool key Down Down Return; sleep 4
xdotool mousemove 700 220 click 1; sleep 2                        # the second network row
xdotool mousemove 455 932 click 1; xdotool type --delay 30 "lab 2"; sleep 1
import -window root "$out/network-tab-$THEME.png"; echo "captured network-tab-$THEME.png"
vm_menu() { xdotool mousemove 89 149 click 3; sleep 1.5; }       # right-click the first VM in the tree
# A context menu opens with its first item focused; Down moves on and wraps (VM menu: Snapshots, Clone, Definition, Devices).
vm_menu; xdotool key Down Return; sleep 5
import -window root "$out/clone-form-$THEME.png"; echo "captured clone-form-$THEME.png"
vm_menu; xdotool key Down Down Down Down Return; sleep 4
xdotool mousemove 700 220 click 1; sleep 2
import -window root "$out/snapshot-tab-$THEME.png"; echo "captured snapshot-tab-$THEME.png"
vm_menu; xdotool key Down Down Return; sleep 5
xdotool mousemove 500 400 click 1; xdotool key ctrl+Home End Return
xdotool type --delay 20 '  <description>web front end, "prod" profile</description>'
xdotool mousemove 330 958 click 1; sleep 2                        # Show changes
import -window root "$out/definition-diff-$THEME.png"; echo "captured definition-diff-$THEME.png"
vm_menu; xdotool key Up Return; sleep 5
xdotool mousemove 700 188 click 1; sleep 1                        # the first disk
xdotool mousemove 820 465 click 1; xdotool type --delay 20 "/srv/data,2.img"; sleep 1
import -window root "$out/devices-tab-$THEME.png"; echo "captured devices-tab-$THEME.png"
kill "$pid"
INNER
