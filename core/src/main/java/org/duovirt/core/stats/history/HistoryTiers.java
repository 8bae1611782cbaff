package org.duovirt.core.stats.history;

import java.util.List;

/**
 * The tiers every VM history keeps. Sized for the budget of 1,000 VMs × 24 h in 64 MiB of heap
 * (docs/benchmarks.md): about 4 KiB per series of a VM.
 */
public final class HistoryTiers {
    /** Raw: the last 600 samples (10 min at 1 s); 30 s buckets for 1 h; 5 min buckets for 24 h. */
    public static final List<Tier> STANDARD = List.of(
            new Tier(0, 600),
            new Tier(30_000, 120),
            new Tier(300_000, 288));

    private HistoryTiers() {
    }
}
