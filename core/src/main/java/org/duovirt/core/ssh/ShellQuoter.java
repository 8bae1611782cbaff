package org.duovirt.core.ssh;

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

    /** Characters no POSIX shell treats specially anywhere in a word. */
    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

    /**
     * A command line for a person to copy: arguments made only of characters no shell treats specially
     * stay bare, every other one is {@link #quote quoted}. Reads like what one would type and runs as
     * exactly these arguments.
     */
    public static String forDisplay(List<String> argv) {
        return argv.stream().map(a -> PLAIN.matcher(a).matches() ? a : quote(a)).collect(Collectors.joining(" "));
    }
}
