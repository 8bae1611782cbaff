package org.duovirt.xen.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.testing.Dom0Ssh;

/**
 * Runs commands as root in the test host's dom0 with the system's OpenSSH client, independently of the
 * backend under test, so the ITs can compare what the backend says with what xl says. Every argument is
 * single-quoted for the remote shell.
 */
final class Dom0Shell {
    private final List<String> ssh;

    private Dom0Shell(List<String> ssh) {
        this.ssh = List.copyOf(ssh);
    }

    static Dom0Shell forUri(String uri) {
        return new Dom0Shell(Dom0Ssh.command(uri));
    }

    /** Runs argv in dom0; the result has the exit code and stdout+stderr. */
    XenTestHost.Result run(String... argv) {
        StringBuilder remote = new StringBuilder();
        for (String arg : argv) {
            remote.append(remote.length() == 0 ? "" : " ").append('\'').append(arg.replace("'", "'\\''")).append('\'');
        }
        List<String> command = new ArrayList<>(ssh);
        command.add(remote.toString());
        return XenTestHost.run(command, Duration.ofMinutes(5));
    }

    /** Runs argv in dom0 and returns its output; fails the test when it exits non-zero. */
    String check(String... argv) {
        XenTestHost.Result result = run(argv);
        if (result.exit() != 0) {
            throw new AssertionError("dom0 command " + List.of(argv) + " exited " + result.exit() + ": " + result.output());
        }
        return result.output();
    }

    /** True when the path exists in dom0. */
    boolean exists(String path) {
        return run("test", "-e", path).exit() == 0;
    }

    /** The port and SSH destination, for messages. */
    @Override
    public String toString() {
        return String.join(" ", ssh);
    }
}
