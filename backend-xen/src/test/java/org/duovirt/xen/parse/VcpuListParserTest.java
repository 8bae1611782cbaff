package org.duovirt.xen.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.VcpuAffinity;
import org.duovirt.core.model.VcpuPinning;
import org.duovirt.xen.Golden;
import org.junit.jupiter.api.Test;

class VcpuListParserTest {
    private static final CpuSet HOST = CpuSet.parse("0-3");

    @Test
    void readsHardAndSoftMasksAndCurrentCpus() {
        VcpuPinning pinning = VcpuListParser.parse(Golden.read("golden/xl-vcpu-list.txt"), HOST);
        assertThat(pinning.vcpus()).hasSize(3);
        assertThat(pinning.emulatorCpus()).isNull();
        assertThat(pinning.vcpus().get(0)).isEqualTo(new VcpuAffinity(0, CpuSet.of(3), CpuSet.parse("2-3"), 3));
        assertThat(pinning.vcpus().get(1)).isEqualTo(new VcpuAffinity(1, HOST, HOST, 1));
    }

    @Test
    void offlineVcpuHasNoCurrentCpuAndNoneIsEmpty() {
        VcpuAffinity offline = VcpuListParser.parse(Golden.read("golden/xl-vcpu-list.txt"), HOST).vcpus().get(2);
        assertThat(offline.currentCpu()).isEqualTo(-1);
        assertThat(offline.hard()).isEqualTo(CpuSet.parse("0,2-3"));
        assertThat(offline.soft()).isEqualTo(CpuSet.empty());
    }

    @Test
    void realXlLineFromTheNotes() {
        VcpuPinning pinning = VcpuListParser.parse("domU                                 1     0    3   r--      11.4  3 / 2-3\n", HOST);
        assertThat(pinning.vcpus().get(0).soft()).isEqualTo(CpuSet.parse("2-3"));
    }
}
