#!/usr/bin/env bash
# Captures the graphical console of the tiny VNC guest (testing/guest/build-vnc) reached over qemu+ssh:// through
# an sshd of this script's own on 127.0.0.1 (own host key, authorized_keys and known_hosts; the system's sshd is
# never touched), then the one-click switch to the same VM's text console and back. Needs root, libvirtd,
# openssh-server, xvfb, imagemagick (import), xdotool.
# Usage: docs/screenshots/capture-consoles.sh [light|dark]   (from the repository root, after
#        mvn -o -q -pl app -am package -DskipTests). Writes docs/screenshots/console-ssh-*.png.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
theme="${1:-light}"
vm=con-shot
images=/var/lib/libvirt/images/duovirt-vnc
work="$(mktemp -d)"
remove_vm() {
  virsh -q -c qemu:///system destroy "$vm" >/dev/null 2>&1 || true
  virsh -q -c qemu:///system undefine "$vm" >/dev/null 2>&1 || true
}
cleanup() { remove_vm; [ -f "$work/sshd.pid" ] && kill "$(cat "$work/sshd.pid")" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
remove_vm
"$here/testing/guest/build-vnc" "$images" >/dev/null
cat > "$work/domain.xml" <<XML
<domain type='qemu'><name>$vm</name><memory unit='MiB'>128</memory><vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type><kernel>$images/vmlinuz</kernel><initrd>$images/initrd-vnc.gz</initrd>
    <cmdline>console=ttyS0 console=tty0 quiet loglevel=0 vt.global_cursor_default=0</cmdline></os>
  <devices><serial type='pty'/><console type='pty'/><graphics type='vnc' port='-1' listen='127.0.0.1'/>
    <video><model type='vga'/></video></devices></domain>
XML
virsh -q -c qemu:///system define "$work/domain.xml" >/dev/null
virsh -q -c qemu:///system start "$vm" >/dev/null
# The sshd of our own, on a spare port.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p /run/sshd
for k in host client; do ssh-keygen -q -t ed25519 -N "" -C duovirt-shot -f "$work/$k"; done
cp "$work/client.pub" "$work/authorized_keys"
printf '%s\n' "ListenAddress 127.0.0.1" "Port $port" "HostKey $work/host" "PidFile $work/sshd.pid" \
  "AuthorizedKeysFile $work/authorized_keys" "PermitRootLogin prohibit-password" "PasswordAuthentication no" \
  "KbdInteractiveAuthentication no" "UsePAM no" "StrictModes no" "AllowTcpForwarding yes" > "$work/sshd_config"
echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$work/host.pub")" > "$work/known_hosts"
/usr/sbin/sshd -f "$work/sshd_config"
# libvirt's plain ssh transport reads only ~/.ssh/known_hosts: point it at ours (strict) with a command= wrapper.
printf '#!/bin/sh\nexec ssh -o UserKnownHostsFile=%s -o StrictHostKeyChecking=yes -o BatchMode=yes "$@"\n' \
  "$work/known_hosts" > "$work/ssh"; chmod 700 "$work/ssh"
uri="qemu+ssh://root@127.0.0.1:$port/system?keyfile=$work/client&known_hosts=$work/known_hosts&command=$work/ssh"
mkdir -p "$work/config"
cat > "$work/config/connections.json" <<JSON
{"version":1,"connections":[{"uri":"$uri","label":"kvm over ssh (127.0.0.1:$port)","autoconnect":true,"programsConfirmed":true}]}
JSON
cat > "$work/config/ui.json" <<JSON
{"theme":"$theme","x":0.0,"y":0.0,"width":1600.0,"height":1000.0,"maximized":false,"treeDivider":0.18,"hiddenColumns":[]}
JSON
sleep "${BOOT:-60}" # the guest's banner on its VGA screen
export work here vm THEME="$theme"
xvfb-run -a -n "${XVFB_DISPLAY:-92}" -s "-screen 0 1600x1000x24" bash -s <<'INNER'
set -euo pipefail
java -Dduovirt.config.dir="$work/config" -Dduovirt.state.dir="$work/state" \
  -cp "$here/app/target/duovirt-app-0.1.0-SNAPSHOT.jar:$here/app/target/lib/*" org.duovirt.app.Main >"$work/app.log" 2>&1 &
pid=$!
out="$here/docs/screenshots"
shot() { sleep "${2:-2}"; import -window root "$out/$1"; echo "captured $out/$1"; }
sleep "${SETTLE:-20}"
xdotool key ctrl+f; sleep 0.5; xdotool type --delay 30 "$vm"; sleep 1.5
xdotool mousemove "${ROW_X:-520}" "${ROW_Y:-146}" click 1; sleep 0.5
xdotool key ctrl+shift+g; sleep 8
# Type a line on the guest's VGA keyboard (the guest echoes it to its serial port), then release the grab.
xdotool mousemove 900 500 click 1; sleep 0.5; xdotool type --delay 80 "hello over ssh"; xdotool key Return; sleep 1
xdotool key ctrl+alt; sleep 1
shot "console-ssh-graphics-$THEME.png"
# To the text console (it attaches), back to the same screen, type a line there, and to the text console again:
# the guest's echo of that line arrives on the serial line the text tab kept reading meanwhile.
xdotool key ctrl+shift+x; sleep 6; xdotool key ctrl+shift+x; sleep 2
xdotool mousemove 900 500 click 1; sleep 0.5; xdotool type --delay 80 "typed on the screen"; xdotool key Return; sleep 1
xdotool key ctrl+alt; sleep 1; xdotool key ctrl+shift+x
shot "console-ssh-switch-text-$THEME.png" 3
xdotool key ctrl+shift+x
shot "console-ssh-switch-back-$THEME.png" 3
grep -i "exception\|severe" "$work/app.log" | head -5 || true
kill "$pid"
INNER
