package org.duovirt.xen;

import java.util.List;

/**
 * The format of a disk image in dom0, read from the file's own header there (qcow2 files start with
 * {@code QFI\xfb}); anything else is raw. A qcow2 image handed to a guest as raw would show it qcow2's metadata
 * instead of its disk, so the name is never trusted.
 */
final class XenImageFormat {
    /** Prints qcow2 or raw for the file in $1. */
    static final String SCRIPT = "m=$(head -c 4 -- \"$1\" 2>/dev/null | od -An -tx1 | tr -d ' \\n'); "
            + "[ \"$m\" = 514649fb ] && echo qcow2 || echo raw";
    /**
     * Per regular file (not symlink) in $1: name, the size the guest sees (a qcow2's virtual size from its header),
     * allocated 512-byte blocks and the format, NUL-separated.
     */
    static final String LIST_SCRIPT = "for f in \"$1\"/*; do [ -f \"$f\" ] && [ ! -L \"$f\" ] || continue; "
            + "m=$(head -c 4 -- \"$f\" 2>/dev/null | od -An -tx1 | tr -d ' \\n'); "
            + "if [ \"$m\" = 514649fb ]; then t=qcow2; s=$(od -An -tu8 --endian=big -j 24 -N 8 -- \"$f\" | tr -d ' '); "
            + "else t=raw; s=$(stat -c %s -- \"$f\"); fi; "
            + "printf '%s\\0%s\\0%s\\0%s\\0' \"${f##*/}\" \"$s\" \"$(stat -c %b -- \"$f\")\" \"$t\"; done; exit 0";

    private XenImageFormat() {
    }

    /** qcow2 or raw, as xl's {@code format=} takes it. */
    static String of(Xl xl, String path) {
        return "qcow2".equals(xl.run("read the format of " + path, List.of("sh", "-c", SCRIPT, "sh", path)).strip()) ? "qcow2" : "raw";
    }

    /** The sentence refusing a qcow2 image on a dom0 without qdisk (QEMU), which is what reads qcow2 for xl. */
    static String noQdisk(String path, String host) {
        return "The disk '" + path + "' is a qcow2 image, but " + host + " has no QEMU (qdisk) in dom0 to read qcow2 for Xen;"
                + " convert it to raw (qemu-img convert -O raw) or install qemu-system-xen there.";
    }
}
