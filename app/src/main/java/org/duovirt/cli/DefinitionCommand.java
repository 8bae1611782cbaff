package org.duovirt.cli;

import org.duovirt.core.text.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "definition", aliases = "dumpxml", description = "Print the VM's definition (libvirt XML or xl config).")
final class DefinitionCommand extends HostSubcommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    void run() {
        String text = host().definition(name);
        if (output().isJson()) {
            output().json(java.util.Map.of("name", name, "definition", text));
        } else {
            String shown = Printable.block(text);
            terminal().out().print(shown.endsWith("\n") ? shown : shown + "\n");
        }
    }
}
