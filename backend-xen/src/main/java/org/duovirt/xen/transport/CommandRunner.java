package org.duovirt.xen.transport;

import org.duovirt.core.ssh.ShellQuoter;
import org.duovirt.core.ssh.TcpStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.duovirt.core.error.DuovirtException;

/**
 * Runs commands on the Xen host, locally or over SSH. Commands are always argument lists; the SSH
 * transport quotes each argument with {@link ShellQuoter}, so no input ever becomes shell syntax.
 */
public interface CommandRunner extends AutoCloseable {
    /** Long enough for xl under emulation (xl create of a tiny guest takes 9–12 s there). */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    /** The host as messages name it ("this machine", "root@host:2222"). */
    String hostLabel();

    /**
     * Runs a command to its end.
     *
     * @param stdin bytes for its stdin, or null for an empty stdin
     * @throws org.duovirt.core.error.HostUnreachableException when the host cannot be reached
     * @throws DuovirtException when the command cannot be started or outlives {@code timeout}
     */
    CommandResult run(List<String> argv, byte[] stdin, Duration timeout);

    default CommandResult run(List<String> argv) {
        return run(argv, null, DEFAULT_TIMEOUT);
    }

    /** Starts a command on a pseudo-terminal (for {@code xl console}, which needs a tty). */
    RunningCommand openPty(List<String> argv);

    /** Starts a long-lived command and streams its stdout (stderr is dropped). */
    RunningCommand openStream(List<String> argv);

    /**
     * Opens a byte stream to {@code host:port} as seen from the host: a socket on this machine, or a direct-tcpip
     * channel on the existing SSH session (no port is opened on the host and nothing runs there).
     */
    TcpStream openTcp(String host, int port);

    /** Cheap check that the host still answers. Never throws. */
    boolean isAlive();

    /** Called once when the transport sees the host go away (SSH session dead). */
    void onConnectionLost(java.util.function.Consumer<String> callback);

    @Override
    void close();

    /** A small file's content. */
    default byte[] readFile(String path) {
        CommandResult result = run(List.of("cat", "--", path));
        if (!result.ok()) {
            throw new DuovirtException("Could not read " + path + " on " + hostLabel() + ": "
                    + firstLine(result.stderr()), null, result.stderr(), null);
        }
        return result.stdout().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes a small file atomically: into a temporary file beside it, then renamed over it. The
     * script is constant; the path travels as an argument ($1), never inside the script.
     */
    default void writeFile(String path, byte[] content) {
        CommandResult result = run(List.of("sh", "-c", "umask 077 && cat > \"$1.duovirt-tmp\" && mv -f -- \"$1.duovirt-tmp\" \"$1\"",
                "sh", path), content, DEFAULT_TIMEOUT);
        if (!result.ok()) {
            throw new DuovirtException("Could not write " + path + " on " + hostLabel() + ": "
                    + firstLine(result.stderr()), null, result.stderr(), null);
        }
    }

    private static String firstLine(String text) {
        String stripped = text == null ? "" : text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline);
    }
}
