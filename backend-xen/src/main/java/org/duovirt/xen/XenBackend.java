package org.duovirt.xen;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.HypervisorBackend;
import org.duovirt.xen.transport.CommandResult;
import org.duovirt.xen.transport.CommandRunner;
import org.duovirt.xen.transport.LocalTransport;
import org.duovirt.xen.transport.SshTransport;

/**
 * The Xen backend: Xen's own xl toolstack, run locally ({@code xl:///}) or over SSH
 * ({@code xl+ssh://root@host[:port]/?keyfile=…&known_hosts=…}). No libvirt and no daemon on the host.
 */
public final class XenBackend implements HypervisorBackend {
    public static final String NAME = "Xen (xl)";
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(XenBackend.class.getName());
    /**
     * One exec for what a new connection needs, since each exec is an SSH channel, a shell and a process in dom0:
     * {@code xl list -v} must answer (when it does not, {@code xl info} runs so that its exit code and stderr are the
     * script's, as they always were: "not a Xen host", "not installed", not root), and its output is the first VM
     * listing's domains, so a reconnect runs one xl, not two (right after a dom0 boot {@code xl info} alone took
     * 7-10 s there); after the last {@link #DEVICE_MODEL} line, the device model HVM guests and PV framebuffers
     * need, looked for where Debian's qemu-system-xen (bookworm's libxenlight starts
     * /usr/libexec/xen-qemu-system-i386), older Debian and Xen's own build put it.
     */
    static final String DEVICE_MODEL = "--- duovirt: device model";
    static final String CHECK_SCRIPT = "out=$(xl list -v 2>/dev/null) || { xl info > /dev/null || exit $?; echo 'xl list -v failed' >&2; exit 1; }; "
            + "printf '%s\\n' \"$out\"; echo '" + DEVICE_MODEL + "'; "
            + "for q in /usr/libexec/xen-qemu-system-i386 /usr/lib/xen-*/bin/qemu-system-i386 /usr/bin/qemu-system-i386; do "
            + "[ -x \"$q\" ] && echo \"$q\"; done; exit 0";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> uriSchemes() {
        return Set.of("xl", "xl+ssh");
    }

    @Override
    public Set<Feature> implementedFeatures() {
        return XenConnection.FEATURES;
    }

    @Override
    public java.util.List<String> uriProblems(URI uri, org.duovirt.core.spi.ConnectOptions options) {
        return XenUri.problems(uri);
    }

    @Override
    public HostConnection connect(URI uri) {
        long t0 = System.nanoTime();
        CommandRunner runner = XenUri.isLocal(uri) ? new LocalTransport() : SshTransport.connect(XenUri.sshTarget(uri));
        try {
            long t1 = System.nanoTime();
            // The check's own domain list is not kept as the first listing: a domain another tool creates between
            // the connect and that listing would be missing (XenExistingDiskIT saw it when it was).
            CommandResult check = checkXen(runner);
            String out = check.stdout();
            int mark = out.lastIndexOf(DEVICE_MODEL + "\n");
            // The last mark: a domain's name, printed above it, may be anything.
            String deviceModels = mark < 0 ? "" : out.substring(mark + DEVICE_MODEL.length() + 1);
            long t2 = System.nanoTime();
            // Where a slow (re)connect went: the SSH handshake's phases, then the one check command.
            LOG.fine(() -> runner.hostLabel() + ": Xen connection opened in " + (t2 - t0) / 1_000_000 + " ms ("
                    + (runner instanceof SshTransport ssh ? "SSH " + ssh.openedIn() : "local " + (t1 - t0) / 1_000_000 + " ms")
                    + "; xl check " + (t2 - t1) / 1_000_000 + " ms)");
            return new XenConnection(uri.toString(), runner, !deviceModels.isBlank());
        } catch (RuntimeException e) {
            runner.close();
            throw e;
        }
    }

    /** Over SSH: whether sshd greets (no login, nothing runs in dom0); locally xl needs no probe. */
    @Override
    public java.util.Optional<Boolean> answers(URI uri, java.time.Duration within) {
        try {
            return XenUri.isLocal(uri) ? java.util.Optional.empty()
                    : java.util.Optional.of(org.duovirt.core.ssh.SshSession.greets(XenUri.sshTarget(uri), within));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** {@code xl} must answer, or the host is no Xen dom0 (or we are not root there); see {@link #CHECK_SCRIPT}. */
    private static CommandResult checkXen(CommandRunner runner) {
        String where = runner instanceof LocalTransport ? "This machine" : runner.hostLabel();
        CommandResult info;
        try {
            info = runner.run(List.of("sh", "-c", CHECK_SCRIPT));
        } catch (HostUnreachableException e) {
            throw e;
        } catch (DuovirtException e) {
            throw new DuovirtException(where + " is not a Xen host (xl is not installed).",
                    "Install the Xen tools (Debian: xen-utils) in dom0, or connect to a Xen host.", e.details(), e);
        }
        if (info.ok()) {
            return info;
        }
        String stderr = info.stderr();
        if (stderr.contains("Can't find hypervisor information in sysfs")) {
            throw new DuovirtException(where + " is not a Xen host (xl says: Can't find hypervisor information in sysfs).",
                    "Boot it into Xen, or connect to a Xen dom0 with xl+ssh://root@host/.", stderr, null);
        }
        if (info.exitCode() == 127 || stderr.contains("not found")) {
            throw new DuovirtException(where + " is not a Xen host (xl is not installed).",
                    "Install the Xen tools (Debian: xen-utils) in dom0, or connect to a Xen host.", stderr, null);
        }
        throw XlErrors.error(info, "read the Xen host information", null, runner.hostLabel());
    }
}
