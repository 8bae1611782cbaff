package org.duovirt.app.host;

import java.time.Duration;

/** Exponential back-off between reconnect attempts: 2 s, 4 s, 8 s … capped at 60 s. Not thread-safe. */
public final class Backoff {
    private final Duration first;
    private final Duration max;
    private Duration next;

    public Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60));
    }

    /** The delay before the next attempt; each call doubles the one after. */
    public Duration next() {
        Duration now = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return now;
    }

    public void reset() {
        next = first;
    }
}
