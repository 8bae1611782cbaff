package org.duovirt.core.os;

/**
 * One operating system as osinfo-db describes it, with what Duovirt proposes for a new VM of it.
 * Sizes of 0 mean the database does not say.
 *
 * @param id             osinfo's id, e.g. http://debian.org/debian/12 (written into the VM's metadata)
 * @param shortId        the id users type, e.g. debian12
 * @param recommendedMiB memory osinfo recommends (or its minimum when it recommends nothing)
 * @param recommendedGiB disk size osinfo recommends
 * @param virtio         true when the OS has virtio drivers (disk and NIC models)
 * @param vendor         who makes it (osinfo's vendor, e.g. Debian Project), or null
 */
public record OsPreset(String id, String shortId, String name, String family, String version, long minimumMiB,
                       long recommendedMiB, int recommendedCpus, long recommendedGiB, boolean virtio, String derivesFrom,
                       String vendor) {
    public OsPreset(String id, String shortId, String name, String family, String version, long minimumMiB,
                    long recommendedMiB, int recommendedCpus, long recommendedGiB, boolean virtio, String derivesFrom) {
        this(id, shortId, name, family, version, minimumMiB, recommendedMiB, recommendedCpus, recommendedGiB, virtio, derivesFrom, null);
    }

    /** This preset with what it lacks taken from {@code parent} (osinfo's inheritance along derives-from). */
    OsPreset inheritFrom(OsPreset parent) {
        return new OsPreset(id, shortId, name, family != null ? family : parent.family, version,
                minimumMiB > 0 ? minimumMiB : parent.minimumMiB, recommendedMiB > 0 ? recommendedMiB : parent.recommendedMiB,
                recommendedCpus > 0 ? recommendedCpus : parent.recommendedCpus,
                recommendedGiB > 0 ? recommendedGiB : parent.recommendedGiB, virtio || parent.virtio, parent.derivesFrom,
                vendor != null ? vendor : parent.vendor);
    }
}
