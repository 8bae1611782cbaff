package org.duovirt.cli;

import java.util.List;
import org.duovirt.core.model.StorageItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delete", aliases = "undefine",
        description = "Delete a stopped VM's definition; with --storage also the disks it owns (see 'storage').")
final class DeleteCommand extends HostSubcommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--storage", description = "Also remove the VM's own disk images.")
    boolean storage;

    @Override
    void run() {
        List<String> removed = storage
                ? host().storage(name).stream().filter(StorageItem::owned).map(StorageItem::path).toList()
                : List.of();
        host().delete(name, storage);
        if (output().isJson()) {
            output().json(java.util.Map.of("name", name, "removedStorage", removed));
        } else {
            output().line("VM '" + name + "' deleted" + (removed.isEmpty() ? "." : ", with " + String.join(", ", removed) + "."));
        }
    }
}
