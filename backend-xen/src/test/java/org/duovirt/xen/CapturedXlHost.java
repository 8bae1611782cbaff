package org.duovirt.xen;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.duovirt.core.ssh.TcpStream;
import org.duovirt.xen.transport.CommandResult;
import org.duovirt.xen.transport.CommandRunner;
import org.duovirt.xen.transport.LocalTransport;
import org.duovirt.xen.transport.RunningCommand;

/**
 * A host whose {@code xl} answers with output captured on the real Xen host (keyed by its arguments), while
 * every other command (the backend's constant shell scripts: realpath, head, od, stat …) really runs here through
 * sh, on files the test made. So the scripts are tested as they run in dom0, and xl's side is real output.
 */
final class CapturedXlHost implements CommandRunner {
    private final LocalTransport local = new LocalTransport();
    private final Map<String, String> xl;

    /** @param xl "list -l" → the captured stdout of {@code xl list -l}, and so on; xl exits 1 on anything else */
    CapturedXlHost(Map<String, String> xl) {
        this.xl = xl; // live: a test may add an answer once it knows the path
    }

    @Override
    public String hostLabel() {
        return "dom0";
    }

    @Override
    public CommandResult run(List<String> argv, byte[] stdin, Duration timeout) {
        if (argv.get(0).equals("xl")) {
            String out = xl.get(String.join(" ", argv.subList(1, argv.size())));
            if (out == null) {
                // What xl says of a command it refuses: exit 1 (a test leaves out the answer to make a step fail).
                return new CommandResult(argv, 1, "", "no captured output for " + argv);
            }
            return new CommandResult(argv, 0, out, "");
        }
        return local.run(argv, stdin, timeout);
    }

    @Override
    public RunningCommand openPty(List<String> argv) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RunningCommand openStream(List<String> argv) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TcpStream openTcp(String host, int port) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isAlive() {
        return true;
    }

    @Override
    public void onConnectionLost(Consumer<String> callback) {
    }

    @Override
    public void close() {
    }
}
