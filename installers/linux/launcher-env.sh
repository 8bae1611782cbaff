# The start-up environment both launchers share (sourced by bin/duovirt; bin/package copies it into
# /usr/bin/duovirt). POSIX sh. Sets $duovirt_graphics (JVM options for the window) and exports what the
# toolkit and glibc read. Measured in docs/benchmarks.md ("Start-up and memory"); why in installers/README.md.
#
# No GPU device (no DRM render node, no NVIDIA device): Mesa could only draw in software (llvmpipe), which
# JavaFX's es2 pipeline refuses anyway and then falls back to its own sw pipeline; trying es2 first costs
# start-up time, and GTK's GL set-up (libepoxy → libGL → libLLVM) 40-50 MiB of resident memory that is never
# used. So on such machines (VMs, Xvfb, remote X) the window goes straight to the sw pipeline and GTK makes
# no GL context. With a GPU both stay as they were. Users override with DUOVIRT_JAVA_OPTS / GDK_GL.
duovirt_graphics=
if [ "$#" -eq 0 ]; then
  duovirt_graphics=-Dprism.order=sw
  for duovirt_gpu in /dev/dri/renderD* /dev/nvidia0; do
    if [ -e "$duovirt_gpu" ]; then duovirt_graphics=; fi
  done
fi
if [ -n "$duovirt_graphics" ]; then
  GDK_GL="${GDK_GL-disable}"
  export GDK_GL
fi
# glibc makes up to 8 malloc arenas per core for the JVM's and the toolkit's threads; two are plenty for a
# desktop app and keep the native heap from fragmenting across arenas.
MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX-2}"
export MALLOC_ARENA_MAX
