package org.duovirt.kvm;

import org.duovirt.core.spi.ProgressListener;

/** Asks a creation to stop right after it reported making the disk, to prove the disk is rolled back. */
final class CancelAfterDisk implements ProgressListener {
    private boolean diskMade;

    @Override
    public void progress(String step, double fraction) {
        diskMade |= step.startsWith("Creating a");
    }

    @Override
    public boolean isCancelled() {
        return diskMade;
    }
}
