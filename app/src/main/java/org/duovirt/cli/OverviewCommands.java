package org.duovirt.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** rename (virsh domrename) and desc: the overview page's name and description; disk-cache: the disk page's cache mode. */
final class OverviewCommands {
    private OverviewCommands() {
    }

    @Command(name = "rename", description = "Rename a shut-off VM (refused while it runs or when the name is taken).")
    static final class Rename extends DeviceCommands.VmCommand {
        @Parameters(index = "1", paramLabel = "NEW_NAME")
        String newName;

        @Override
        void run() {
            host().rename(vm, newName);
            if (output().isJson()) {
                output().json(Map.of("name", newName, "was", vm, "result", "renamed"));
            } else {
                output().line("VM '" + vm + "' renamed to '" + newName + "'.");
            }
        }
    }

    @Command(name = "desc", description = "Show a VM's description, or set it (--set TEXT; --set '' removes it).")
    static final class Desc extends DeviceCommands.VmCommand {
        @Option(names = "--set", paramLabel = "TEXT", description = "The new description; may hold several lines.")
        String text;

        @Override
        void run() {
            if (text != null) {
                host().setDescription(vm, text);
                done("saved", text.isEmpty() ? "Description of VM '" + vm + "' removed." : "Description of VM '" + vm + "' saved.");
                return;
            }
            String now = host().description(vm);
            if (output().isJson()) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("name", vm);
                out.put("description", now);
                output().json(out);
            } else {
                output().block(now);
            }
        }
    }

    @Command(name = "disk-cache", description = "Set a disk's cache mode in the saved definition (applies at the next start): "
            + "default, none, writethrough, writeback, directsync or unsafe.")
    static final class DiskCache extends DeviceCommands.VmCommand {
        @Parameters(index = "1", paramLabel = "TARGET", description = "The disk, e.g. vda.")
        String target;
        @Parameters(index = "2", paramLabel = "MODE")
        String mode;

        @Override
        void run() {
            host().setDiskCache(vm, target, mode);
            done("saved", "Disk " + target + " of VM '" + vm + "' now has cache mode " + mode + " (from its next start).");
        }
    }
}
