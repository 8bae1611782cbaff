package org.duovirt.app.pinning;

import java.util.function.Consumer;

/**
 * Where the pinning editor learns which CPU each vCPU runs on now. Today {@link PollingCurrentCpuFeed}
 * reads {@code pinning()} on a timer of its own; the stats hub (per-vCPU data each tick) can implement this
 * and take over without the editor changing.
 */
public interface CurrentCpuFeed {
    /**
     * @param onTick called off the UI thread with the current CPU per vCPU (-1 unknown)
     * @return stops the feed
     */
    AutoCloseable subscribe(Consumer<int[]> onTick);
}
