package org.duovirt.cli;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes duovirt(1) in troff from the picocli command tree, so the man page lists exactly the options and
 * subcommands the program parses. picocli-codegen's generator writes AsciiDoc, which would need
 * asciidoctor (Ruby) at build time to become a man page.
 */
final class ManPage {
    private final StringBuilder out = new StringBuilder();

    /** The whole page for {@code root} and every subcommand under it. */
    static String of(CommandLine root, String version, LocalDate date) {
        ManPage page = new ManPage();
        page.write(root.getCommandSpec(), version, date);
        return page.out.toString();
    }

    private void write(CommandSpec root, String version, LocalDate date) {
        line(".TH " + quote(root.name().toUpperCase(Locale.ROOT)) + " 1 " + quote(date.toString()) + " "
                + quote(version) + " " + quote("User Commands"));
        line(".SH NAME");
        line(escape(root.name()) + " \\- " + escape(first(root.usageMessage().description())));
        line(".SH SYNOPSIS");
        line(".B " + root.name());
        line("[\\fIOPTIONS\\fR] [\\fICOMMAND\\fR [\\fIARGS\\fR]]");
        line(".SH DESCRIPTION");
        line(escape(String.join(" ", root.usageMessage().description())));
        line(".SH OPTIONS");
        options(root);
        line(".SH COMMANDS");
        for (CommandLine sub : unique(root)) {
            command(sub.getCommandSpec(), root.name());
        }
        line(".SH FILES");
        line(".TP");
        line("\\fI$XDG_CONFIG_HOME/duovirt/connections.json\\fR");
        line("The saved connections of the desktop app (never a password).");
        line(".TP");
        line("\\fI$XDG_STATE_HOME/duovirt/duovirt.log\\fR");
        line("The desktop app's log.");
        line(".SH ENVIRONMENT");
        line(".TP");
        line(".B DUOVIRT_CONNECT");
        line("The host to use when \\fB\\-c\\fR is not given.");
        line(".SH SEE ALSO");
        line(".BR virsh (1),");
        line(".BR xl (1),");
        line(".BR virt\\-manager (1)");
    }

    private void command(CommandSpec spec, String parents) {
        if (spec.usageMessage().hidden()) {
            return;
        }
        String path = parents + " " + spec.name();
        line(".SS " + quote(path + synopsisArgs(spec)));
        line(escape(String.join(" ", spec.usageMessage().description())));
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                item("\\fI" + escape(p.paramLabel()) + "\\fR", p);
            }
        }
        options(spec);
        for (CommandLine sub : unique(spec)) {
            command(sub.getCommandSpec(), path);
        }
    }

    /** Subcommands once each: picocli's map has one entry per alias. */
    private static Set<CommandLine> unique(CommandSpec spec) {
        return new LinkedHashSet<>(spec.subcommands().values());
    }

    private void options(CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            // Inherited global options are described once, under OPTIONS.
            if (o.hidden() || (o.inherited() && spec.parent() != null)) {
                continue;
            }
            String names = String.join(", ", java.util.Arrays.stream(o.names()).map(n -> "\\fB" + escape(n) + "\\fR").toList());
            String label = o.typeInfo().isBoolean() ? "" : " \\fI" + escape(o.paramLabel()) + "\\fR";
            item(names + label, o);
        }
    }

    private void item(String tag, ArgSpec arg) {
        line(".TP");
        line(tag);
        line(escape(String.join(" ", arg.description())));
    }

    private static String synopsisArgs(CommandSpec spec) {
        StringBuilder s = new StringBuilder();
        if (spec.options().stream().anyMatch(o -> !o.inherited() && !o.hidden())) {
            s.append(" [OPTIONS]");
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            s.append(' ').append(p.arity().min > 0 ? p.paramLabel() : "[" + p.paramLabel() + "]");
        }
        if (!spec.subcommands().isEmpty()) {
            s.append(" COMMAND");
        }
        return s.toString();
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0].replaceAll("\\..*", "");
    }

    /** Backslashes and hyphens escaped; a line that would start with a dot or quote gets a zero-width guard. */
    static String escape(String text) {
        String s = text.replace("\\", "\\e").replace("-", "\\-");
        return s.startsWith(".") || s.startsWith("'") ? "\\&" + s : s;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\\(dq") + "\"";
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
