package org.duovirt.core.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.HostInfo;
import org.duovirt.core.model.VcpuAffinity;
import org.duovirt.core.model.VcpuPinning;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.HostConnection;
import org.junit.jupiter.api.Test;

/**
 * {@link PinSetup#read} counts the host's own pinned vCPUs (Xen's Domain-0, from {@link HostConnection#hostPinning})
 * among the other VMs' pins, and plans without them when they cannot be read.
 */
class PinSetupHostPinsTest {
    private static final CpuSet ALL = CpuSet.parse("0-3");

    /** A host of 4 CPUs with one running VM, "web", 2 vCPUs on any CPU; its own vCPUs as given. */
    private static HostConnection host(Map<String, VcpuPinning> own, boolean fails) {
        return new HostConnection() {
            public String uri() { return "fake:///"; }
            public String backendName() { return "fake"; }
            public Set<Feature> features() { return Set.of(Feature.PIN_LIVE); }
            public boolean isAlive() { return true; }
            public void close() { }
            public HostInfo hostInfo() {
                return new HostInfo("h", "fake", "1", null, 4096, 0, Topologies.of(1, 4, 1, 1, CpuSet.empty()), Set.of());
            }
            public List<VmSummary> listVms(boolean inactive) {
                return List.of(new VmSummary("web", "u", VmState.RUNNING, 1, 2, 2, 1024, 1024));
            }
            public VcpuPinning pinning(String vm) {
                return new VcpuPinning(List.of(new VcpuAffinity(0, ALL, ALL, 0), new VcpuAffinity(1, ALL, ALL, 1)), null);
            }
            public Map<String, VcpuPinning> hostPinning() {
                if (fails) {
                    throw new DuovirtException("xl vcpu-list 0 failed", (String) null);
                }
                return own;
            }
        };
    }

    @Test
    void aPinnedDom0CountsAsPinnedElsewhere() {
        VcpuPinning dom0 = new VcpuPinning(List.of(new VcpuAffinity(0, CpuSet.of(0), ALL, 0)), null);
        PinSetup setup = PinSetup.read(host(Map.of("Domain-0", dom0), false), "web");
        assertThat(setup.context().otherPins()).containsExactly(Map.entry("Domain-0", CpuSet.of(0)));
        assertThat(setup.preset(Preset.of(Preset.Kind.ISOLATE)).hard(0).contains(0)).isFalse();
    }

    @Test
    void unreadableHostPinsLeaveTheVmsPinsAlone() {
        assertThat(PinSetup.read(host(Map.of(), true), "web").context().otherPins()).isEmpty();
    }
}
