#!/usr/bin/env bash
# Screenshots of the installed package (apt install ./installers/target/duovirt_*.deb first), under Xvfb:
#   menu-entry.png     the "System" menu as GIO reads the installed .desktop entries (menu.py)
#   installed-app.png  the installed app's first window, on the test-driver fixture and the demo host
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
out="$here/docs/screenshots"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
xvfb-run -a -s "-screen 0 560x300x24" bash -c "GSETTINGS_BACKEND=memory '$out/menu.py' & sleep \${SETTLE_MENU:-5}; import -window root '$out/menu-entry.png'; kill \$!"
mkdir -p "$work/config/duovirt"
cat > "$work/config/duovirt/connections.json" <<JSON
{"version":1,"connections":[
 {"uri":"test://$here/app/src/test/resources/fixtures/mixed-node.xml","label":"lab-kvm-01","autoconnect":true},
 {"uri":"test:///default","label":"Demo (libvirt test driver)","autoconnect":true}]}
JSON
echo '{"theme":"light","x":0.0,"y":0.0,"width":1280.0,"height":800.0,"maximized":false,"treeDivider":0.2,"hiddenColumns":[]}' \
  > "$work/config/duovirt/ui.json"
export work out
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state /usr/bin/duovirt >/dev/null 2>&1 & pid=$!
  timeout 60 xdotool search --sync --onlyvisible --name "^Duovirt" >/dev/null
  sleep "${SETTLE:-12}"; import -window root "$out/installed-app.png"; kill "$pid"'
echo "captured $out/menu-entry.png $out/installed-app.png"
