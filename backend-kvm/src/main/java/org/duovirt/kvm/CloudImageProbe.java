package org.duovirt.kvm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.libvirt.LibvirtException;
import org.libvirt.StorageVol;

/**
 * Tells whether a cloud image is a disk image, its format and the size its guest sees: from the pool's volume
 * info where the image is a volume (the only way on a remote host), and from the file's own header on this
 * machine. The header is read because {@code qemu-img info} calls any file a raw image: a raw disk must carry
 * a partition table's boot signature (MBR, or GPT's protective MBR), a qcow2 one its magic.
 */
final class CloudImageProbe {
    /** What the image is, or why it cannot be used. */
    record Result(String format, long virtualBytes, String problem) {
        static Result bad(String problem) {
            return new Result(null, 0, problem);
        }
    }

    private final Domains domains;
    private final boolean local;

    CloudImageProbe(Domains domains, boolean local) {
        this.domains = domains;
        this.local = local;
    }

    Result probe(String path) {
        String shown = path;
        String volumeFormat = null;
        long volumeBytes = 0;
        boolean inPool = false;
        try {
            StorageVol volume = domains.connect().storageVolLookupByPath(path);
            try {
                volumeFormat = Xml.attr(Xml.path(Xml.parse(volume.getXMLDesc(0)), "target", "format"), "type");
                volumeBytes = volume.getInfo().capacity;
                inPool = true;
            } finally {
                Domains.freeVolume(volume);
            }
        } catch (LibvirtException e) {
            // Not a volume of any pool.
        }
        if (local) {
            return header(Path.of(path), shown);
        }
        if (!inPool) {
            return Result.bad("The cloud image '" + shown + "' is not a volume of any storage pool on " + domains.uri()
                    + "; on a remote host it must be one (upload it with duovirt vol-upload).");
        }
        if (!"qcow2".equals(volumeFormat) && !"raw".equals(volumeFormat)) {
            return Result.bad(notAnImage(shown, volumeFormat));
        }
        return new Result(volumeFormat, volumeBytes, null);
    }

    private static Result header(Path file, String shown) {
        if (!Files.isRegularFile(file) && !Files.isSymbolicLink(file)) {
            return Result.bad("The cloud image '" + shown + "' is not a file.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(512);
            if (head.length >= 32 && java.util.Arrays.equals(java.util.Arrays.copyOf(head, 4), VolumeUploader.QCOW2_MAGIC)) {
                // qcow2 header: the guest's size is the big-endian 64-bit number at byte 24.
                return new Result("qcow2", ByteBuffer.wrap(head, 24, 8).getLong(), null);
            }
            if (head.length == 512 && (head[510] & 0xff) == 0x55 && (head[511] & 0xff) == 0xAA) {
                return new Result("raw", Files.size(file), null);
            }
            return Result.bad(notAnImage(shown, null));
        } catch (IOException e) {
            return Result.bad("The cloud image '" + shown + "' cannot be read: " + e.getMessage() + ".");
        }
    }

    private static String notAnImage(String shown, String format) {
        return "'" + shown + "' is not a cloud image: it is " + (format == null ? "neither qcow2 nor a raw disk with a partition table"
                : "a " + format + " volume, not qcow2 or raw") + "; give a .qcow2 or .raw cloud image"
                + " (qemu-img convert makes one).";
    }
}
