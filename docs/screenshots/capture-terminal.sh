#!/usr/bin/env bash
# Captures the text console (JediTermFX) of a real tiny KVM guest on qemu:///system under Xvfb: the guest's
# shell printing colours, then busybox top. Needs libvirtd running, xvfb, imagemagick (import), xdotool.
# Usage: docs/screenshots/capture-terminal.sh [light|dark]   (from the repository root, after
#        mvn -o -q -pl app -am package -DskipTests). Writes docs/screenshots/terminal-{colours,top}-THEME.png.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
theme="${1:-dark}"
vm=term-shot
images=/var/lib/libvirt/images/duovirt-term-shot
remove_vm() {
  virsh -q -c qemu:///system destroy "$vm" >/dev/null 2>&1 || true
  virsh -q -c qemu:///system undefine "$vm" >/dev/null 2>&1 || true
}
remove_vm
work="$(mktemp -d)"
trap 'remove_vm; rm -rf "$work"' EXIT
"$here/testing/guest/build" "$images" >/dev/null
cat > "$work/domain.xml" <<XML
<domain type='qemu'>
  <name>$vm</name>
  <memory unit='MiB'>96</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type><kernel>$images/vmlinuz</kernel><initrd>$images/initrd.gz</initrd>
    <cmdline>console=ttyS0 quiet</cmdline></os>
  <devices><serial type='pty'/><console type='pty'/></devices>
</domain>
XML
virsh -q -c qemu:///system define "$work/domain.xml" >/dev/null
virsh -q -c qemu:///system start "$vm" >/dev/null
mkdir -p "$work/config"
cat > "$work/config/connections.json" <<JSON
{"version":1,"connections":[{"uri":"qemu:///system","label":"local","autoconnect":true}]}
JSON
cat > "$work/config/ui.json" <<JSON
{"theme":"$theme","x":0.0,"y":0.0,"width":1600.0,"height":1000.0,"maximized":false,"treeDivider":0.18,"hiddenColumns":[]}
JSON
export work here vm THEME="$theme"
xvfb-run -a -s "-screen 0 1600x1000x24" bash -s <<'INNER'
set -euo pipefail
java -Dduovirt.config.dir="$work/config" -Dduovirt.state.dir="$work/state" \
  -cp "$here/app/target/duovirt-app-0.1.0-SNAPSHOT.jar:$here/app/target/lib/*" org.duovirt.app.Main >"$work/app.log" 2>&1 &
pid=$!
out="$here/docs/screenshots"
sleep "${SETTLE:-20}"
# Only this VM in the table (the shared libvirtd has others), select it, open its console.
xdotool key ctrl+f; sleep 0.5; xdotool type --delay 30 "$vm"; sleep 1.5
xdotool mousemove "${ROW_X:-520}" "${ROW_Y:-146}" click 1; sleep 0.5
xdotool key ctrl+shift+o; sleep "${BOOT:-25}"
say() { xdotool type --delay 40 "$1"; xdotool key Return; sleep "${2:-3}"; }
say duovirt-shell 4
say "stty rows 40 cols 120; clear"
say "ls --color=always / /bin | head -20"
say "printf '\\033[1;31mred \\033[32mgreen \\033[33myellow \\033[34mblue \\033[35mmagenta \\033[36mcyan\\033[0m \\033[7m reverse \\033[0m \\033[4munderline\\033[0m\\n'"
import -window root "$out/terminal-colours-$THEME.png"; echo "captured $out/terminal-colours-$THEME.png"
say top 8
import -window root "$out/terminal-top-$THEME.png"; echo "captured $out/terminal-top-$THEME.png"
xdotool key q
kill "$pid"
INNER
