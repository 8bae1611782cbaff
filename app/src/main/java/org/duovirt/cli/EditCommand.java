package org.duovirt.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duovirt.core.text.LineDiff;
import picocli.CommandLine.Command;

/**
 * edit: the saved definition in $VISUAL or $EDITOR; the change is shown as a diff and applied only after the
 * hypervisor validated it. The temporary copy is private to the user (it may hold a console password) and removed.
 */
@Command(name = "edit", description = "Edit the VM's definition in $EDITOR; validated by the hypervisor before it is applied.")
final class EditCommand extends DeviceCommands.VmCommand {
    @picocli.CommandLine.Option(names = "--editor", paramLabel = "COMMAND",
            description = "The editor to run (default: $VISUAL, else $EDITOR, else vi); the file's path is appended.")
    String editorOption;

    @Override
    void run() throws IOException, InterruptedException {
        String before = host().editableDefinition(vm);
        Path file = Files.createTempFile("duovirt-edit-", ".xml",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(file, before, StandardCharsets.UTF_8);
            List<String> argv = new ArrayList<>(List.of((editorOption != null ? editorOption : editor()).strip().split("\\s+")));
            argv.add(file.toString());
            int code = new ProcessBuilder(argv).inheritIO().start().waitFor();
            if (code != 0) {
                throw new IllegalArgumentException("The editor exited with " + code + "; nothing was applied.");
            }
            String after = Files.readString(file, StandardCharsets.UTF_8);
            List<LineDiff.Line> diff = LineDiff.diff(before, after);
            if (!LineDiff.changed(diff)) {
                done("unchanged", "No change; nothing was applied.");
                return;
            }
            List<LineDiff.Line> changes = LineDiff.changes(diff, 2);
            if (!output().isJson()) {
                changes.forEach(l -> output().line(l.toString()));
            }
            host().redefine(vm, after);
            if (output().isJson()) {
                output().json(Map.of("name", vm, "result", "applied", "diff", changes.stream().map(Object::toString).toList()));
            } else {
                output().line("The edited definition of VM '" + vm + "' was validated and applied.");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String editor() {
        for (String name : List.of("VISUAL", "EDITOR")) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "vi";
    }
}
