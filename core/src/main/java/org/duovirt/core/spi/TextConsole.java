package org.duovirt.core.spi;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;

/** A VM's text console (serial or Xen PV console) as a pair of byte streams. Closing detaches. */
public interface TextConsole extends Closeable {
    /** Bytes the guest writes to its console. Ends when the console closes. */
    InputStream fromGuest();

    /** Bytes typed into the console. */
    OutputStream toGuest();
}
