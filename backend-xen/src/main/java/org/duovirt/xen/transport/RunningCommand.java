package org.duovirt.xen.transport;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;

/** A long-lived command (a console on a pty, the xentop stream). Closing it ends the command. */
public interface RunningCommand extends Closeable {
    /** What the command writes (stdout, and stderr too on a pty). Ends when the command ends. */
    InputStream output();

    /** The command's stdin. */
    OutputStream input();

    /** True while the command has not ended. */
    boolean isOpen();

    /** Ends the command; never throws. */
    @Override
    void close();
}
