package org.duovirt.kvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.duovirt.core.cloudinit.CloudInitConfig;
import org.duovirt.core.cloudinit.NoCloudSeed;
import org.duovirt.core.cloudinit.SeedIso;
import org.duovirt.core.spi.ProgressListener;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/**
 * Puts a VM's NoCloud seed into the host's storage: built on this machine, uploaded over a libvirt stream as a
 * volume beside the VM's disk (so it works on a remote host too), removed with the VM or a failed creation.
 */
final class CloudSeeds {
    private CloudSeeds() {
    }

    /** The seed volume's name stem for a VM: {@code <vm>-cidata}. */
    static String stem(String vmName) {
        return vmName + "-cidata";
    }

    /** @return the path of the new seed volume in {@code pool} */
    static String place(Domains domains, StoragePool pool, String vmName, CloudInitConfig config, ProgressListener progress)
            throws LibvirtException {
        Path iso = SeedIso.build(NoCloudSeed.files(config, NoCloudSeed.hostnameFor(vmName)));
        try {
            pool.refresh(0);
            String name = StoragePools.uniqueName(pool, StoragePools.fileStem(stem(vmName)), "iso");
            ProgressListener cancelOnly = new ProgressListener() {
                @Override
                public void progress(String step, double fraction) {
                    // The upload's own steps are too fine for the creation's progress.
                }

                @Override
                public boolean isCancelled() {
                    return progress.isCancelled();
                }
            };
            return new VolumeUploader(domains, new KvmStorage(domains)).upload(pool.getName(), name, iso, cancelOnly).path();
        } finally {
            try {
                Files.deleteIfExists(iso);
            } catch (IOException e) {
                // A temporary file of ours; nothing the user needs.
            }
        }
    }

    /** Removes a seed volume; best effort while undoing a failed creation. */
    static void remove(Domains domains, String path) {
        try {
            StorageVol volume = domains.connect().storageVolLookupByPath(path);
            volume.delete(0);
            Domains.freeVolume(volume);
        } catch (LibvirtException | RuntimeException e) {
            // The original error is what the user needs to see.
        }
    }
}
