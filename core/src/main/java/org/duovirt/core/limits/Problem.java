package org.duovirt.core.limits;

import java.util.List;

/**
 * One broken bound: which one and the values it names, already as text (so no locale regroups the
 * digits and the CLI and the app print the same characters).
 */
public record Problem(Limit limit, List<String> args) {
    public Problem {
        args = List.copyOf(args);
    }

    static Problem of(Limit limit, Object... args) {
        return new Problem(limit, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The English sentence the CLI and the backends print. */
    public String text() {
        return limit.english(args);
    }

    @Override
    public String toString() {
        return text();
    }
}
