package org.duovirt.core.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The URI of the real Xen host the Xen tests run against: {@code DUOVIRT_XEN_URI} when set (bin/test boots the
 * host once for all modules), else {@code testing/xen-host/up}, run once per JVM; a host this JVM booted is
 * stopped when the JVM ends. No host means the tests fail: they never skip silently.
 */
public final class XenTestHosts {
    private static final Duration UP_TIMEOUT = Duration.ofMinutes(25);
    private static String uri;

    private XenTestHosts() {
    }

    public static synchronized String uri() {
        if (uri == null) {
            String fromEnv = System.getenv("DUOVIRT_XEN_URI");
            uri = fromEnv != null && !fromEnv.isBlank() ? fromEnv.strip() : bootOwnHost();
        }
        return uri;
    }

    private static String bootOwnHost() {
        Path dir = Repository.root().resolve("testing/xen-host");
        boolean wasRunning = Commands.run(List.of(dir.resolve("status").toString()), Duration.ofMinutes(1)).exit() == 0;
        Commands.Result up = Commands.run(List.of(dir.resolve("up").toString()), UP_TIMEOUT);
        if (up.exit() != 0) {
            throw new IllegalStateException("testing/xen-host/up failed (exit " + up.exit() + "):\n" + up.output());
        }
        List<String> lines = up.output().lines().filter(l -> l.startsWith("xl+ssh://")).toList();
        if (lines.isEmpty()) {
            throw new IllegalStateException("testing/xen-host/up printed no URI:\n" + up.output());
        }
        if (!wasRunning) {
            Runtime.getRuntime().addShutdownHook(new Thread(
                    () -> Commands.run(List.of(dir.resolve("down").toString()), Duration.ofMinutes(2)), "xen-host-down"));
        }
        return lines.get(lines.size() - 1);
    }

    /** Runs a shell script as root in the test host's dom0 (testing/xen-host/ssh) and returns its output; failure fails the test. */
    public static String dom0(String script) {
        uri();
        return Commands.ok(List.of(Repository.root().resolve("testing/xen-host/ssh").toString(), script), Duration.ofMinutes(2));
    }
}
