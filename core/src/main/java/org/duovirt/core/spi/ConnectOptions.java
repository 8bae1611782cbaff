package org.duovirt.core.spi;

/**
 * How far a connection URI is trusted.
 *
 * @param allowPrograms the user wrote URI parameters that run a program on this machine (libvirt's
 *                      {@code command=}, {@code netcat=} …) in the connection dialog's advanced field
 *                      and confirmed them; everywhere else (the CLI, a hand-edited connections.json) they
 *                      are refused
 */
public record ConnectOptions(boolean allowPrograms) {
    /** The default: nothing in a URI may run a program. */
    public static final ConnectOptions STRICT = new ConnectOptions(false);
    public static final ConnectOptions PROGRAMS_CONFIRMED = new ConnectOptions(true);
}
