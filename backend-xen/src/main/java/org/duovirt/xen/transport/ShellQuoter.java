package org.duovirt.xen.transport;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns an argument list into one POSIX shell command line, the only form an SSH exec request takes.
 * Every argument is put in single quotes, where the shell expands nothing; a single quote inside is
 * written {@code '\''} (close, escaped quote, reopen). NUL cannot pass through a command line at all.
 */
public final class ShellQuoter {
    private ShellQuoter() {
    }

    /** One argument, quoted. */
    public static String quote(String argument) {
        if (argument.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A command argument cannot contain a NUL character.");
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    /** The whole command line: each argument quoted, separated by single spaces. */
    public static String join(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("An empty command cannot be run.");
        }
        return argv.stream().map(ShellQuoter::quote).collect(Collectors.joining(" "));
    }
}
