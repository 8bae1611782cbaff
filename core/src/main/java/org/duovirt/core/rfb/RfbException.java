package org.duovirt.core.rfb;

import org.duovirt.core.error.DuovirtException;

/** A VNC (RFB) session failed: the message is one sentence a user can act on. */
public class RfbException extends DuovirtException {
    private static final long serialVersionUID = 1L;

    public RfbException(String message, String hint) {
        super(message, hint);
    }

    public RfbException(String message, String hint, Throwable cause) {
        super(message, hint, cause == null ? null : String.valueOf(cause.getMessage()), cause);
    }
}
