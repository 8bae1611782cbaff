package org.duovirt.xen;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.duovirt.core.ssh.TcpStream;
import org.duovirt.xen.transport.CommandResult;
import org.duovirt.xen.transport.CommandRunner;
import org.duovirt.xen.transport.RunningCommand;

/**
 * A connection's runner that counts the commands it starts, so a listing read before anything else ran (the
 * {@link FirstListing}) is used only while nothing could have changed what it read through this connection.
 */
final class CountingRunner implements CommandRunner {
    private final CommandRunner runner;
    private final AtomicLong started = new AtomicLong();

    CountingRunner(CommandRunner runner) {
        this.runner = runner;
    }

    /** How many commands, streams and channels were started through this runner. */
    long started() {
        return started.get();
    }

    @Override
    public String hostLabel() {
        return runner.hostLabel();
    }

    @Override
    public CommandResult run(List<String> argv, byte[] stdin, Duration timeout) {
        started.incrementAndGet();
        return runner.run(argv, stdin, timeout);
    }

    @Override
    public RunningCommand openPty(List<String> argv) {
        started.incrementAndGet();
        return runner.openPty(argv);
    }

    @Override
    public RunningCommand openStream(List<String> argv) {
        started.incrementAndGet();
        return runner.openStream(argv);
    }

    @Override
    public TcpStream openTcp(String host, int port) {
        started.incrementAndGet();
        return runner.openTcp(host, port);
    }

    @Override
    public boolean isAlive() {
        return runner.isAlive();
    }

    @Override
    public void onConnectionLost(Consumer<String> callback) {
        runner.onConnectionLost(callback);
    }

    @Override
    public void close() {
        runner.close();
    }
}
