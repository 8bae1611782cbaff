package org.duovirt.xen.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.HostInfo;
import org.duovirt.core.model.PhysicalCpu;
import org.duovirt.core.model.VirtMode;
import org.duovirt.xen.Golden;
import org.junit.jupiter.api.Test;

class XlInfoParserTest {
    @Test
    void readsHostFiguresTopologyAndNumaCells() {
        HostInfo host = XlInfoParser.hostInfo(XlInfoParser.parse(Golden.read("golden/xl-info-n-numa.txt")), "QEMU TCG CPU");
        assertThat(host.hostname()).isEqualTo("xenhost");
        assertThat(host.hypervisor()).isEqualTo("Xen");
        assertThat(host.hypervisorVersion()).isEqualTo("4.17.5");
        assertThat(host.totalMemoryKiB()).isEqualTo(3071L * 1024);
        assertThat(host.freeMemoryKiB()).isEqualTo(1893L * 1024);
        assertThat(host.topology().cpuCount()).isEqualTo(4);
        assertThat(host.topology().sockets()).isEqualTo(1);
        assertThat(host.topology().cells()).hasSize(2);
        assertThat(host.topology().cells().get(0).cpus()).isEqualTo(CpuSet.parse("0-1"));
        assertThat(host.topology().cells().get(1).cpus()).isEqualTo(CpuSet.parse("2-3"));
        assertThat(host.topology().cells().get(1).memoryKiB()).isEqualTo(1535L * 1024);
        assertThat(host.topology().cells().get(1).freeMemoryKiB()).isEqualTo(981L * 1024);
        PhysicalCpu cpu2 = host.topology().cpus().get(2);
        assertThat(cpu2.node()).isEqualTo(1);
        assertThat(cpu2.core()).isEqualTo(2);
        assertThat(cpu2.siblings()).isEqualTo(CpuSet.of(2));
    }

    @Test
    void hvmCapableHostOffersPvPvhAndHvm() {
        var info = XlInfoParser.parse(Golden.read("golden/xl-info-n-numa.txt"));
        assertThat(XlInfoParser.modes(info)).isEqualTo(Set.of(VirtMode.PV, VirtMode.PVH, VirtMode.HVM));
    }

    @Test
    void withoutHvmInVirtCapsOnlyPvIsOffered() {
        // xen_caps still lists hvm-3.0-*: the hypervisor was built for it, but the CPU gives no VMX/SVM.
        var info = XlInfoParser.parse(Golden.read("golden/xl-info-pv-only-smt.txt"));
        assertThat(XlInfoParser.modes(info)).containsExactly(VirtMode.PV);
    }

    @Test
    void smtSiblingsShareACore() {
        HostInfo host = XlInfoParser.hostInfo(XlInfoParser.parse(Golden.read("golden/xl-info-pv-only-smt.txt")), null);
        assertThat(host.topology().threadsPerCore()).isEqualTo(2);
        assertThat(host.topology().cpus().get(0).siblings()).isEqualTo(CpuSet.parse("0-1"));
        assertThat(host.topology().cpus().get(3).siblings()).isEqualTo(CpuSet.parse("2-3"));
        assertThat(host.topology().cells()).hasSize(1);
        assertThat(host.topology().cells().get(0).memoryKiB()).isEqualTo(2047L * 1024);
    }

    @Test
    void plainXlInfoWithoutTopologyGivesAFlatHost() {
        var info = XlInfoParser.parse("host : h\nnr_cpus : 3\ntotal_memory : 100\nxen_caps : xen-3.0-x86_64\nvirt_caps : pv\n");
        HostInfo host = XlInfoParser.hostInfo(info, null);
        assertThat(host.topology().cpuCount()).isEqualTo(3);
        assertThat(host.supportedModes()).containsExactly(VirtMode.PV);
    }
}
