package org.duovirt.app.storage;

import org.duovirt.app.Messages;
import org.duovirt.app.host.Units;
import org.duovirt.core.model.DeviceInputs;

/**
 * Whether a volume or disk may grow to a typed size: a size that parses (overflow-safe), is larger than now and
 * whose growth fits in the pool's free space. Shared by the Storage tab and the disk page.
 */
public final class GrowCheck {
    private GrowCheck() {
    }

    /**
     * @param name           the volume or disk, as the sentence names it
     * @param capacityBytes  its size now
     * @param pool           the pool it lives in, or null when it is in none (the host then checks alone)
     * @param availableBytes the pool's free space, ignored without a pool
     * @return why it cannot grow to {@code sizeText}, one sentence, or null when it can
     */
    public static String problem(String sizeText, String name, long capacityBytes, String pool, long availableBytes) {
        if (sizeText == null || sizeText.isBlank()) {
            return Messages.get("storage.grow.size-needed");
        }
        long bytes;
        try {
            bytes = DeviceInputs.parseSize(sizeText);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (bytes <= capacityBytes) {
            return Messages.get("storage.grow.bigger", name, capacityBytes >> 20);
        }
        String size = DeviceInputs.sizeProblem(bytes, -1);
        if (size != null) {
            return size;
        }
        long growth = bytes - capacityBytes;
        if (pool != null && availableBytes >= 0 && growth > availableBytes) {
            return Messages.get("storage.grow.no-room", pool, Units.bytes(availableBytes), name, Units.bytes(growth));
        }
        return null;
    }
}
