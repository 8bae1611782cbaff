package org.duovirt.core.tools;

import java.nio.file.Files;
import java.nio.file.Path;

/** Programs on this machine's PATH that Duovirt may run (xorriso, virt-xml-validate). */
public final class LocalTools {
    private LocalTools() {
    }

    /** True when an executable of this name is on this machine's PATH. */
    public static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
