package org.duovirt.xen.transport;

import java.util.List;

/** What a finished command left: its exit code and its output as text (UTF-8). */
public record CommandResult(List<String> argv, int exitCode, String stdout, String stderr) {
    public CommandResult {
        argv = List.copyOf(argv);
    }

    public boolean ok() {
        return exitCode == 0;
    }
}
