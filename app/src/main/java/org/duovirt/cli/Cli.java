package org.duovirt.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.text.Printable;
import picocli.CommandLine;

/**
 * The duovirt command line: every subcommand runs over the same backends and core services as the
 * desktop app. Failures print one line on stderr and exit 1; {@code --debug} adds the stack trace.
 */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args) {
        return run(args, System.in, System.out, System.err);
    }

    /** Runs one command line with the given standard streams (tests pass their own). */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Terminal terminal = new Terminal(in, out, err);
        DuovirtCommand root = new DuovirtCommand(terminal);
        CommandLine line = CommandTree.forArgs(root, args);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            err.println("duovirt: " + Printable.line(oneLine(ex)));
            if (root.debug()) {
                ex.printStackTrace(err);
            }
            return 1;
        });
        // Bad arguments are errors like any other: one line, exit 1.
        line.setParameterExceptionHandler((ex, args2) -> {
            String command = commandPath(ex.getCommandLine());
            err.println("duovirt: " + ex.getMessage().strip() + " (see 'duovirt " + (command.isEmpty() ? "" : command + " ") + "--help').");
            return 1;
        });
        try {
            return line.execute(args);
        } finally {
            root.closeConnection();
        }
    }

    private static String commandPath(CommandLine cmd) {
        String name = cmd.getCommandSpec().qualifiedName(" ");
        return name.startsWith("duovirt") ? name.substring("duovirt".length()).strip() : name;
    }

    /** The sentence the user sees: a DuovirtException's own words, anything else named as unexpected. */
    static String oneLine(Throwable ex) {
        if (ex instanceof DuovirtException d) {
            return d.userMessage();
        }
        if (ex instanceof IllegalArgumentException) {
            return ex.getMessage();
        }
        return "Unexpected error: " + ex + " (run with --debug for details).";
    }
}
