package org.duovirt.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.duovirt.core.model.CloneDisk;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** clone: a shut-off VM with copy, share or skip per disk; Ctrl-C cancels and removes what was made. */
@Command(name = "clone", description = "Clone a shut-off VM, e.g. clone web web2 --disk vda=copy --disk sda=skip.")
final class CloneCommand extends DeviceCommands.VmCommand {
    @Parameters(index = "1", paramLabel = "NEW_NAME")
    String newName;

    @Option(names = "--disk", paramLabel = "TARGET=copy|share|skip",
            description = "What to do with one disk (default: copy the disks the VM owns, share the others).")
    List<String> disks = List.of();

    @Override
    void run() {
        Map<String, CloneDisk> choices = parseChoices(disks);
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C asks the clone to stop; the JVM waits until it has removed what it made.
        Thread hook = new Thread(() -> {
            cancelled.set(true);
            try {
                finished.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "clone-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            VmSummary clone = host().cloneVm(vm, newName, choices, new ProgressListener() {
                @Override
                public void progress(String step, double fraction) {
                    if (!output().isJson()) {
                        terminal().err().println(step + "…");
                    }
                }

                @Override
                public boolean isCancelled() {
                    return cancelled.get();
                }
            });
            if (output().isJson()) {
                output().json(Map.of("name", clone.name(), "uuid", clone.uuid(), "result", "cloned"));
            } else {
                output().line("VM '" + vm + "' cloned as '" + clone.name() + "'.");
            }
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is running and has just been released.
            }
        }
    }

    static Map<String, CloneDisk> parseChoices(List<String> disks) {
        Map<String, CloneDisk> out = new LinkedHashMap<>();
        for (String disk : disks) {
            String[] parts = disk.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("--disk takes TARGET=copy|share|skip, not '" + disk + "'.");
            }
            try {
                out.put(parts[0].strip(), CloneDisk.valueOf(parts[1].strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + parts[1] + "' is not copy, share or skip.");
            }
        }
        return out;
    }
}
