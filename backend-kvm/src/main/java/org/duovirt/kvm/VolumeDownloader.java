package org.duovirt.kvm;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.spi.ProgressListener;
import org.libvirt.LibvirtException;
import org.libvirt.StorageVol;
import org.libvirt.Stream;
import org.w3c.dom.Element;

/**
 * Copies a volume into a new local file over a libvirt stream (virStorageVolDownload), so it works the same for a
 * remote {@code qemu+ssh://} host as for this one. The bytes go into a hidden file beside the target (0600, as
 * a disk may hold secrets) that is renamed into place only once the stream has ended; a failure or a cancel
 * deletes it, and an existing file is never overwritten. Runs of zeros are skipped, so the copy stays sparse.
 */
final class VolumeDownloader {
    private static final int CHUNK = 1 << 20;
    private final Domains domains;
    private final KvmStorage storage;

    VolumeDownloader(Domains domains, KvmStorage storage) {
        this.domains = domains;
        this.storage = storage;
    }

    Path download(String poolName, String name, Path target, ProgressListener progress) {
        Path file = target.toAbsolutePath().normalize();
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidSpecException("'" + file + "' exists already; choose a new file name (nothing is overwritten).");
        }
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new InvalidSpecException("Cannot write into '" + dir + "' on this machine; choose another folder.");
        }
        String what = "Downloading volume '" + name + "' of pool '" + poolName + "'";
        return storage.inPool(poolName, what, pool -> {
            StorageVol volume = KvmStorage.volume(pool, poolName, name);
            Path part = null;
            boolean kept = false;
            try {
                long total = size(volume);
                part = Files.createTempFile(dir, "." + file.getFileName() + ".", ".part");
                receive(volume, part, total, what, progress);
                Files.move(part, file);
                kept = true;
                return file;
            } catch (IOException e) {
                throw new DuovirtException(what + " failed: cannot write '" + file + "' (" + e.getMessage() + ").", e);
            } finally {
                if (!kept && part != null) {
                    try {
                        Files.deleteIfExists(part);
                    } catch (IOException ignored) {
                        // The error the user sees is the download's.
                    }
                }
                Domains.freeVolume(volume);
            }
        });
    }

    /** The bytes the stream carries: the file's own size where libvirt says it, else the capacity. */
    private static long size(StorageVol volume) throws LibvirtException {
        Element xml = Xml.parse(volume.getXMLDesc(0));
        long physical = KvmStorage.bytes(Xml.child(xml, "physical"));
        return physical > 0 ? physical : KvmStorage.bytes(Xml.child(xml, "capacity"));
    }

    private void receive(StorageVol volume, Path part, long total, String what, ProgressListener progress)
            throws LibvirtException, IOException {
        Stream stream = domains.connect().streamNew(0);
        boolean finished = false;
        try (RandomAccessFile out = new RandomAccessFile(part.toFile(), "rw")) {
            volume.download(stream, 0, 0, 0);
            byte[] buffer = new byte[CHUNK];
            long got = 0;
            while (true) {
                if (progress.isCancelled()) {
                    throw new DuovirtException(what + " was cancelled; the partial file was removed.", (String) null);
                }
                int n = stream.receive(buffer);
                if (n <= 0) {
                    break;
                }
                if (!zeros(buffer, n)) {
                    out.seek(got);
                    out.write(buffer, 0, n);
                }
                got += n;
                progress.progress("Downloaded " + (got >> 20) + " of " + (total >> 20) + " MiB",
                        total <= 0 ? 0 : Math.min(1.0, (double) got / total));
            }
            out.setLength(got);
            stream.finish();
            finished = true;
        } finally {
            LibvirtStreams.release(stream, finished);
        }
    }

    private static boolean zeros(byte[] buffer, int n) {
        for (int i = 0; i < n; i++) {
            if (buffer[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
