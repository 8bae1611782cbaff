package org.duovirt.app.graphics;

import java.io.File;
import java.io.IOException;
import java.util.List;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.GraphicsEndpoint;

/** SPICE displays open in virt-viewer's remote-viewer, when it is installed. */
final class RemoteViewer {
    private RemoteViewer() {
    }

    static boolean installed() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, "remote-viewer").canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** Starts remote-viewer on the display (an argument list: nothing is parsed by a shell). */
    static void launch(String vm, GraphicsEndpoint g) {
        if (!installed()) {
            throw new DuovirtException("VM '" + vm + "' has a SPICE display and remote-viewer is not installed.",
                    "Install the Debian package virt-viewer, then open the console again.");
        }
        String host = g.host() == null || g.host().isEmpty() || g.host().equals("0.0.0.0") ? "127.0.0.1" : g.host();
        String target = g.socketPath() != null ? "spice+unix://" + g.socketPath() : "spice://" + host + ":" + g.port();
        try {
            new ProcessBuilder(List.of("remote-viewer", "--title", vm, target)).inheritIO().start();
        } catch (IOException e) {
            throw new DuovirtException("Cannot start remote-viewer for VM '" + vm + "': " + e.getMessage() + ".",
                    "Check the virt-viewer installation.");
        }
    }
}
