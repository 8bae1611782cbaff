package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.stats.HostCpuRates;
import org.duovirt.core.stats.HostCpuSample;
import org.junit.jupiter.api.Test;

/** The host's per-CPU sample carries where each running vCPU is, as `virsh vcpuinfo` says (test driver). */
class VcpuPlacementTest {
    @Test
    void everyVcpuOfTheRunningVmIsPlacedOnTheCpuVirshNames() throws Exception {
        try (HostConnection host = Backends.installed().connect("test:///default")) {
            if (!host.listVms(false).stream().anyMatch(v -> v.name().equals("test"))) {
                host.start("test");
            }
            HostCpuSample sample = host.hostCpuSample();
            List<HostCpuSample.PlacedVcpu> test = sample.vcpus().stream().filter(v -> v.vm().equals("test")).toList();
            // `virsh -c test:///default vcpuinfo test`: VCPU 0 and VCPU 1 both on CPU 15.
            assertThat(test).extracting(HostCpuSample.PlacedVcpu::vcpu).containsExactly(0, 1);
            assertThat(test).extracting(HostCpuSample.PlacedVcpu::cpu).containsExactly(15, 15);
            // The test driver's virNodeGetCPUMap counts 8 CPUs whatever the node says; the overview draws the topology.
            assertThat(sample.cpus()).isNotEmpty();
            HostCpuRates rates = HostCpuRates.between(sample, host.hostCpuSample());
            assertThat(rates.placement().get(15)).containsExactly("test/0", "test/1");
            assertThat(rates.placement().get(0)).isEmpty();
            assertThat(rates.approximate()).isFalse();
        }
    }
}
