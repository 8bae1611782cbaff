package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandTreeTest {
    private static DuovirtCommand root() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new DuovirtCommand(new Terminal(new ByteArrayInputStream(new byte[0]), sink, sink));
    }

    @Test
    void aCommandLineThatStartsWithASubcommandGetsATreeOfThatOneWithTheGlobalOptions() {
        CommandLine tree = CommandTree.forArgs(root(), new String[] {"list", "--all", "-c", "test:///default"});

        assertThat(tree.getSubcommands()).containsOnlyKeys("list");
        CommandLine list = tree.getSubcommands().get("list");
        assertThat(list.getCommandSpec().findOption("--all")).isNotNull();
        assertThat(list.getCommandSpec().findOption("--connect")).as("inherited from the top").isNotNull();
        assertThat(list.getCommandSpec().findOption("--json")).isNotNull();
        assertThat(list.getCommandSpec().qualifiedName(" ")).isEqualTo("duovirt list");
    }

    @Test
    void globalOptionsFirstHelpVersionOrATypoGetTheWholeTree() {
        int all = new CommandLine(root()).getSubcommands().size();
        for (String[] args : new String[][] {{"-c", "test:///default", "list"}, {"--help"}, {"--version"}, {"lsit"}, {}}) {
            assertThat(CommandTree.forArgs(root(), args).getSubcommands()).as(String.join(" ", args)).hasSize(all);
        }
        assertThat(all).isGreaterThan(40);
    }

    @Test
    void throughTheSmallTreeASubcommandRunsItsGlobalOptionsApplyAndErrorsNameIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int listed = Cli.run(new String[] {"list", "--all", "--json", "-c", "test:///default"}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int wrong = Cli.run(new String[] {"list", "--no-such-option", "-c", "test:///default"}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(listed).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).startsWith("[").contains("\"name\"").contains("\"test\"");
        assertThat(wrong).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--no-such-option").contains("see 'duovirt list --help'");
    }
}
