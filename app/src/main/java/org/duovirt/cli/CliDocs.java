package org.duovirt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Build-time tool (bin/package): writes the man page and the bash completion script from the same picocli
 * command tree the CLI parses, so neither can drift from the program.
 * Usage: {@code CliDocs OUT_DIR} writes OUT_DIR/duovirt.1 and OUT_DIR/duovirt.bash.
 */
public final class CliDocs {
    private CliDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(out);
        CommandLine tree = tree();
        String version = tree.getCommandSpec().version()[0];
        Files.writeString(out.resolve("duovirt.1"), ManPage.of(tree, version, LocalDate.now()));
        Files.writeString(out.resolve("duovirt.bash"), AutoComplete.bash("duovirt", tree));
    }

    /** The command tree, without a terminal: documentation runs no command. */
    static CommandLine tree() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        return new CommandLine(new DuovirtCommand(new Terminal(InputStream.nullInputStream(), nowhere, nowhere)));
    }
}
