package org.duovirt.xen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.List;
import org.duovirt.core.cloudinit.NoCloudSeed;
import org.duovirt.core.cloudinit.SeedIso;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.limits.Units;
import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VmSpec;

/**
 * A cloud image as a Xen VM's disk, with its NoCloud seed. xl has no storage pools and no backing chains of its
 * own, so the image (a file in dom0) is copied, sparse, into the owned image directory as the VM's disk and the
 * image itself is never changed: a raw copy on any dom0 (grown to the size asked for), a qcow2 copy only where dom0
 * has QEMU's qdisk to read it. The seed is built on this machine as for KVM (ADR 0012) and written into the same
 * directory over the host's own connection (0600 in the 0700 directory), then attached as a read-only CD-ROM that
 * is Duovirt's own, so delete with storage and a failed creation remove it with the disk.
 */
final class XenCloudImage {
    /** Prints "missing", "notimage", or the format and the size the guest would see, for the file in $1. */
    static final String PROBE_SCRIPT = "[ -f \"$1\" ] || { echo missing; exit 0; }; "
            + "m=$(head -c 4 -- \"$1\" | od -An -tx1 | tr -d ' \\n'); "
            + "if [ \"$m\" = 514649fb ]; then printf 'qcow2 %s\\n' \"$(od -An -tu8 --endian=big -j 24 -N 8 -- \"$1\" | tr -d ' ')\"; "
            + "elif [ \"$(od -An -tx1 -j 510 -N 2 -- \"$1\" | tr -d ' \\n')\" = 55aa ]; then printf 'raw %s\\n' \"$(stat -L -c %s -- \"$1\")\"; "
            + "else echo notimage; fi";

    /** What the image is: qcow2 or raw with the guest's size; a null format when it is missing or no disk image. */
    record Probe(String format, long virtualBytes, boolean missing) {
    }

    private final XenDomains domains;
    private final boolean qdisk;

    XenCloudImage(XenDomains domains, boolean qdisk) {
        this.domains = domains;
        this.qdisk = qdisk;
    }

    Probe probe(String image) {
        return parseProbe(domains.xl().run("read the cloud image " + image, List.of("sh", "-c", PROBE_SCRIPT, "sh", image)));
    }

    /** Package-private for tests: reads what {@link #PROBE_SCRIPT} printed. */
    static Probe parseProbe(String out) {
        String[] f = out.strip().split(" ");
        if (f.length == 2 && (f[0].equals("qcow2") || f[0].equals("raw"))) {
            try {
                return new Probe(f[0], Long.parseLong(f[1]), false);
            } catch (NumberFormatException e) {
                return new Probe(null, 0, false);
            }
        }
        return new Probe(null, 0, f[0].equals("missing"));
    }

    /** The dry run's problems of the image and the seed; the rules of the cloud-init values are core's. */
    void problems(VmSpec.Storage.CloudImage cloud, List<SpecProblem> problems) {
        Probe image = probe(cloud.image());
        if (image.missing()) {
            problems.add(new SpecProblem(SpecField.BOOT, "The cloud image '" + cloud.image() + "' does not exist on " + domains.host() + "."));
        } else if (image.format() == null) {
            problems.add(new SpecProblem(SpecField.BOOT, "The file '" + cloud.image() + "' is not a cloud image: it is neither qcow2 nor"
                    + " a raw disk with a partition table."));
        } else if (image.format().equals("qcow2") && !qdisk) {
            problems.add(new SpecProblem(SpecField.BOOT, XenImageFormat.noQdisk(cloud.image(), domains.host())));
        } else if (image.format().equals("qcow2") && cloud.sizeGiB() != null && Units.gibToBytes(cloud.sizeGiB()) > image.virtualBytes()) {
            problems.add(new SpecProblem(SpecField.STORAGE, "Duovirt copies a qcow2 cloud image on Xen as it is and cannot grow it;"
                    + " leave the size empty and grow the disk later."));
        }
        if (cloud.pool() != null && !cloud.pool().equals(domains.store().imageDir())) {
            problems.add(new SpecProblem(SpecField.STORAGE, "The VM's disk goes in " + domains.store().imageDir() + "; '" + cloud.pool()
                    + "' is not a storage pool here."));
        }
        if (!SeedIso.available()) {
            problems.add(new SpecProblem(SpecField.CLOUD_INIT, SeedIso.missingToolProblem()));
        }
    }

    /** The bytes the VM's disk will have: the image's size, or the size asked for when larger (raw only). */
    static long diskBytes(VmSpec.Storage.CloudImage cloud, Probe image) {
        long asked = cloud.sizeGiB() == null ? 0 : Units.gibToBytes(cloud.sizeGiB());
        return image.format().equals("raw") ? Math.max(asked, image.virtualBytes()) : image.virtualBytes();
    }

    /** Copies the image (sparse) as the VM's disk; its removal is pushed on {@code undo}. */
    String copyDisk(String vm, VmSpec.Storage.CloudImage cloud, Probe image, Deque<Runnable> undo) {
        String disk = new XenImageFiles(domains).reserve(vm, image.format().equals("qcow2") ? ".qcow2" : ".img", undo);
        domains.xl().run("copy the cloud image " + cloud.image(), List.of("cp", "--sparse=always", "--", cloud.image(), disk));
        long bytes = diskBytes(cloud, image);
        if (image.format().equals("raw") && bytes > image.virtualBytes()) {
            domains.xl().run("grow the disk " + disk, List.of("truncate", "-s", Long.toString(bytes), "--", disk));
        }
        return disk;
    }

    /** Builds the seed here and writes it into the image directory; its removal is pushed on {@code undo}. */
    String placeSeed(String vm, VmSpec.Storage.CloudImage cloud, Deque<Runnable> undo) {
        Path iso = SeedIso.build(NoCloudSeed.files(cloud.cloudInit(), NoCloudSeed.hostnameFor(vm)));
        try {
            String seed = new XenImageFiles(domains).reserve(vm, "-cidata.iso", undo);
            domains.xl().runner().writeFile(seed, Files.readAllBytes(iso));
            return seed;
        } catch (IOException e) {
            throw new DuovirtException("Could not read the cloud-init seed built for '" + vm + "': " + e.getMessage() + ".", e);
        } finally {
            try {
                Files.deleteIfExists(iso);
            } catch (IOException e) {
                // A temporary file of ours; nothing the user needs.
            }
        }
    }
}
