package org.duovirt.core.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.duovirt.core.error.InvalidSpecException;
import org.junit.jupiter.api.Test;

class BoundsTest {
    @Test
    void vcpusAreCheckedAgainstTheGivenMaximum() {
        assertThat(Bounds.vcpus(0, 255).text()).isEqualTo("A VM needs at least 1 vCPU; 0 was asked for.");
        assertThat(Bounds.vcpus(255, 255)).isNull();
        assertThat(Bounds.vcpus(Integer.MAX_VALUE, 255).text())
                .isEqualTo("At most 255 vCPUs are possible for this VM on this host; 2147483647 was asked for.");
    }

    @Test
    void memoryOverflowingKibIsRefusedNotWrapped() {
        // 18014398509481985 MiB * 1024 wraps to 1024 KiB in long arithmetic.
        assertThat(18014398509481985L * 1024).isEqualTo(1024);
        assertThatThrownBy(() -> Units.mibToKiB(18014398509481985L)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("Memory of 18014398509481985 MiB is more than");
        assertThat(Bounds.memory(18014398509481985L, 24_000).text())
                .isEqualTo("Memory of 18014398509481985 MiB is more than the host's 24000 MiB.");
        assertThat(Units.mibToKiB(64)).isEqualTo(65536);
    }

    @Test
    void diskSizesAreRealNumbersUpToOnePebibyte() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 1e300, (1 << 20) + 1}) {
            assertThat(Bounds.diskSize(bad)).as("%s", bad).isNotNull();
            assertThatThrownBy(() -> Units.gibToBytes(bad)).isInstanceOf(InvalidSpecException.class);
        }
        assertThat(Units.gibToBytes(1 << 20)).isEqualTo(1L << 50);
        assertThat(Units.gibToBytes(0.5)).isEqualTo(1L << 29);
    }

    @Test
    void aDiskPastThePoolsCapacityIsRefusedAndPastItsFreeSpaceIsAWarning() {
        long gib = 1L << 30;
        assertThat(Bounds.diskInPool(10 * gib, "pool 'p'", 100 * gib, 50 * gib)).isNull();
        Problem warning = Bounds.diskInPool(60 * gib, "pool 'p'", 100 * gib, 50 * gib);
        assertThat(warning.limit()).isEqualTo(Limit.DISK_FREE);
        assertThat(warning.text()).startsWith("A new disk of 60.0 GiB is more than the 50.0 GiB free in pool 'p'");
        Problem refusal = Bounds.diskInPool(1_000_000 * gib, "pool 'p'", 252 * gib, 50 * gib);
        assertThat(refusal.limit()).isEqualTo(Limit.DISK_CAPACITY);
        assertThat(refusal.text()).isEqualTo("A new disk of 1000000.0 GiB is larger than all of pool 'p' (252.0 GiB).");
    }

    @Test
    void intervalsAndCountsMustBeSane() {
        for (double bad : new double[] {Double.POSITIVE_INFINITY, 1e300, 1e-9, 0, -1, Double.NaN, 86_401}) {
            assertThat(Bounds.interval(bad)).as("%s", bad).isNotNull();
        }
        assertThat(Bounds.interval(0.1)).isNull();
        assertThat(Bounds.interval(2)).isNull();
        assertThat(Bounds.count(-1).text()).isEqualTo("The count must be 0 (until interrupted) or more; -1 was given.");
        assertThat(Bounds.count(0)).isNull();
    }

    @Test
    void requireThrowsEveryProblemAsOneSpecException() {
        assertThatThrownBy(() -> Bounds.require(Bounds.interval(0), null, Bounds.count(-2)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("The interval must be between 0.1 and 86400 seconds; 0.0 was given. "
                        + "The count must be 0 (until interrupted) or more; -2 was given.");
    }
}
