package org.duovirt.core.error;

/**
 * The host answered and refused us: its SSH host key is not the known one, or it refused the login. Trying
 * again unchanged cannot succeed (the user must accept the key or load one that is allowed) and each
 * refused login counts against us in the host's log (fail2ban bans after a few), so the app does not retry
 * it on its own; the user's Connect tries again.
 */
public class HostRefusedException extends HostUnreachableException {
    private static final long serialVersionUID = 1L;

    /** What was refused. */
    public enum Reason {
        /** The host's SSH key is unknown or has changed. */
        HOST_KEY,
        /** The host refused the login (no key accepted, or libvirt refused the user). */
        LOGIN
    }

    private final Reason reason;

    public HostRefusedException(Reason reason, String message, String hint, Throwable cause) {
        super(message, hint, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
