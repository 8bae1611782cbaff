package org.duovirt.kvm;

import org.libvirt.LibvirtException;
import org.libvirt.Stream;

/** The end of a volume transfer's libvirt stream, whichever way the transfer went. */
final class LibvirtStreams {
    private LibvirtStreams() {
    }

    /** Aborts the stream unless it {@code finished}, then frees it; neither step may mask the transfer's own error. */
    static void release(Stream stream, boolean finished) {
        if (!finished) {
            try {
                stream.abort();
            } catch (LibvirtException | RuntimeException ignored) {
                // The stream is dead either way.
            }
        }
        try {
            stream.free();
        } catch (LibvirtException | RuntimeException ignored) {
            // Reclaimed with the connection.
        }
    }
}
