package org.duovirt.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs local commands for integration tests (virsh, the testing/ scripts) as argument lists, never through
 * a shell. Shared by every module's tests through core's test jar.
 */
public final class Commands {
    private Commands() {
    }

    /** Exit code and output (stderr merged into stdout). */
    public record Result(int exit, String output) {
    }

    /** Runs the command; a timeout kills it and reports exit -1 (output is read on its own thread, so a
     * command that keeps its output open cannot outlast the timeout). */
    public static Result run(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // the process was killed: keep what was read
                }
            }, "command-output");
            reader.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            String text;
            synchronized (out) {
                text = out.toString(StandardCharsets.UTF_8);
            }
            return new Result(finished ? process.exitValue() : -1, text);
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs the command and returns its output; a non-zero exit or a timeout fails the test. */
    public static String ok(List<String> command, Duration timeout) {
        Result result = run(command, timeout);
        if (result.exit() != 0) {
            throw new AssertionError(command + " failed (exit " + result.exit() + "): " + result.output());
        }
        return result.output();
    }

    /** virsh against {@code uri} with an argument list (no shell); its output, a non-zero exit fails the test. */
    public static String virsh(String uri, String... args) {
        return ok(virshArgs(uri, args), Duration.ofMinutes(1));
    }

    /** virsh against {@code uri}, its failure ignored (tidying what may be gone already). */
    public static Result virshQuietly(String uri, String... args) {
        return run(virshArgs(uri, args), Duration.ofMinutes(1));
    }

    private static List<String> virshArgs(String uri, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("virsh", "-c", uri));
        argv.addAll(List.of(args));
        return argv;
    }
}
