package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.VirtMode;
import org.junit.jupiter.api.Test;

class CapabilitiesParserTest {

    @Test
    void readsTheQemuHostsCpusCellsModelAndBothVirtTypes() {
        HostCapabilities caps = CapabilitiesParser.parse(Golden.read("caps-qemu.xml"));

        assertThat(caps.cpuModel()).isEqualTo("Broadwell-noTSX-IBRS");
        assertThat(caps.arch()).isEqualTo("x86_64");
        assertThat(caps.modes()).containsExactlyInAnyOrder(VirtMode.KVM, VirtMode.QEMU);
        assertThat(caps.defaultDomainType()).isEqualTo("kvm");
        CpuTopology topology = caps.topology();
        assertThat(topology.cpuCount()).isEqualTo(2);
        assertThat(topology.sockets()).isEqualTo(1);
        assertThat(topology.coresPerSocket()).isEqualTo(2);
        assertThat(topology.threadsPerCore()).isEqualTo(1);
        assertThat(topology.cells()).hasSize(1);
        assertThat(topology.cells().get(0).memoryKiB()).isEqualTo(5728468L);
        assertThat(topology.cpus().get(1).siblings()).isEqualTo(CpuSet.of(1));
    }

    @Test
    void readsTheTestDriversTwoSocketsInTwoNumaCells() {
        HostCapabilities caps = CapabilitiesParser.parse(Golden.read("caps-test.xml"));

        CpuTopology topology = caps.topology();
        assertThat(topology.cpuCount()).isEqualTo(16);
        assertThat(topology.sockets()).isEqualTo(2);
        assertThat(topology.coresPerSocket()).isEqualTo(8);
        assertThat(topology.threadsPerCore()).isEqualTo(1);
        assertThat(topology.cells()).extracting(c -> c.cpus().toString()).containsExactly("0-7", "8-15");
        assertThat(topology.cells().get(1).memoryKiB()).isEqualTo(4194304L);
        assertThat(topology.cpus().get(9).socket()).isEqualTo(1);
        assertThat(topology.cpus().get(9).core()).isEqualTo(1);
        assertThat(topology.cpus().get(9).node()).isEqualTo(1);
        assertThat(caps.domainTypes()).containsExactly("test");
        assertThat(caps.modes()).isEmpty();
        assertThat(caps.defaultDomainType()).isEqualTo("test");
    }

    @Test
    void readsSmtSiblingsAndOfflineCpus() {
        String xml = """
                <capabilities><host><cpu><arch>x86_64</arch><topology sockets='1' cores='2' threads='2'/></cpu>
                <topology><cells num='1'><cell id='0'><memory unit='GiB'>2</memory><cpus num='5'>
                  <cpu id='0' socket_id='0' core_id='0' siblings='0,2'/>
                  <cpu id='1' socket_id='0' core_id='1' siblings='1,3'/>
                  <cpu id='2' socket_id='0' core_id='0' siblings='0,2'/>
                  <cpu id='3' socket_id='0' core_id='1' siblings='1,3'/>
                  <cpu id='4'/>
                </cpus></cell></cells></topology></host></capabilities>""";

        CpuTopology topology = CapabilitiesParser.parse(xml).topology();

        assertThat(topology.threadsPerCore()).isEqualTo(2);
        assertThat(topology.coresPerSocket()).isEqualTo(2);
        assertThat(topology.cpus().get(2).siblings()).isEqualTo(CpuSet.of(0, 2));
        assertThat(topology.cpus().get(4).online()).isFalse();
        assertThat(topology.cells().get(0).memoryKiB()).isEqualTo(2L * 1024 * 1024);
    }
}
