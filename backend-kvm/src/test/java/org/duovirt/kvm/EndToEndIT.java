package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.GraphicsEndpoint;
import org.duovirt.core.model.LifecycleEvent;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.model.StorageItem;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;
import org.duovirt.core.spi.TextConsole;
import org.duovirt.core.stats.RateCalculator;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.StatsSample;
import org.duovirt.core.stats.VmCounters;
import org.duovirt.core.stats.VmRates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole life of a VM on a real libvirtd (qemu:///system, TCG): create with a new disk and direct
 * kernel boot, console, statistics, pinning checked by virsh, pause/resume, ACPI shutdown, restart,
 * force off, delete with storage. Fails when libvirtd is not running.
 */
class EndToEndIT {
    private static final String NAME = LiveHost.PREFIX + "e2e";
    private static HostConnection host;

    @BeforeAll
    static void connect() {
        LiveHost.cleanUp();
        host = Backends.installed().connect(LiveHost.URI);
    }

    @AfterAll
    static void close() {
        if (host != null) {
            host.close();
        }
        LiveHost.cleanUp();
    }

    @Test
    void aVmLivesFromCreationToDeletion() throws Exception {
        long started = System.nanoTime();
        Path[] guest = LiveHost.guest();
        BlockingQueue<LifecycleEvent> events = new LinkedBlockingQueue<>();
        AutoCloseable listening = host.addListener(events::add);

        // create
        VmSpec spec = new VmSpec(NAME, 96, 1, new VmSpec.Storage.NewDisk(0.1, null),
                new VmSpec.Boot.Kernel(guest[0].toString(), guest[1].toString(), "console=ttyS0"),
                null, VirtMode.QEMU, null, null, null);
        VmSummary created = host.create(spec, ProgressListener.NONE);
        assertThat(created.state()).isEqualTo(VmState.SHUTOFF);
        assertThat(LiveHost.domainNames()).contains(NAME);
        assertThat(host.details(NAME).mode()).isEqualTo(VirtMode.QEMU);
        List<StorageItem> storage = host.storage(NAME);
        assertThat(storage).singleElement().satisfies(item -> assertThat(item.owned()).isTrue());
        Path disk = Path.of(storage.get(0).path());
        assertThat(disk).exists();

        // start and see the guest on the text console; typing reaches it
        host.start(NAME);
        assertThat(state()).isEqualTo(VmState.RUNNING);
        try (TextConsole console = host.openConsole(NAME)) {
            ConsoleReader reader = new ConsoleReader(console);
            reader.awaitText("DUOVIRT-GUEST-READY", Duration.ofSeconds(90));
            console.toGuest().write("hello duovirt\n".getBytes(StandardCharsets.UTF_8));
            console.toGuest().flush();
            reader.awaitText("guest heard: hello duovirt", Duration.ofSeconds(20));
        }

        // statistics: CPU time grows, the rate is a sane percentage
        EnumSet<StatsGroup> groups = EnumSet.allOf(StatsGroup.class);
        StatsSample first = host.sample(groups, List.of(NAME));
        Thread.sleep(2000);
        StatsSample second = host.sample(groups, List.of(NAME));
        VmCounters before = first.vm(NAME).orElseThrow();
        VmCounters after = second.vm(NAME).orElseThrow();
        assertThat(after.cpuTimeNs()).isGreaterThan(before.cpuTimeNs());
        assertThat(after.vcpuCount()).isEqualTo(1);
        assertThat(after.memoryCurrentKiB()).isEqualTo(96L * 1024);
        assertThat(after.blockReadBytes()).isPositive();
        VmRates rates = RateCalculator.rates(first, second).get(0);
        assertThat(rates.cpuPercent()).isBetween(0.0, 100.0 * after.vcpuCount());
        assertThat(host.sample(EnumSet.of(StatsGroup.CPU), List.of()).vm(NAME)).isPresent();

        // pinning, live and persistent, as virsh sees it
        host.pinVcpu(NAME, 0, CpuSet.of(1), null, PinScope.both());
        assertThat(host.pinning(NAME).vcpus().get(0).hard()).isEqualTo(CpuSet.of(1));
        assertThat(vcpupinOf0(LiveHost.virsh("vcpupin", NAME))).isEqualTo("1");
        assertThat(vcpupinOf0(LiveHost.virsh("vcpupin", NAME, "--config"))).isEqualTo("1");
        host.pinEmulator(NAME, CpuSet.of(0, 1), EnumSet.of(PinScope.LIVE));
        assertThat(host.pinning(NAME).emulatorCpus()).isEqualTo(CpuSet.of(0, 1));

        // graphics endpoint
        GraphicsEndpoint vnc = host.graphics(NAME);
        assertThat(vnc.protocol()).isEqualTo("vnc");
        assertThat(vnc.host()).isEqualTo("127.0.0.1");
        assertThat(vnc.port()).isGreaterThanOrEqualTo(5900);

        // pause, resume
        host.pause(NAME);
        assertThat(state()).isEqualTo(VmState.PAUSED);
        host.resume(NAME);
        assertThat(state()).isEqualTo(VmState.RUNNING);

        // ACPI shutdown: the guest powers itself off
        host.shutdown(NAME);
        LiveHost.await("the guest to power off", Duration.ofSeconds(60), () -> state() == VmState.SHUTOFF);
        assertThat(events).extracting(LifecycleEvent::kind).contains(LifecycleEvent.Kind.STARTED,
                LifecycleEvent.Kind.SUSPENDED, LifecycleEvent.Kind.RESUMED);
        LiveHost.await("the STOPPED event", Duration.ofSeconds(10), () -> events.stream()
                .anyMatch(e -> e.kind() == LifecycleEvent.Kind.STOPPED && e.vmName().equals(NAME)));

        // start again (the persistent pin survives), force off
        host.start(NAME);
        assertThat(state()).isEqualTo(VmState.RUNNING);
        assertThat(host.pinning(NAME).vcpus().get(0).hard()).isEqualTo(CpuSet.of(1));

        // managed save stops it, start restores it
        host.save(NAME);
        assertThat(state()).isEqualTo(VmState.SAVED);
        assertThat(LiveHost.virsh("dominfo", NAME)).containsPattern("Managed save:\\s+yes");
        host.start(NAME);
        assertThat(state()).isEqualTo(VmState.RUNNING);
        assertThat(LiveHost.virsh("dominfo", NAME)).containsPattern("Managed save:\\s+no");
        host.destroy(NAME);
        assertThat(state()).isEqualTo(VmState.SHUTOFF);

        // persistent resizing and a disk snapshot of the shut-off VM
        host.setVcpus(NAME, 2, EnumSet.of(PinScope.CONFIG));
        host.setMemory(NAME, 128, EnumSet.of(PinScope.CONFIG));
        assertThat(LiveHost.virsh("dominfo", NAME)).containsPattern("CPU\\(s\\):\\s+2").containsPattern("Max memory:\\s+131072 KiB");
        host.createSnapshot(NAME, "clean", "before deletion");
        assertThat(host.snapshots(NAME)).extracting(s -> s.name()).containsExactly("clean");
        assertThat(LiveHost.virsh("snapshot-list", NAME, "--name")).contains("clean");

        // delete with storage: no domain, no volume, no file
        String volume = disk.getFileName().toString();
        assertThat(LiveHost.defaultPoolVolumes()).contains(volume);
        host.delete(NAME, true);
        assertThat(LiveHost.domainNames()).doesNotContain(NAME);
        assertThat(LiveHost.defaultPoolVolumes()).doesNotContain(volume);
        assertThat(Files.exists(disk)).isFalse();
        listening.close();

        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("EndToEndIT: the VM's whole life took %.1f s%n", seconds);
        Files.writeString(Path.of("target", "e2e-kvm-seconds.txt"), String.format("%.1f%n", seconds));
    }

    private static VmState state() {
        return host.listVms(true).stream().filter(v -> v.name().equals(NAME)).findFirst().orElseThrow().state();
    }

    /** The CPU affinity of vCPU 0 in `virsh vcpupin` output (" 0      1"). */
    private static String vcpupinOf0(String output) {
        return output.lines().map(String::strip).filter(l -> l.startsWith("0 ")).findFirst()
                .map(l -> l.split("\\s+")[1]).orElseThrow(() -> new AssertionError("no vCPU 0 in:\n" + output));
    }
}
