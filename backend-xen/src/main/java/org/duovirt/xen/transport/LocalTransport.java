package org.duovirt.xen.transport;

import org.duovirt.core.ssh.ShellQuoter;
import org.duovirt.core.ssh.TcpStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.duovirt.core.error.DuovirtException;

/**
 * Runs commands on this machine with {@link ProcessBuilder} argument lists (no shell).
 *
 * <p>A console needs a terminal: {@link #openPty} runs the command under util-linux {@code script -qfec CMD /dev/null},
 * which allocates a pty. {@code script} takes the command as one shell string, so the argument list is
 * joined with {@link ShellQuoter} there, the one place a local shell sees it.
 */
public final class LocalTransport implements CommandRunner {
    @Override
    public String hostLabel() {
        return "this machine";
    }

    @Override
    public CommandResult run(List<String> argv, byte[] stdin, Duration timeout) {
        Process process = start(argv, Stderr.PIPE);
        StreamDrain out = new StreamDrain(process.getInputStream(), "xl-stdout");
        StreamDrain err = new StreamDrain(process.getErrorStream(), "xl-stderr");
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException e) {
            // The command ended without reading its input; its exit code tells the rest.
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new DuovirtException("'" + argv.get(0) + "' did not finish within " + timeout.toSeconds() + " s on this machine.",
                        "The host may be overloaded; try again.", String.join(" ", argv), null);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DuovirtException("Interrupted while '" + argv.get(0) + "' ran.", e);
        }
        return new CommandResult(argv, process.exitValue(), out.text(5000), err.text(5000));
    }

    @Override
    public RunningCommand openPty(List<String> argv) {
        List<String> script = List.of("script", "-qfec", ShellQuoter.join(argv), "/dev/null");
        return new LocalRunning(start(script, Stderr.MERGE));
    }

    @Override
    public RunningCommand openStream(List<String> argv) {
        return new LocalRunning(start(argv, Stderr.DISCARD));
    }

    @Override
    public TcpStream openTcp(String host, int port) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setTcpNoDelay(true);
            return new TcpStream(socket.getInputStream(), socket.getOutputStream(), socket, "TCP " + host + ":" + port);
        } catch (IOException e) {
            throw new DuovirtException("Cannot reach " + host + ":" + port + " on this host: " + e.getMessage() + ".",
                    "Check that the VM is running and has a VNC display.");
        }
    }

    @Override
    public boolean isAlive() {
        return true;
    }

    @Override
    public void onConnectionLost(Consumer<String> callback) {
        // A local host cannot go away.
    }

    @Override
    public void close() {
        // Nothing held open.
    }

    private enum Stderr { PIPE, MERGE, DISCARD }

    private static Process start(List<String> argv, Stderr stderr) {
        if (!onPath(argv.get(0))) {
            // Behind the umask wrapper a missing program is sh's exit 127; say it as before, in one sentence.
            throw new DuovirtException("Could not run '" + argv.get(0) + "' on this machine: it is not installed.",
                    "Install the Xen tools (Debian: xen-utils) and run Duovirt as root.", String.join(" ", argv), null);
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(RemoteUmask.local(argv)).redirectErrorStream(stderr == Stderr.MERGE);
            if (stderr == Stderr.DISCARD) {
                builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            }
            return builder.start();
        } catch (IOException e) {
            throw new DuovirtException("Could not run '" + argv.get(0) + "' on this machine: " + e.getMessage() + ".",
                    "Install the Xen tools (Debian: xen-utils) and run Duovirt as root.", String.join(" ", argv), e);
        }
    }

    private static boolean onPath(String program) {
        if (program.contains("/")) {
            return java.nio.file.Files.isExecutable(java.nio.file.Path.of(program));
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** A local process seen as a {@link RunningCommand}. */
    private record LocalRunning(Process process) implements RunningCommand {
        @Override
        public InputStream output() {
            return process.getInputStream();
        }

        @Override
        public OutputStream input() {
            return process.getOutputStream();
        }

        @Override
        public boolean isOpen() {
            return process.isAlive();
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }
}
