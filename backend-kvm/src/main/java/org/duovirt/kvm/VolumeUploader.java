package org.duovirt.kvm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.DeviceInputs;
import org.duovirt.core.model.VolumeInfo;
import org.duovirt.core.spi.ProgressListener;
import org.libvirt.LibvirtException;
import org.libvirt.Stream;
import org.libvirt.StorageVol;

/**
 * Copies a local file into a new volume over a libvirt stream (virStorageVolUpload), so it works the same
 * for a remote {@code qemu+ssh://} host as for this one. A failure or a cancel deletes the new volume.
 */
final class VolumeUploader {
    private static final int CHUNK = 1 << 20;
    static final byte[] QCOW2_MAGIC = {'Q', 'F', 'I', (byte) 0xfb};
    private final Domains domains;
    private final KvmStorage storage;

    VolumeUploader(Domains domains, KvmStorage storage) {
        this.domains = domains;
        this.storage = storage;
    }

    VolumeInfo upload(String poolName, String name, Path file, ProgressListener progress) {
        KvmStorage.reject(DeviceInputs.volumeNameProblem(name));
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidSpecException("'" + file + "' is not a readable file on this machine.");
        }
        long size;
        String format;
        try {
            size = Files.size(file);
            format = isQcow2(file) ? "qcow2" : "raw";
        } catch (IOException e) {
            throw new InvalidSpecException("Cannot read '" + file + "': " + e.getMessage() + ".");
        }
        String what = "Uploading '" + file.getFileName() + "' into pool '" + poolName + "'";
        return storage.inPool(poolName, what, pool -> {
            pool.refresh(0);
            if (List.of(pool.listVolumes()).contains(name)) {
                throw new InvalidSpecException("Pool '" + poolName + "' already has a volume named '" + name + "'.");
            }
            KvmStorage.reject(DeviceInputs.sizeProblem(Math.max(size, 1), pool.getInfo().available));
            XmlOut x = new XmlOut();
            x.start("volume");
            x.textElement("name", name);
            x.textElement("capacity", Long.toString(Math.max(size, 1)), "unit", "bytes");
            x.start("target").empty("format", "type", format).end();
            x.end();
            StorageVol volume = pool.storageVolCreateXML(x.toString(), 0);
            try {
                send(volume, file, size, what, progress);
                return KvmStorage.info(poolName, volume, Map.of());
            } catch (RuntimeException | LibvirtException e) {
                try {
                    volume.delete(0);
                } catch (LibvirtException ignored) {
                    // Best effort: the error the user sees is the upload's.
                }
                throw e;
            } finally {
                Domains.freeVolume(volume);
            }
        });
    }

    private void send(StorageVol volume, Path file, long size, String what, ProgressListener progress) throws LibvirtException {
        Stream stream = domains.connect().streamNew(0);
        boolean finished = false;
        try (InputStream in = Files.newInputStream(file)) {
            volume.upload(stream, 0, size, 0);
            byte[] buffer = new byte[CHUNK];
            long sent = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (progress.isCancelled()) {
                    throw new DuovirtException(what + " was cancelled; the partial volume was removed.", (String) null);
                }
                byte[] chunk = n == buffer.length ? buffer : Arrays.copyOf(buffer, n);
                int off = 0;
                while (off < n) {
                    int wrote = stream.send(off == 0 ? chunk : Arrays.copyOfRange(chunk, off, n));
                    if (wrote <= 0) {
                        throw new DuovirtException(what + " failed: the host stopped taking data.", (String) null);
                    }
                    off += wrote;
                }
                sent += n;
                progress.progress("Uploaded " + (sent >> 20) + " of " + (size >> 20) + " MiB", size == 0 ? 1 : (double) sent / size);
            }
            stream.finish();
            finished = true;
        } catch (IOException e) {
            throw new DuovirtException(what + " failed: cannot read the file (" + e.getMessage() + ").", e);
        } finally {
            LibvirtStreams.release(stream, finished);
        }
    }

    static boolean isQcow2(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), QCOW2_MAGIC);
        }
    }
}
