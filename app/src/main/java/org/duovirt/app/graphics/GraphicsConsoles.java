package org.duovirt.app.graphics;

import org.duovirt.app.config.AppDirs;
import org.duovirt.core.model.VmState;

/** Shared bits of the graphical consoles: where scaling is remembered, which states have a screen. */
public final class GraphicsConsoles {
    private static ScalingStore scalings;

    private GraphicsConsoles() {
    }

    public static synchronized ScalingStore scalings() {
        if (scalings == null) {
            scalings = new ScalingStore(AppDirs.fromEnvironment().config().resolve("console-scaling.json"));
        }
        return scalings;
    }

    public static boolean running(VmState state) {
        return state == VmState.RUNNING || state == VmState.PAUSED;
    }
}
