package org.duovirt.cli;

/** The duovirt command line. */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args) {
        return 0;
    }
}
