package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.error.NotSupportedException;
import org.duovirt.core.model.VcpuPinning;
import org.duovirt.core.error.VmNotFoundException;
import org.duovirt.core.model.HostInfo;
import org.duovirt.core.model.LifecycleEvent;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.model.VmDetails;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.HostListener;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.StatsSample;
import org.duovirt.core.stats.VmCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backend against libvirt's in-process test driver (test:///default: one running domain "test",
 * 16 CPUs in 2 NUMA cells). Its state lives as long as one connection is open, so every test starts fresh.
 */
class TestDriverTest {
    private HostConnection host;

    // test:///default is one shared instance per process: every test leaves "test" as it found it.

    @BeforeEach
    void connect() {
        host = Backends.installed().connect("test:///default");
        // test:///default keeps its state while any handle on it lives, so put "test" back as it starts.
        if (host.listVms(true).get(0).state() != VmState.RUNNING) {
            host.start("test");
        }
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void theServiceLoaderFindsTheBackendForLibvirtSchemes() {
        Backends backends = Backends.installed();
        assertThat(backends.forUri("qemu+ssh://root@example/system")).isInstanceOf(KvmBackend.class);
        assertThat(backends.forUri("test:///default")).isInstanceOf(KvmBackend.class);
        assertThat(host.backendName()).isEqualTo("KVM (libvirt)");
        assertThat(host.isAlive()).isTrue();
        assertThat(host.features()).contains(Feature.LIST, Feature.EVENTS).doesNotContain(Feature.PIN_SOFT);
    }

    @Test
    void hostInfoShowsTheTestNodesCpusAndCells() {
        HostInfo info = host.hostInfo();

        assertThat(info.hypervisor()).isEqualTo("Test");
        assertThat(info.topology().cpuCount()).isEqualTo(16);
        assertThat(info.topology().cells()).hasSize(2);
        assertThat(info.totalMemoryKiB()).isPositive();
        assertThat(info.hypervisorVersion()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void listsTheRunningTestDomainWithItsFigures() {
        assertThat(host.listVms(true)).singleElement().satisfies(vm -> {
            assertThat(vm.name()).isEqualTo("test");
            assertThat(vm.state()).isEqualTo(VmState.RUNNING);
            assertThat(vm.id()).isPositive();
            assertThat(vm.vcpus()).isEqualTo(2);
            assertThat(vm.memoryKiB()).isEqualTo(2097152L);
            assertThat(vm.maxMemoryKiB()).isEqualTo(8388608L);
            assertThat(vm.uuid()).isEqualTo("6695eb01-f6a4-8304-79aa-97f2502e193f");
        });
        host.destroy("test");
        assertThat(host.listVms(false)).isEmpty();
        assertThat(host.listVms(true)).extracting(VmSummary::state).containsExactly(VmState.SHUTOFF);
    }

    @Test
    void detailsAndDefinitionComeFromTheDomainXml() {
        VmDetails details = host.details("test");

        assertThat(details.osType()).isEqualTo("hvm");
        assertThat(details.disks()).extracting(d -> d.target()).containsExactly("vda");
        assertThat(details.nics()).extracting(n -> n.network()).containsExactly("default");
        assertThat(host.definition("test")).contains("<name>test</name>");
    }

    @Test
    void lifecycleOperationsChangeTheStateAndRaiseEvents() throws Exception {
        BlockingQueue<LifecycleEvent> events = new LinkedBlockingQueue<>();
        try (AutoCloseable ignored = host.addListener(events::add)) {
            host.pause("test");
            assertThat(host.listVms(true).get(0).state()).isEqualTo(VmState.PAUSED);
            assertEvent(events, LifecycleEvent.Kind.SUSPENDED, VmState.PAUSED);

            host.resume("test");
            assertEvent(events, LifecycleEvent.Kind.RESUMED, VmState.RUNNING);

            host.destroy("test");
            assertEvent(events, LifecycleEvent.Kind.STOPPED, VmState.SHUTOFF);

            host.start("test");
            assertEvent(events, LifecycleEvent.Kind.STARTED, VmState.RUNNING);
            assertThat(host.listVms(false)).extracting(VmSummary::name).containsExactly("test");
        }
    }

    @Test
    void saveStopsTheVmAndStartRestoresIt() {
        host.save("test");
        // Shut off with a managed-save image: virt-manager's "Saved".
        assertThat(host.listVms(true).get(0).state()).isEqualTo(VmState.SAVED);

        host.start("test");
        assertThat(host.listVms(true).get(0).state()).isEqualTo(VmState.RUNNING);
    }

    @Test
    void shutdownAndRebootAreAccepted() {
        host.reboot("test");
        assertThat(host.listVms(true).get(0).state()).isEqualTo(VmState.RUNNING);
        host.shutdown("test");
        assertThat(host.listVms(true).get(0).state()).isEqualTo(VmState.SHUTOFF);
    }

    @Test
    void vcpusAndMemoryChangeLiveAndPersistently() {
        host.setMemory("test", 1024, PinScope.both());
        host.setVcpus("test", 1, PinScope.both());

        VmSummary vm = host.listVms(true).get(0);
        assertThat(vm.memoryKiB()).isEqualTo(1024L * 1024);
        assertThat(vm.vcpus()).isEqualTo(1);
        host.setVcpus("test", 2, PinScope.both());
        host.setMemory("test", 2048, PinScope.both());
        assertThat(host.listVms(true).get(0).vcpus()).isEqualTo(2);
    }

    @Test
    void statisticsFillWhatTheTestDriversBulkCallLacks() {
        StatsSample sample = host.sample(EnumSet.allOf(StatsGroup.class), List.of());

        assertThat(sample.vms()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("test");
            assertThat(c.state()).isEqualTo(VmState.RUNNING);
            assertThat(c.cpuTimeNs()).isPositive();
            assertThat(c.vcpuCount()).isEqualTo(2);
            assertThat(c.memoryCurrentKiB()).isEqualTo(2097152L);
            assertThat(c.blockReadBytes()).isNotEqualTo(VmCounters.UNKNOWN);
            assertThat(c.netRxBytes()).isNotEqualTo(VmCounters.UNKNOWN);
        });
        assertThat(host.sample(Set.of(StatsGroup.CPU), List.of("test", "gone-meanwhile")).vms()).hasSize(1);
        host.destroy("test");
        assertThat(host.sample(Set.of(StatsGroup.CPU), List.of()).vms()).isEmpty();
        assertThat(host.sample(Set.of(StatsGroup.CPU), List.of("test")).vms()).isEmpty();
    }

    @Test
    void pinningAVcpuShowsInTheHardAffinity() {
        host.pinVcpu("test", 1, CpuSet.of(3, 9), null, EnumSet.of(PinScope.LIVE));

        VcpuPinning pinning = host.pinning("test");
        assertThat(pinning.vcpus()).hasSize(2);
        assertThat(pinning.vcpus().get(1).hard()).isEqualTo(CpuSet.of(3, 9));
        assertThat(pinning.vcpus().get(1).soft()).isNull();
        assertThat(pinning.vcpus().get(1).currentCpu()).isBetween(0, 15);
    }

    @Test
    void softAffinityAndImpossibleCpusAreRefused() {
        assertThatThrownBy(() -> host.pinVcpu("test", 0, CpuSet.of(1), CpuSet.of(2), PinScope.both()))
                .isInstanceOf(NotSupportedException.class)
                .satisfies(e -> assertThat(((NotSupportedException) e).feature()).isEqualTo(Feature.PIN_SOFT));
        assertThatThrownBy(() -> host.pinVcpu("test", 0, CpuSet.of(16), null, PinScope.both()))
                .hasMessageContaining("CPU 16 does not exist");
        assertThatThrownBy(() -> host.pinVcpu("test", 0, CpuSet.empty(), null, PinScope.both()))
                .hasMessageContaining("at least one CPU");
    }

    @Test
    void listsNetworksAndStoragePools() {
        assertThat(host.networks()).contains("default");
        assertThat(host.storagePools()).contains("default-pool");
    }

    @Test
    void anUnknownVmIsReportedByName() {
        assertThatThrownBy(() -> host.details("nope")).isInstanceOf(VmNotFoundException.class)
                .hasMessage("There is no VM named 'nope' on test:///default.");
    }

    @Test
    void aDaemonThatIsNotRunningGivesOneClearSentence() {
        String uri = "qemu+unix:///system?socket=/nonexistent/libvirt-sock";
        assertThatThrownBy(() -> Backends.installed().connect(uri))
                .isInstanceOf(HostUnreachableException.class)
                .hasMessage("Cannot reach libvirt at " + uri + ": the daemon is not running.")
                .satisfies(e -> assertThat(((HostUnreachableException) e).hint()).isEqualTo("Start libvirtd, or check the URI."));
    }

    @Test
    void aClosedConnectionIsNotAlive() {
        host.close();
        assertThat(host.isAlive()).isFalse();
    }

    private static void assertEvent(BlockingQueue<LifecycleEvent> events, LifecycleEvent.Kind kind, VmState state)
            throws InterruptedException {
        LifecycleEvent event;
        do {
            event = events.poll(5, TimeUnit.SECONDS);
            assertThat(event).as("a %s event", kind).isNotNull();
        } while (event.kind() != kind);
        assertThat(event.vmName()).isEqualTo("test");
        assertThat(event.state()).isEqualTo(state);
    }

    /** Keeps the listener type visible for readers: a lambda implements {@link HostListener#lifecycle}. */
    @SuppressWarnings("unused")
    private static final Class<?> LISTENER = HostListener.class;
}
