package org.duovirt.core.pin;

import java.util.List;

/**
 * Something about a plan the user should know before applying it. The app words it from its message bundle
 * ({@code pin.warning.<kind>} with {@link #args}); {@link #message()} is the English sentence the CLI prints.
 */
public record PinWarning(Kind kind, List<String> args) {
    /** The kinds, with the English pattern of each ({@link java.text.MessageFormat} style). */
    public enum Kind {
        SHARED_CPU("vCPUs {0} are all pinned to CPU {1} alone and take turns on it."),
        OVERCOMMIT("{0} vCPUs share only {1} CPUs ({2})."),
        NUMA_SPLIT("The vCPUs run on NUMA nodes {0} while the memory is on node {1}: the others reach it remotely."),
        MEMORY_ELSEWHERE("The vCPUs run on NUMA node {0} while the memory is on node {1}: every access is remote."),
        OVERLAP("CPUs {1} are also pinned by {0}."),
        OFFLINE("{0} includes offline CPUs {1}."),
        OUTSIDE_POOL("{0} includes CPUs {1} outside its cpupool ({2})."),
        EMULATOR_SHARES("The emulator threads share CPUs {0} with vCPUs {1}.");

        private final String english;

        Kind(String english) {
            this.english = english;
        }

        public String english() {
            return english;
        }

        /** The bundle key of this kind. */
        public String key() {
            return "pin.warning." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public PinWarning {
        args = List.copyOf(args);
    }

    public static PinWarning of(Kind kind, Object... args) {
        return new PinWarning(kind, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    public String message() {
        return java.text.MessageFormat.format(kind.english.replace("'", "''"), args.toArray());
    }
}
