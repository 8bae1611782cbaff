package org.duovirt.app.host;

import java.time.Duration;

/**
 * The delays between reconnect attempts: optionally a steady phase of short fixed steps first (a host
 * that restarts its daemon or reboots is usually back within a minute, and should be seen within a
 * second of answering), then exponential back-off: 2 s, 4 s, 8 s … capped at 60 s. Not thread-safe.
 */
public final class Backoff {
    private final Duration first;
    private final Duration max;
    private final Duration steady;
    private final int steadyAttempts;
    private Duration next;
    private int attempts;

    public Backoff(Duration first, Duration max) {
        this(Duration.ZERO, 0, first, max);
    }

    /** {@code steadyAttempts} attempts {@code steady} apart, then back-off from {@code first} to {@code max}. */
    public Backoff(Duration steady, int steadyAttempts, Duration first, Duration max) {
        this.steady = steady;
        this.steadyAttempts = steadyAttempts;
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /**
     * Every second for the first minute after a loss (a failed connect to a host that is down costs one
     * refused socket or one SSH handshake attempt), then the back-off.
     */
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), 60, Duration.ofSeconds(2), Duration.ofSeconds(60));
    }

    /** The delay before the next attempt; past the steady phase each call doubles the one after. */
    public Duration next() {
        if (attempts < steadyAttempts) {
            attempts++;
            return steady;
        }
        Duration now = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return now;
    }

    public void reset() {
        next = first;
        attempts = 0;
    }
}
