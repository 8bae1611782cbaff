package org.duovirt.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Xen host under QEMU (testing/xen-host): its URI from DUOVIRT_XEN_URI, or from
 * {@code testing/xen-host/up}, which boots it when it is not running and prints the URI last.
 */
final class XenTestHost {
    /** Where testing/xen-host/build-image puts the tiny guest inside dom0. */
    static final String GUEST_KERNEL = "/root/guest/vmlinuz";
    static final String GUEST_INITRD = "/root/guest/initrd.gz";

    private XenTestHost() {
    }

    static String uri() throws IOException, InterruptedException {
        String fromEnv = System.getenv("DUOVIRT_XEN_URI");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Process up = new ProcessBuilder(TestGuest.repositoryRoot().resolve("testing/xen-host/up").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(up.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!up.waitFor(30, TimeUnit.MINUTES) || up.exitValue() != 0) {
            throw new IOException("testing/xen-host/up failed (exit " + up.exitValue() + "): " + out);
        }
        List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
        if (!last.startsWith("xl+ssh://")) {
            throw new IOException("testing/xen-host/up did not print an xl+ssh URI last: " + out);
        }
        return last;
    }
}
