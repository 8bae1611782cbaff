package org.duovirt.core.error;

/**
 * The one error type the app and the CLI show. Its message is one sentence saying what failed and why;
 * {@link #hint()} says what to do; {@link #details()} carries raw output (stderr, libvirt's message) for
 * "show details".
 */
public class DuovirtException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;
    private final String details;

    public DuovirtException(String message, String hint, String details, Throwable cause) {
        super(message, cause);
        this.hint = hint;
        this.details = details;
    }

    public DuovirtException(String message, String hint) {
        this(message, hint, null, null);
    }

    public DuovirtException(String message, Throwable cause) {
        this(message, null, cause == null ? null : String.valueOf(cause.getMessage()), cause);
    }

    /** What the user can do about it, or null. */
    public String hint() {
        return hint;
    }

    /** Raw detail for "show details", or null. */
    public String details() {
        return details;
    }

    /** Message and hint as the one line the CLI prints and the error dialog heads with. */
    public String userMessage() {
        return hint == null ? getMessage() : getMessage() + " " + hint;
    }
}
