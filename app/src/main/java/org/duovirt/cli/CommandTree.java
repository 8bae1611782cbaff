package org.duovirt.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds the picocli tree for one command line. picocli reflects over every subcommand's options and their
 * generic types when a tree is made: for ~60 subcommands most of a short command's CPU time (0.27 s of
 * CPU for {@code duovirt --version}, against 0.04 s for the bare JVM). When the command line starts with a
 * subcommand's name or alias, the tree holds the global options and that subcommand only: nothing else is
 * reachable from such a command line. Any other one (global options first, {@code --help},
 * {@code --version}, a typo, which gets picocli's suggestions) gets the whole tree, as do the man page and
 * the completion ({@link CliDocs}).
 */
final class CommandTree {
    private CommandTree() {
    }

    static CommandLine forArgs(DuovirtCommand root, String[] args) {
        Command top = DuovirtCommand.class.getAnnotation(Command.class);
        Class<?> wanted = args.length == 0 ? null : named(top.subcommands(), args[0]);
        if (wanted == null) {
            return new CommandLine(root);
        }
        CommandSpec spec = CommandSpec.wrapWithoutInspection(root).name(top.name()).version(top.version())
                .mixinStandardHelpOptions(top.mixinStandardHelpOptions());
        spec.addMixin("options", CommandSpec.forAnnotatedObject(root.options));
        CommandLine line = new CommandLine(spec);
        try {
            line.addSubcommand(CommandLine.defaultFactory().create(wanted));
        } catch (Exception e) {
            return new CommandLine(root); // cannot happen for our commands; the whole tree reports it as usual
        }
        return line;
    }

    private static Class<?> named(Class<?>[] subcommands, String word) {
        for (Class<?> c : subcommands) {
            Command command = c.getAnnotation(Command.class);
            if (command != null && (command.name().equals(word) || Arrays.asList(command.aliases()).contains(word))) {
                return c;
            }
        }
        return null;
    }
}
