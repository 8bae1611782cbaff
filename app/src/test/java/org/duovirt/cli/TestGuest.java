package org.duovirt.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The tiny guest from testing/guest/build, placed where a system libvirtd's QEMU may read it. */
final class TestGuest {
    static final String BANNER = "DUOVIRT-GUEST-READY";

    final Path kernel;
    final Path initrd;

    private TestGuest(Path dir) {
        kernel = dir.resolve("vmlinuz");
        initrd = dir.resolve("initrd.gz");
    }

    static TestGuest buildInto(Path dir) throws IOException, InterruptedException {
        Path script = repositoryRoot().resolve("testing/guest/build");
        Process p = new ProcessBuilder(script.toString(), dir.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("testing/guest/build failed: " + log);
        }
        return new TestGuest(dir);
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("testing/guest/build"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("testing/guest/build not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Runs a command (virsh …) and returns its stdout; fails the test on a non-zero exit. */
    static String run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", argv) + " failed: " + out);
        }
        return out;
    }
}
