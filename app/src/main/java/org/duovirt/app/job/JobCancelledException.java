package org.duovirt.app.job;

import org.duovirt.core.error.DuovirtException;

/** Thrown at a step boundary when the user cancelled; the job ends CANCELLED, not FAILED. */
public final class JobCancelledException extends DuovirtException {
    private static final long serialVersionUID = 1L;

    public JobCancelledException(String title) {
        super(title + " was cancelled.", (String) null);
    }
}
