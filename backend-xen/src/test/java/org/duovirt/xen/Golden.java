package org.duovirt.xen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads golden files from the test class path. */
public final class Golden {
    private Golden() {
    }

    public static String read(String path) {
        try (InputStream in = Golden.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the resource exists (real captures arrive from the Xen host helper). */
    public static boolean exists(String path) {
        return Golden.class.getResource("/" + path) != null;
    }
}
