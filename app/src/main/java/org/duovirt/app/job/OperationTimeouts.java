package org.duovirt.app.job;

import java.time.Duration;

/**
 * How long each kind of operation may take. Timeouts belong to the operation, not the host: a Xen start
 * may take minutes under load while a listing should answer in seconds. A job that outlives its timeout
 * fails (and is asked to stop); it never marks the host lost — liveness is the host's own ping.
 */
public record OperationTimeouts(Duration listing, Duration create, Duration start, Duration delete) {
    public static OperationTimeouts standard() {
        return new OperationTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(5));
    }

    /** A create job with its start: both timeouts. */
    public Duration createAndStart() {
        return create.plus(start);
    }
}
