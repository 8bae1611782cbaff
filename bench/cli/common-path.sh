#!/usr/bin/env bash
# The common path, timed with hyperfine: `duovirt list --all` and one creation (define, no boot) + delete
# against the real libvirtd. Usage: bench/cli/common-path.sh DIR [DIR...] where each DIR holds a build
# (duovirt-app-*.jar and lib/), e.g. a copy of app/target from before a change and app/target after it.
set -euo pipefail
uri="${DUOVIRT_BENCH_URI:-qemu:///system}"
cmds=()
for dir in "$@"; do
  run="java -cp '$dir/duovirt-app-0.1.0-SNAPSHOT.jar:$dir/lib/*' org.duovirt.app.Main -c $uri"
  cmds+=(-n "list $dir" "$run list --all")
  cmds+=(-n "create+delete $dir" "$run create --name hard-bench --memory 64 --vcpus 2 --mode qemu && $run delete hard-bench")
done
virsh -c "$uri" undefine hard-bench >/dev/null 2>&1 || true
hyperfine --warmup 1 --runs "${RUNS:-10}" --export-markdown "${OUT:-/dev/stdout}" "${cmds[@]}" 2>&1 | tail -n +1
