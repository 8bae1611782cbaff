package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliDocsTest {
    @Test
    void theManPageHasOneSectionPerSubcommandWithItsOwnOptions() {
        CommandLine tree = CliDocs.tree();
        String page = ManPage.of(tree, "duovirt 0.1.0", LocalDate.of(2026, 12, 1));

        assertThat(page).startsWith(".TH \"DUOVIRT\" 1 \"2026-12-01\" \"duovirt 0.1.0\"");
        for (CommandLine sub : new LinkedHashSet<>(tree.getSubcommands().values())) {
            String heading = ".SS \"duovirt " + sub.getCommandName();
            assertThat(page.split(java.util.regex.Pattern.quote(heading + " ")).length
                    + page.split(java.util.regex.Pattern.quote(heading + "\"")).length - 2)
                    .as(sub.getCommandName()).isEqualTo(1);
        }
        assertThat(page).contains(".SS \"duovirt list [OPTIONS]\"").contains("\\fB\\-a\\fR, \\fB\\-\\-all\\fR");
        // global options once, under OPTIONS, not repeated per subcommand
        assertThat(page.split("\\\\fB\\\\-\\\\-json\\\\fR", -1)).hasSize(2);
    }

    @Test
    void escapingKeepsHyphensAndLeadingDotsLiteral() {
        assertThat(ManPage.escape("a-b")).isEqualTo("a\\-b");
        assertThat(ManPage.escape(".hidden")).isEqualTo("\\&.hidden");
        assertThat(ManPage.escape("C:\\x")).isEqualTo("C:\\ex");
    }

    @Test
    void writesTheManPageAndABashCompletionThatKnowsEverySubcommand(@TempDir Path dir) throws Exception {
        CliDocs.main(new String[] {dir.toString()});

        String bash = Files.readString(dir.resolve("duovirt.bash"));
        assertThat(bash).contains("complete -F _complete_duovirt").contains("list").contains("--all").contains("pin");
        assertThat(Files.readString(dir.resolve("duovirt.1"))).contains(".SH COMMANDS");
    }
}
