package org.duovirt.xen.it;

import org.duovirt.core.testing.XenTestHosts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;

/**
 * The real Xen host every Xen IT runs against, shared by all ITs of one JVM.
 *
 * <p>The URI comes from {@code DUOVIRT_XEN_URI} when set; otherwise this runs {@code testing/xen-host/up}
 * (once per JVM) and, if the host was not already running before, {@code testing/xen-host/down} when the
 * JVM ends. No host means the ITs fail: they never skip silently.
 */
final class XenTestHost {
    private static String uri;
    private static HostConnection connection;
    private static Dom0Shell shell;

    private XenTestHost() {
    }

    /** The xl+ssh URI of the test host, booting it if needed. */
    static synchronized String uri() {
        if (uri == null) {
            uri = XenTestHosts.uri();
        }
        return uri;
    }

    /** One connection for all ITs: SSH handshakes under emulation take seconds. Never close it in a test. */
    static synchronized HostConnection connection() {
        if (connection == null) {
            connection = Backends.installed().connect(uri());
            Runtime.getRuntime().addShutdownHook(new Thread(connection::close, "close-xen-it-connection"));
        }
        return connection;
    }

    /** Raw commands in dom0 over the system's ssh, to check the backend against xl's own words. */
    static synchronized Dom0Shell shell() {
        if (shell == null) {
            shell = Dom0Shell.forUri(uri());
        }
        return shell;
    }

    record Result(int exit, String output) {
    }

    /** Runs a local command with stderr merged into stdout; output is also echoed for the IT log. */
    static Result run(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            StringBuilder out = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (var in = process.inputReader(StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        System.err.println("[" + Path.of(command.get(0)).getFileName() + "] " + line);
                        synchronized (out) {
                            out.append(line).append('\n');
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + timeout);
            }
            reader.join(10_000);
            synchronized (out) {
                return new Result(process.exitValue(), out.toString());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }
}
