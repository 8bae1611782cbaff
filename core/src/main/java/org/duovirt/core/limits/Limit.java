package org.duovirt.core.limits;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * Every bound Duovirt checks a user's number against, with its sentence. The English pattern here is
 * what the CLI and the backends print; the app shows the same key from its message bundles (a test
 * checks the English bundle says exactly this), so a bound reads the same everywhere.
 */
public enum Limit {
    VCPUS_MIN("bounds.vcpus-min", "A VM needs at least 1 vCPU; {0} was asked for."),
    VCPUS_MAX("bounds.vcpus-max", "At most {0} vCPUs are possible for this VM on this host; {1} was asked for."),
    MEMORY_MIN("bounds.memory-min", "Memory must be at least 16 MiB; {0} MiB was asked for."),
    MEMORY_MAX("bounds.memory-max", "Memory of {0} MiB is more than the host''s {1} MiB."),
    DISK_SIZE("bounds.disk-size", "A new disk must be larger than 0 and at most 1 PiB; {0} GiB was asked for."),
    DISK_CAPACITY("bounds.disk-capacity", "A new disk of {0} GiB is larger than all of {1} ({2} GiB)."),
    DISK_FREE("bounds.disk-free", "A new disk of {0} GiB is more than the {1} GiB free in {2}; it is sparse, but it can fill the pool as the guest writes."),
    INTERVAL("bounds.interval", "The interval must be between 0.1 and 86400 seconds; {0} was given."),
    COUNT("bounds.count", "The count must be 0 (until interrupted) or more; {0} was given.");

    private final String key;
    private final String english;

    Limit(String key, String english) {
        this.key = key;
        this.english = english;
    }

    /** The message-bundle key the app shows this bound under. */
    public String key() {
        return key;
    }

    /** The English pattern ({@link MessageFormat}, arguments already text). */
    public String englishPattern() {
        return english;
    }

    String english(List<String> args) {
        return new MessageFormat(english, Locale.ROOT).format(args.toArray());
    }
}
