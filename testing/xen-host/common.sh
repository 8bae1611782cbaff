# Shared by testing/xen-host/{build,up,down}: where things live. Sourced, not run.
# Everything built or running lives outside the clone, so a second `up` (and CI on the same machine)
# reuses it; a missing cache is rebuilt from scratch.
xh_dir="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
xh_repo="$(cd "$xh_dir/../.." && pwd)"
xh_cache="${XDG_CACHE_HOME:-$HOME/.cache}/duovirt/xen-host"
xh_run="$xh_cache/run"            # pidfile, port, serial log, known_hosts of the running host
xh_xen_pkg=xen-hypervisor-4.17-amd64

xh_die() { echo "xen-host: $*" >&2; exit 1; }
xh_log() { echo "xen-host: $*" >&2; }

# The Debian kernel that boots as dom0 (and, via testing/guest/build, as the test guest).
xh_kernel() {
  local k
  k="$(ls -1 /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$k" ] || xh_die "no /boot/vmlinuz-*: install linux-image-amd64 (bin/setup does)"
  echo "$k"
}

# The Xen version apt would fetch; the dom0 tools are pinned to the same version.
xh_xen_version() {
  local v
  v="$(apt-cache policy "$xh_xen_pkg" 2>/dev/null | awk '/Candidate:/ {print $2}')"
  if { [ -z "$v" ] || [ "$v" = "(none)" ]; } && [ "$(id -u)" = 0 ]; then
    apt-get update -q >&2 || true   # a fresh machine may not have read its package lists yet
    v="$(apt-cache policy "$xh_xen_pkg" 2>/dev/null | awk '/Candidate:/ {print $2}')"
  fi
  [ -n "$v" ] && [ "$v" != "(none)" ] || xh_die "apt knows no $xh_xen_pkg: run 'apt-get update' (bookworm and bookworm-security must be configured)"
  echo "$v"
}

# Cache keys: a change of any build input (these scripts, the guest builder, the kernel, the Xen
# version) gives a new key and so a rebuild. The debootstrap layer has its own, narrower key.
xh_base_key() {
  { cat "$xh_dir/build-base"; xh_xen_version; } | sha256sum | cut -c1-12
}
xh_image_key() {
  { cat "$xh_dir/build-base" "$xh_dir/build-image" "$xh_dir/dom0-init" "$xh_dir/common.sh" \
        "$xh_repo/testing/guest/build" "$xh_repo/testing/guest/build-vnc"; xh_kernel; xh_xen_version; } | sha256sum | cut -c1-12
}

# The QEMU process of the running host, if any (pid alive and really our QEMU).
xh_running_pid() {
  local pid
  [ -s "$xh_run/qemu.pid" ] || return 1
  pid="$(cat "$xh_run/qemu.pid")"
  [ -n "$pid" ] && [ -d "/proc/$pid" ] && grep -q qemu-system "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}
