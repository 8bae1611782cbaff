#!/usr/bin/env bash
# Screenshots of the details tab's hardware list from the real app under Xvfb (the real Glass toolkit):
# docs/screenshots/capture-hardware.sh THEME URI VM PREFIX PAGE-ID...   writes PREFIX-1-PAGE.png … under OUT_DIR
# (default target/hardware-shots; copy the chosen ones into docs/screenshots on purpose).
# e.g. capture-hardware.sh dark qemu:///system det-shot hw-dark overview disk:vda nic:52:54:00:de:7a:01 add
# Run from the repository root after: mvn -o -q -pl app,backend-kvm,backend-xen -am test-compile
#   dependency:build-classpath -Dmdep.outputFile=target/shot-cp.txt (HardwareShot lives in the app's test
#   classes; each module writes its own target/shot-cp.txt).
# XVFB_DISPLAY picks the display number (default: any free one).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
theme="$1" uri="$2" vm="$3" prefix="$4"; shift 4
out="${OUT_DIR:-$here/target/hardware-shots}"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config" "$work/state" "$work/markers"
python3 - "$uri" > "$work/config/connections.json" <<'PY'
import json, sys
print(json.dumps({"version": 1, "connections": [{"uri": sys.argv[1], "label": None, "autoconnect": True}]}))
PY
cat > "$work/config/ui.json" <<JSON
{"theme":"$theme","x":0.0,"y":0.0,"width":1600.0,"height":1000.0,"maximized":false,"treeDivider":0.14,"hiddenColumns":[]}
JSON
cp="$here/app/target/test-classes:$here/app/target/classes:$here/core/target/classes:$here/backend-kvm/target/classes:$here/backend-xen/target/classes:$here/resources/target/classes:$(cat "$here/app/target/shot-cp.txt"):$(cat "$here/backend-kvm/target/shot-cp.txt"):$(cat "$here/backend-xen/target/shot-cp.txt")"
export work here cp vm out prefix
display_args=(-a)
[ -n "${XVFB_DISPLAY:-}" ] && display_args=(-n "$XVFB_DISPLAY")
xvfb-run "${display_args[@]}" -s "-screen 0 1600x1000x24" bash -s "$@" <<'INNER'
set -euo pipefail
java -Dduovirt.config.dir="$work/config" -Dduovirt.state.dir="$work/state" -cp "$cp" \
  org.duovirt.app.details.HardwareShot "$work/config" "$work/state" "$vm" "$work/markers" "$@" >"$work/app.log" 2>&1 &
pid=$!
n=0
for page in "$@"; do
  n=$((n + 1))
  for i in $(seq 1 480); do [ -f "$work/markers/$n.ready" ] && break; kill -0 "$pid" 2>/dev/null || { cat "$work/app.log"; exit 1; }; sleep 0.5; done
  name="$prefix-$n-$(printf '%s' "$page" | tr -c 'A-Za-z0-9_-' '-').png"
  import -window root "$out/$name"; echo "captured $out/$name"
  touch "$work/markers/$n.done"
done
wait "$pid" || true
INNER
