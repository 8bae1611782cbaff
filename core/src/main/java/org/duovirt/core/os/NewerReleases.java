package org.duovirt.core.os;

import java.util.List;

/**
 * Releases newer than the osinfo-db Debian 12 ships (it stops at Debian 11 / Fedora 37 / Ubuntu 22.10),
 * with figures from each project's published minimums. Used only where the installed database has no entry
 * of the same short id, so a newer osinfo-db always wins.
 */
final class NewerReleases {
    static final List<OsPreset> TABLE = List.of(
            own("http://debian.org/debian/12", "debian12", "Debian 12", "12", 1024, 2048, 2, 20, "Debian Project"),
            own("http://debian.org/debian/13", "debian13", "Debian 13", "13", 1024, 2048, 2, 20, "Debian Project"),
            own("http://ubuntu.com/ubuntu/24.04", "ubuntu24.04", "Ubuntu 24.04 LTS", "24.04", 2048, 4096, 2, 25, "Canonical Ltd"),
            own("http://ubuntu.com/ubuntu/22.04", "ubuntu22.04", "Ubuntu 22.04 LTS", "22.04", 2048, 4096, 2, 25, "Canonical Ltd"),
            own("http://fedoraproject.org/fedora/40", "fedora40", "Fedora 40", "40", 2048, 4096, 2, 20, "Fedora Project"),
            own("http://almalinux.org/almalinux/9", "almalinux9", "AlmaLinux 9", "9", 1536, 2048, 1, 20, "AlmaLinux OS Foundation"),
            own("http://alpinelinux.org/alpinelinux/3.20", "alpinelinux3.20", "Alpine Linux 3.20", "3.20", 128, 512, 1, 1, "Alpine Linux Development Team"));

    private NewerReleases() {
    }

    private static OsPreset own(String id, String shortId, String name, String version, long minMiB, long recMiB, int cpus, long gib,
                                String vendor) {
        return new OsPreset(id, shortId, name, "linux", version, minMiB, recMiB, cpus, gib, true, null, vendor);
    }
}
