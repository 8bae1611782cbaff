#!/usr/bin/env bash
# Screenshots of the pinning editor from the real app under Xvfb (the real Glass toolkit, not Monocle):
# docs/screenshots/capture-pinning.sh THEME URI VM OUT.png [PRESET-ID|-] [soft]
# e.g. capture-pinning.sh light qemu:///system pin-shot pinning-kvm.png pin-preset-compact
# XVFB_SERVERNUM=N uses display :N (or the next free one) instead of the first free from :99.
# Run from the repository root after: mvn -o -q -pl app -am test-compile dependency:build-classpath
#   -Dmdep.outputFile=app/target/pin-cp.txt (PinningShot lives in the app's test classes).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
theme="$1" uri="$2" vm="$3" out="$4" preset="${5:--}" layer="${6:-hard}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config" "$work/state"
python3 - "$uri" > "$work/config/connections.json" <<'PY'
import json, sys
print(json.dumps({"version": 1, "connections": [{"uri": sys.argv[1], "label": None, "autoconnect": True}]}))
PY
cat > "$work/config/ui.json" <<JSON
{"theme":"$theme","x":0.0,"y":0.0,"width":1600.0,"height":1000.0,"maximized":false,"treeDivider":0.14,"hiddenColumns":[]}
JSON
cp="$here/app/target/test-classes:$here/app/target/classes:$here/core/target/classes:$here/backend-kvm/target/classes:$here/backend-xen/target/classes:$here/resources/target/classes:$(cat "$here/app/target/pin-cp.txt")"
export work here cp vm out preset layer
xvfb-run -a ${XVFB_SERVERNUM:+-n "$XVFB_SERVERNUM"} -s "-screen 0 1600x1000x24" bash -s <<'INNER'
set -euo pipefail
java -Dduovirt.config.dir="$work/config" -Dduovirt.state.dir="$work/state" -cp "$cp" \
  org.duovirt.app.pinning.PinningShot "$work/config" "$work/state" "$vm" "$work/ready" "$preset" "$layer" >"$work/app.log" 2>&1 &
pid=$!
for i in $(seq 1 240); do [ -f "$work/ready" ] && break; kill -0 "$pid" 2>/dev/null || { cat "$work/app.log"; exit 1; }; sleep 0.5; done
import -window root "$here/docs/screenshots/$out"; echo "captured docs/screenshots/$out"
kill "$pid" || true
INNER
