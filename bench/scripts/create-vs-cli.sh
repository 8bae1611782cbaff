#!/usr/bin/env bash
# Times the same VM creation three ways on the real libvirtd, side by side in one run:
#   duovirt create (CLI, one JVM per call), virt-install (virt-manager's tool) and -- from the wizard IT's log
#   line WIZARD-CREATE-AND-START-MS -- the wizard's job (check, disk, definition, start; no JVM start).
# Spec: the tiny test guest by direct kernel boot, 96 MiB, 1 vCPU, a new 0.05 GiB qcow2 disk, no NIC, TCG, started.
# Usage: bench/scripts/create-vs-cli.sh [RUNS]   (root; libvirtd running; app built with mvn -o -q -pl app -am package -DskipTests)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-3}"
guest=/var/lib/libvirt/images/wiz-guest
"$here/testing/guest/build" "$guest" >/dev/null
uri=qemu:///system
jar="$here/app/target/duovirt-app-0.1.0-SNAPSHOT.jar:$here/app/target/lib/*"
ms() { date +%s%3N; }
clean() { virsh -c $uri destroy "$1" >/dev/null 2>&1 || true; virsh -c $uri undefine "$1" --remove-all-storage >/dev/null 2>&1 || true; }
for i in $(seq "$runs"); do
  n="wiz-bench-cli-$i"; clean "$n"
  t0=$(ms)
  java -cp "$jar" org.duovirt.app.Main create -c $uri --name "$n" --memory 96 --vcpus 1 --disk 0.05 \
    --kernel $guest/vmlinuz --initrd $guest/initrd.gz --cmdline console=ttyS0 --mode qemu --os debian12 --start >/dev/null 2>&1
  t1=$(ms); echo "duovirt-create $((t1 - t0)) ms"; clean "$n"
  n="wiz-bench-vi-$i"; clean "$n"
  t0=$(ms)
  virt-install --connect $uri --name "$n" --memory 96 --vcpus 1 --virt-type qemu --osinfo debian11 \
    --disk size=0.05,format=qcow2 --boot kernel=$guest/vmlinuz,initrd=$guest/initrd.gz,kernel_args=console=ttyS0 \
    --network none --graphics vnc,listen=127.0.0.1 --noautoconsole --import >/dev/null 2>&1
  t1=$(ms); echo "virt-install $((t1 - t0)) ms"; clean "$n"
done
