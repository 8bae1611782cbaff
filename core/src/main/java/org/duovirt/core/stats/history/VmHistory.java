package org.duovirt.core.stats.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duovirt.core.stats.SeriesKey;

/**
 * The whole history of one VM: a raw tier and coarser tiers, one float ring per series per tier. Series
 * appear as the VM first reports them (a vCPU hot-added after a restart gets its own from then on, NaN
 * before). One writer (the host's stats thread) and any number of readers: every method holds this
 * object's lock for a copy of at most a few thousand floats.
 */
public final class VmHistory {
    private final RawTier raw;
    private final List<CoarseTier> coarse = new ArrayList<>();
    private final List<Tier> tiers;
    private final List<SeriesKey> keys = new ArrayList<>();
    private final Map<SeriesKey, Integer> index = new HashMap<>();
    private List<SeriesKey> keysView = List.of();

    public VmHistory(List<Tier> tiers) {
        if (tiers.isEmpty() || !tiers.get(0).raw()) {
            throw new IllegalArgumentException("The first tier must be the raw one.");
        }
        this.tiers = List.copyOf(tiers);
        this.raw = new RawTier(tiers.get(0));
        for (Tier t : tiers.subList(1, tiers.size())) {
            coarse.add(new CoarseTier(t));
        }
    }

    /** Appends one sample taken at {@code timeMillis} (epoch ms); keys not given are NaN in it. */
    public synchronized void add(long timeMillis, Map<SeriesKey, Double> values) {
        for (SeriesKey k : values.keySet()) {
            if (!index.containsKey(k)) {
                index.put(k, keys.size());
                keys.add(k);
                raw.addSeries();
                coarse.forEach(CoarseTier::addSeries);
                keysView = List.copyOf(keys);
            }
        }
        float[] row = new float[keys.size()];
        java.util.Arrays.fill(row, Float.NaN);
        values.forEach((k, v) -> row[index.get(k)] = v == null ? Float.NaN : v.floatValue());
        raw.add(timeMillis, row);
        for (CoarseTier t : coarse) {
            t.add(timeMillis, row);
        }
    }

    /**
     * Marks that the VM had no sample at {@code timeMillis} (stopped, or its host away): one gap sample in
     * the raw tier, so a chart breaks its line there. Repeated gaps add nothing.
     */
    public synchronized void gap(long timeMillis) {
        if (!raw.lastIsGap() && timeMillis > raw.lastTime()) {
            float[] row = new float[keys.size()];
            java.util.Arrays.fill(row, Float.NaN);
            raw.add(timeMillis, row);
        }
    }

    /** The series this VM has reported so far, in first-seen order. */
    public synchronized List<SeriesKey> keys() {
        return keysView;
    }

    /** Samples (raw tier) or buckets (coarse tiers) in [from, to]. */
    public synchronized HistoryWindow window(int tier, long fromMillis, long toMillis) {
        return tier == 0 ? raw.window(keysView, fromMillis, toMillis)
                : coarse.get(tier - 1).window(keysView, fromMillis, toMillis);
    }

    /** The range ending at {@code nowMillis}, from the tier that range reads. */
    public HistoryWindow window(HistoryRange range, long nowMillis) {
        return window(range.tier(), nowMillis - range.length().toMillis(), nowMillis);
    }

    /** The newest {@code n} raw samples (sparklines). */
    public synchronized HistoryWindow latest(int n) {
        return raw.latest(keysView, n);
    }

    /** The newest {@code n} raw samples of only the given series (those this VM has), for cheap redraws. */
    public synchronized HistoryWindow latest(int n, java.util.Set<SeriesKey> only) {
        return raw.latest(keysView.stream().filter(only::contains).toList(), index, n);
    }

    public synchronized int rawSize() {
        return raw.size();
    }

    public List<Tier> tiers() {
        return tiers;
    }

    /** An estimate of the heap held by the rings (the benchmark measures the real figure). */
    public synchronized long estimatedBytes() {
        long b = raw.bytes();
        for (CoarseTier t : coarse) {
            b += t.bytes();
        }
        return b;
    }
}
