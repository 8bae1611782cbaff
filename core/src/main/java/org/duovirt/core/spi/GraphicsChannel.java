package org.duovirt.core.spi;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import org.duovirt.core.model.GraphicsEndpoint;

/**
 * A byte stream to a VM's VNC server, however the host is reached (local socket, SSH channel). The RFB
 * protocol runs on top of it ({@code org.duovirt.core.rfb}). Closing it closes both directions.
 */
public interface GraphicsChannel extends Closeable {
    /** What the server sends; ends when the server closes (the VM stopped or rebooted). */
    InputStream fromServer();

    /** What the client sends. */
    OutputStream toServer();

    /** Where the server listens (protocol, address as the host sees it) and the console password, if any. */
    GraphicsEndpoint endpoint();

    /** How the stream was reached, for messages and logs ("UNIX socket /run/…", "SSH channel to …"). */
    String route();
}
