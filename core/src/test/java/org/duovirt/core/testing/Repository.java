package org.duovirt.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The clone the tests run in, and the test guest its testing/guest/build script makes. */
public final class Repository {
    /** What the tiny test guest prints on its console once it is up. */
    public static final String GUEST_BANNER = "DUOVIRT-GUEST-READY";

    private Repository() {
    }

    /** The first parent of the working directory that has testing/guest/build. */
    public static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("testing/guest/build"))) {
                return p;
            }
        }
        throw new IllegalStateException("testing/guest/build not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * Builds (or reuses) the test guest in {@code dir}, which must be readable by the hypervisor
     * (e.g. under /var/lib/libvirt/images for a system libvirtd).
     *
     * @return {@code dir}, holding vmlinuz and initrd.gz
     */
    public static Path buildGuest(Path dir) {
        Commands.ok(List.of(root().resolve("testing/guest/build").toString(), dir.toString()), Duration.ofMinutes(5));
        return dir;
    }
}
