package org.duovirt.xen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.duovirt.xen.transport.CommandResult;
import org.duovirt.xen.transport.CommandRunner;

/**
 * Runs xl and its siblings (xentop, xenstore-read) through the host's {@link CommandRunner} and turns
 * failures into {@link XlErrors} sentences. Judged by the exit code only: xl prints warnings on stderr
 * even when it succeeds.
 */
public final class Xl {
    private final CommandRunner runner;

    public Xl(CommandRunner runner) {
        this.runner = runner;
    }

    public CommandRunner runner() {
        return runner;
    }

    /** Runs {@code xl args…} and returns its stdout. */
    public String xl(String action, String vm, String... args) {
        return ok(command("xl", args), null, action, vm, CommandRunner.DEFAULT_TIMEOUT);
    }

    /** Runs {@code xl args…} with a longer timeout (create, save, restore, destroy under emulation). */
    public String xlSlow(String action, String vm, String... args) {
        return ok(command("xl", args), null, action, vm, Duration.ofMinutes(5));
    }

    /** Runs any command and returns its stdout. */
    public String run(String action, List<String> argv) {
        return ok(argv, null, action, null, CommandRunner.DEFAULT_TIMEOUT);
    }

    /** Runs a command and hands back the result whatever its exit code. */
    public CommandResult raw(List<String> argv) {
        return runner.run(argv);
    }

    private String ok(List<String> argv, byte[] stdin, String action, String vm, Duration timeout) {
        CommandResult result = runner.run(argv, stdin, timeout);
        if (!result.ok()) {
            throw XlErrors.error(result, action, vm, runner.hostLabel());
        }
        return result.stdout();
    }

    static List<String> command(String program, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(List.of(args));
        return argv;
    }
}
