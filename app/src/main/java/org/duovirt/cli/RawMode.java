package org.duovirt.cli;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;

/** Puts the controlling terminal in raw mode for the console and restores it on close. */
final class RawMode implements AutoCloseable {
    private final boolean active;

    private RawMode(boolean active) {
        this.active = active;
    }

    static RawMode none() {
        return new RawMode(false);
    }

    static RawMode enter() {
        return new RawMode(stty("raw", "-echo"));
    }

    @Override
    public void close() {
        if (active) {
            stty("sane");
        }
    }

    private static boolean stty(String... settings) {
        String[] argv = new String[settings.length + 1];
        argv[0] = "stty";
        System.arraycopy(settings, 0, argv, 1, settings.length);
        try {
            return new ProcessBuilder(argv).redirectInput(Redirect.INHERIT).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
