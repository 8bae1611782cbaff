package org.duovirt.core.cpu;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An immutable set of physical CPU numbers, written the way libvirt and xl write them: {@code 0-2,5,^1}.
 * Every backend and the CLI parse and print CPU lists through this class so they all agree.
 */
public final class CpuSet {
    private static final int MAX_CPU = 8191;
    private static final CpuSet EMPTY = new CpuSet(new BitSet());
    private final BitSet bits;

    private CpuSet(BitSet bits) {
        this.bits = bits;
    }

    public static CpuSet empty() {
        return EMPTY;
    }

    public static CpuSet of(int... cpus) {
        BitSet bits = new BitSet();
        for (int cpu : cpus) {
            bits.set(checkCpu(cpu));
        }
        return new CpuSet(bits);
    }

    public static CpuSet of(Iterable<Integer> cpus) {
        BitSet bits = new BitSet();
        cpus.forEach(cpu -> bits.set(checkCpu(cpu)));
        return new CpuSet(bits);
    }

    /** CPUs 0 … count-1. */
    public static CpuSet firstN(int count) {
        if (count < 0 || count > MAX_CPU + 1) {
            throw new IllegalArgumentException("A host with " + count + " CPUs is out of range 0-" + (MAX_CPU + 1) + ".");
        }
        BitSet bits = new BitSet();
        bits.set(0, count);
        return new CpuSet(bits);
    }

    /**
     * Parses a list such as {@code 0-3,8,^2}. Exclusions ({@code ^N}) remove from what the positive
     * items added, wherever they stand. Spaces around items are allowed.
     *
     * @throws IllegalArgumentException with a sentence naming the bad item
     */
    public static CpuSet parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Empty CPU list: give CPUs like 0-2,5.");
        }
        BitSet include = new BitSet();
        BitSet exclude = new BitSet();
        for (String raw : text.split(",")) {
            String item = raw.strip();
            boolean negate = item.startsWith("^");
            if (negate) {
                item = item.substring(1).strip();
            }
            int dash = item.indexOf('-');
            int from;
            int to;
            try {
                if (dash > 0) {
                    from = Integer.parseInt(item.substring(0, dash).strip());
                    to = Integer.parseInt(item.substring(dash + 1).strip());
                } else {
                    from = Integer.parseInt(item);
                    to = from;
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Bad CPU list item '" + raw.strip() + "' in '" + text + "': use numbers and ranges like 0-2,5.");
            }
            if (from > to) {
                throw new IllegalArgumentException("Bad CPU range '" + raw.strip() + "': the first CPU must not be larger than the last.");
            }
            checkCpu(from);
            checkCpu(to);
            (negate ? exclude : include).set(from, to + 1);
        }
        include.andNot(exclude);
        return new CpuSet(include);
    }

    /** Reads a packed bitmap (libvirt's cpumap: one byte per 8 CPUs, least significant bit first). */
    public static CpuSet fromBitmap(byte[] map, int cpuCount) {
        BitSet bits = new BitSet();
        for (int cpu = 0; cpu < cpuCount && cpu / 8 < map.length; cpu++) {
            if ((map[cpu / 8] & (1 << (cpu % 8))) != 0) {
                bits.set(cpu);
            }
        }
        return new CpuSet(bits);
    }

    /** Packs into libvirt's cpumap for a host with {@code cpuCount} CPUs. */
    public byte[] toBitmap(int cpuCount) {
        byte[] map = new byte[(cpuCount + 7) / 8];
        bits.stream().filter(cpu -> cpu < cpuCount).forEach(cpu -> map[cpu / 8] |= (byte) (1 << (cpu % 8)));
        return map;
    }

    private static int checkCpu(int cpu) {
        if (cpu < 0 || cpu > MAX_CPU) {
            throw new IllegalArgumentException("CPU number " + cpu + " is out of range 0-" + MAX_CPU + ".");
        }
        return cpu;
    }

    public boolean contains(int cpu) {
        return cpu >= 0 && bits.get(cpu);
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    public int size() {
        return bits.cardinality();
    }

    /** The highest CPU in the set, or -1 when empty. */
    public int last() {
        return bits.length() - 1;
    }

    public IntStream stream() {
        return bits.stream();
    }

    public List<Integer> toList() {
        List<Integer> list = new ArrayList<>();
        bits.stream().forEach(list::add);
        return list;
    }

    public CpuSet with(int cpu) {
        BitSet copy = (BitSet) bits.clone();
        copy.set(checkCpu(cpu));
        return new CpuSet(copy);
    }

    public CpuSet without(int cpu) {
        BitSet copy = (BitSet) bits.clone();
        copy.clear(checkCpu(cpu));
        return new CpuSet(copy);
    }

    public CpuSet union(CpuSet other) {
        BitSet copy = (BitSet) bits.clone();
        copy.or(other.bits);
        return new CpuSet(copy);
    }

    public CpuSet intersect(CpuSet other) {
        BitSet copy = (BitSet) bits.clone();
        copy.and(other.bits);
        return new CpuSet(copy);
    }

    /** True when every CPU of this set is also in {@code other}. */
    public boolean isSubsetOf(CpuSet other) {
        BitSet copy = (BitSet) bits.clone();
        copy.andNot(other.bits);
        return copy.isEmpty();
    }

    /** Canonical form with ranges, e.g. {@code 0-3,8}; empty string for the empty set. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        int cpu = bits.nextSetBit(0);
        while (cpu >= 0) {
            int end = bits.nextClearBit(cpu) - 1;
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(cpu);
            if (end > cpu) {
                out.append('-').append(end);
            }
            cpu = bits.nextSetBit(end + 1);
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuSet other && bits.equals(other.bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }
}
