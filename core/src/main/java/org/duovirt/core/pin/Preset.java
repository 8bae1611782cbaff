package org.duovirt.core.pin;

import java.util.Locale;

/**
 * A named way to pin a whole VM, as {@code duovirt pin --preset} spells it: {@code compact}, {@code spread},
 * {@code numa:N}, {@code avoid-smt}, {@code isolate}, {@code none}.
 *
 * @param node the NUMA node of {@link Kind#NUMA}; -1 for the others
 */
public record Preset(Kind kind, int node) {
    /** The presets; {@link PinPresets} says what each one computes. */
    public enum Kind {
        COMPACT("compact"), SPREAD("spread"), NUMA("numa"), AVOID_SMT("avoid-smt"), ISOLATE("isolate"), NONE("none");

        private final String cliName;

        Kind(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }
    }

    public Preset {
        if (kind == Kind.NUMA ? node < 0 : node != -1) {
            throw new IllegalArgumentException(kind == Kind.NUMA ? "NUMA node numbers start at 0." : "Only numa:N takes a node.");
        }
    }

    public static Preset of(Kind kind) {
        return new Preset(kind, -1);
    }

    public static Preset numa(int node) {
        return new Preset(Kind.NUMA, node);
    }

    /** Reads a CLI name; an unknown name is refused in one sentence listing the known ones. */
    public static Preset parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("numa:")) {
            String n = t.substring(5);
            if (!n.matches("\\d{1,4}")) {
                throw new IllegalArgumentException("Bad NUMA node '" + text.strip().substring(5) + "': write numa:0, numa:1 and so on.");
            }
            return numa(Integer.parseInt(n));
        }
        for (Kind k : Kind.values()) {
            if (k != Kind.NUMA && k.cliName.equals(t)) {
                return of(k);
            }
        }
        throw new IllegalArgumentException("Unknown preset '" + text + "': use compact, spread, numa:N, avoid-smt, isolate or none.");
    }

    @Override
    public String toString() {
        return kind == Kind.NUMA ? "numa:" + node : kind.cliName;
    }
}
