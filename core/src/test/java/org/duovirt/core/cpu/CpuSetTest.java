package org.duovirt.core.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CpuSetTest {
    @Test
    void parsesRangesSinglesAndExclusions() {
        assertThat(CpuSet.parse("0-3,8,^2").toList()).containsExactly(0, 1, 3, 8);
        assertThat(CpuSet.parse(" 5 , 1-2 ").toList()).containsExactly(1, 2, 5);
        assertThat(CpuSet.parse("^1,0-2").toList()).containsExactly(0, 2);
    }

    @Test
    void printsCanonicalRanges() {
        assertThat(CpuSet.of(0, 1, 2, 3, 5, 7, 8).toString()).isEqualTo("0-3,5,7-8");
        assertThat(CpuSet.parse("3,2,1").toString()).isEqualTo("1-3");
        assertThat(CpuSet.empty().toString()).isEmpty();
    }

    @Test
    void rejectsGarbageWithTheBadItemNamed() {
        assertThatThrownBy(() -> CpuSet.parse("0-2,x")).hasMessageContaining("'x'");
        assertThatThrownBy(() -> CpuSet.parse("4-1")).hasMessageContaining("4-1");
        assertThatThrownBy(() -> CpuSet.parse("")).hasMessageContaining("Empty");
        assertThatThrownBy(() -> CpuSet.parse("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CpuSet.parse("99999")).hasMessageContaining("out of range");
    }

    @Test
    void packsAndUnpacksLibvirtBitmaps() {
        CpuSet set = CpuSet.parse("0,3,9");
        byte[] map = set.toBitmap(16);
        assertThat(map).containsExactly((byte) 0b0000_1001, (byte) 0b0000_0010);
        assertThat(CpuSet.fromBitmap(map, 16)).isEqualTo(set);
        assertThat(CpuSet.fromBitmap(map, 4).toList()).containsExactly(0, 3);
    }

    @Test
    void setAlgebra() {
        CpuSet a = CpuSet.parse("0-3");
        CpuSet b = CpuSet.parse("2-5");
        assertThat(a.intersect(b).toString()).isEqualTo("2-3");
        assertThat(a.union(b).toString()).isEqualTo("0-5");
        assertThat(CpuSet.of(2).isSubsetOf(a)).isTrue();
        assertThat(b.isSubsetOf(a)).isFalse();
        assertThat(a.without(1).with(7).toString()).isEqualTo("0,2-3,7");
        assertThat(a.last()).isEqualTo(3);
    }
}
