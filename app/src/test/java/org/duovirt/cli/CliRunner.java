package org.duovirt.cli;

/** The CLI in-process for tests outside this package (CliRun is package-private). */
public final class CliRunner {
    private CliRunner() {
    }

    /** One run's exit code and captured output. */
    public record Result(int exitCode, String out, String err) {
    }

    public static Result run(String... args) {
        CliRun r = CliRun.of(args);
        return new Result(r.exitCode(), r.out(), r.err());
    }
}
