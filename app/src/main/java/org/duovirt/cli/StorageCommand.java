package org.duovirt.cli;

import java.util.List;
import org.duovirt.core.model.StorageItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "storage", description = "List a VM's storage and what 'delete --storage' would remove.")
final class StorageCommand extends HostSubcommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    void run() {
        List<StorageItem> items = host().storage(name);
        if (output().isJson()) {
            output().json(items);
            return;
        }
        output().table(List.of("TARGET", "PATH", "SIZE", "DELETE --STORAGE"), items.stream()
                .map(i -> List.of(String.valueOf(i.target()), i.path(), Sizes.bytes(i.capacityBytes()),
                        i.owned() ? "removed" : "kept (" + i.reason() + ")"))
                .toList());
    }
}
