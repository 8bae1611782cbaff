package org.duovirt.core.ssh;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one SSH handshake's time went, read from JSch's own log lines as they come (a per-session JSch logger):
 * the TCP connect, the server's greeting (its version string), the key exchange and the login. A slow reconnect
 * to a host that has just booted is then explained in the log, not guessed. Thread-safe (JSch logs from the
 * connecting thread only, the summary may be read from another).
 */
final class SshPhases implements com.jcraft.jsch.Logger {
    /** The JSch messages that end a phase, in order, and the phase's name. */
    private static final String[][] MARKS = {
            // The socket comes from GreetedSocket, which hands it over once the server's first bytes are in.
            {"Connection established", "TCP and greeting"},
            {"SSH_MSG_NEWKEYS received", "key exchange"},
            {"Authentication succeeded", "login"},
    };
    private final long start = System.nanoTime();
    private final List<String> done = new ArrayList<>();
    private long last = start;
    private int next;
    private volatile String ending;

    @Override
    public boolean isEnabled(int level) {
        return level <= INFO;
    }

    @Override
    public synchronized void log(int level, String message) {
        // JSch says why its session loop ended only here: kept, so a lost host is explained in the log.
        if (message != null && (message.startsWith("Caught an exception, leaving main loop") || message.startsWith("Disconnecting from"))) {
            // the first line: JSch appends the exception's stack trace to its message
            ending = ending == null ? message.lines().findFirst().orElse(message) : ending;
            return;
        }
        for (int i = next; message != null && i < MARKS.length; i++) {
            if (message.startsWith(MARKS[i][0])) {
                long now = System.nanoTime();
                // A phase whose own line did not come (another JSch version) is counted into the next.
                done.add(MARKS[i][1] + " " + (now - last) / 1_000_000 + " ms");
                last = now;
                next = i + 1;
                return;
            }
        }
    }

    /** What JSch logged when the session ended ("Caught an exception, leaving main loop due to …"), or null. */
    String ending() {
        return ending;
    }

    /** "3770 ms (TCP and greeting 2310 ms, key exchange 640 ms, login 820 ms)" (as far as it got). */
    synchronized String summary() {
        String phases = String.join(", ", done);
        return (System.nanoTime() - start) / 1_000_000 + " ms" + (phases.isEmpty() ? "" : " (" + phases + ")");
    }
}
