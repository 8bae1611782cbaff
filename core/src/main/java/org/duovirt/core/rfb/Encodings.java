package org.duovirt.core.rfb;

/** RFB encoding numbers (RFC 6143 and the community registry). */
public final class Encodings {
    public static final int RAW = 0;
    public static final int COPY_RECT = 1;
    public static final int ZRLE = 16;
    public static final int CURSOR = -239;
    public static final int DESKTOP_SIZE = -223;
    public static final int LAST_RECT = -224;
    public static final int EXTENDED_DESKTOP_SIZE = -308;
    public static final int QEMU_POINTER_MOTION_CHANGE = -257;
    public static final int QEMU_EXTENDED_KEY_EVENT = -258;
    public static final int LED_STATE = -261;

    /** In order of preference: the server picks the first it knows for each rectangle. */
    public static final int[] OFFERED = {ZRLE, COPY_RECT, RAW, CURSOR, DESKTOP_SIZE, EXTENDED_DESKTOP_SIZE, LAST_RECT,
            QEMU_POINTER_MOTION_CHANGE, QEMU_EXTENDED_KEY_EVENT, LED_STATE};

    private Encodings() {
    }
}
