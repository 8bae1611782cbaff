package org.duovirt.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One run of the CLI in-process, with captured output. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        return withInput(new ByteArrayInputStream(new byte[0]), args);
    }

    static CliRun withInput(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            // ends the input for a console command's input thread that outlives the command
            in.close();
        } catch (java.io.IOException ignored) {
            // nothing was left to read
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
