package org.duovirt.xen.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * Every command Duovirt runs on a Xen host runs with umask 077, so whatever it creates there (configs,
 * disk images, save files holding guest memory, directories) is root's alone: 0600 files, 0700
 * directories, whatever the host's default umask (0022 on Debian).
 */
final class RemoteUmask {
    /** Put before an SSH command line, which the login shell reads. */
    static final String PREFIX = "umask 077; ";

    private RemoteUmask() {
    }

    /** A local argv wrapped in {@code sh -c 'umask 077; exec "$@"'}: the arguments stay arguments. */
    static List<String> local(List<String> argv) {
        List<String> out = new ArrayList<>(List.of("sh", "-c", "umask 077; exec \"$@\"", "sh"));
        out.addAll(argv);
        return out;
    }
}
