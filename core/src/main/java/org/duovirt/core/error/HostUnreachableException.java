package org.duovirt.core.error;

/** The host does not answer or the connection broke; callers mark the host disconnected and retry. */
public class HostUnreachableException extends DuovirtException {
    private static final long serialVersionUID = 1L;

    public HostUnreachableException(String message, String hint, Throwable cause) {
        super(message, hint, cause == null ? null : String.valueOf(cause.getMessage()), cause);
    }
}
