package org.duovirt.xen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.HostInfo;
import org.duovirt.core.model.NumaCell;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.model.StorageItem;
import org.duovirt.core.model.VcpuAffinity;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.VmCounters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * End to end on a real Xen 4.17 host, through the SPI only: host topology, create a PV guest of the test
 * kernel with a new disk, start it, see its banner on the console, watch its CPU time grow, pin a vCPU live
 * and persistently (checked against raw {@code xl vcpu-list}), reboot it with the pin holding, shut it
 * down, delete it with its storage. The steps run in order and share one guest.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class XenLifecycleIT {
    private static final String VM = "dvit-life-" + ProcessHandle.current().pid();
    private static final Duration BOOT = Duration.ofMinutes(6);
    private static HostConnection host;
    private static Dom0Shell dom0;

    @BeforeAll
    static void connect() {
        host = XenTestHost.connection();
        dom0 = XenTestHost.shell();
    }

    @AfterAll
    static void removeLeftovers() {
        if (host == null) {
            return;
        }
        try {
            if (find(VM).map(v -> v.state().isActive()).orElse(false)) {
                host.destroy(VM);
            }
            if (find(VM).isPresent()) {
                host.delete(VM, true);
            }
        } catch (RuntimeException e) {
            System.err.println("cleanup of " + VM + " failed: " + e.getMessage());
        }
    }

    @Test
    @Order(1)
    void hostInfoShowsFourCpusInTwoNumaNodes() {
        HostInfo info = host.hostInfo();
        assertEquals("Xen", info.hypervisor());
        assertTrue(info.hypervisorVersion().startsWith("4.17"), info.hypervisorVersion());
        assertEquals(4, info.topology().cpuCount());
        List<NumaCell> cells = info.topology().cells();
        assertEquals(2, cells.size(), "NUMA cells: " + cells);
        assertEquals(CpuSet.of(0, 1), cells.get(0).cpus());
        assertEquals(CpuSet.of(2, 3), cells.get(1).cpus());
        assertTrue(info.supportedModes().contains(VirtMode.PV), "modes: " + info.supportedModes());
        assertTrue(info.totalMemoryKiB() > 2L * 1024 * 1024, "total memory " + info.totalMemoryKiB());
    }

    @Test
    @Order(2)
    void createsAPvGuestThatIsDefinedButOff() {
        VmSpec spec = new VmSpec(VM, 96, 2, new VmSpec.Storage.NewDisk(0.0625, null),
                new VmSpec.Boot.Kernel("/root/guest/vmlinuz", "/root/guest/initrd.gz", "console=hvc0"),
                null, VirtMode.PV, null, List.of(), null);
        VmSummary created = host.create(spec, ProgressListener.NONE);
        assertEquals(VM, created.name());
        VmSummary listed = find(VM).orElseThrow(() -> new AssertionError(VM + " is not listed after create"));
        assertEquals(VmState.SHUTOFF, listed.state());
        assertFalse(dom0.check("xl", "list").contains(VM), "xl has no stopped VMs: nothing may run yet");
        List<StorageItem> storage = host.storage(VM);
        assertEquals(1, storage.size(), "storage: " + storage);
        assertTrue(storage.get(0).owned(), "the new disk is the VM's own: " + storage);
        assertTrue(dom0.exists(storage.get(0).path()), "the image exists in dom0: " + storage.get(0).path());
    }

    @Test
    @Order(3)
    void startsAndTheConsoleShowsTheGuestBanner() throws Exception {
        host.start(VM);
        assertEquals(VmState.RUNNING, find(VM).orElseThrow().state());
        assertTrue(dom0.check("xl", "list").contains(VM), "xl lists the running domain");
        // Attach at once: the guest needs tens of seconds to print its banner under emulation.
        try (ConsoleCapture console = new ConsoleCapture(host.openConsole(VM))) {
            console.await("DUOVIRT-GUEST-READY", BOOT);
            console.type("hello from the xen it");
            console.await("guest heard: hello from the xen it", Duration.ofMinutes(2));
        }
    }

    @Test
    @Order(4)
    void sampleShowsCpuTimeGrowing() throws Exception {
        VmCounters first = Await.until("a sample of " + VM, Duration.ofMinutes(2), Duration.ofSeconds(2),
                () -> host.sample(Set.of(StatsGroup.CPU, StatsGroup.VCPU, StatsGroup.MEMORY), List.of(VM)).vm(VM).orElse(null));
        assertTrue(first.cpuTimeNs() >= 0, "cpu time known: " + first);
        assertEquals(2, first.vcpuCount(), "two vCPUs sampled: " + first);
        assertEquals(96 * 1024, first.memoryCurrentKiB(), 2048, "memory: " + first);
        // xentop counts whole seconds, and the idle guest uses little: allow minutes.
        VmCounters later = Await.until("CPU time of " + VM + " to grow beyond " + first.cpuTimeNs() + " ns",
                Duration.ofMinutes(4), Duration.ofSeconds(5), () -> {
                    VmCounters now = host.sample(Set.of(StatsGroup.CPU), List.of(VM)).vm(VM).orElseThrow();
                    return now.cpuTimeNs() > first.cpuTimeNs() ? now : null;
                });
        assertEquals(VmState.RUNNING, later.state());
    }

    @Test
    @Order(5)
    void pinsVcpuZeroLiveAndPersistentlyHardAndSoft() throws Exception {
        host.pinVcpu(VM, 0, CpuSet.of(3), CpuSet.of(2, 3), PinScope.both());
        VcpuAffinity vcpu0 = host.pinning(VM).vcpus().get(0);
        assertEquals(CpuSet.of(3), vcpu0.hard());
        assertEquals(CpuSet.of(2, 3), vcpu0.soft());
        assertEquals("3 / 2-3", rawAffinity(0), "xl vcpu-list agrees with pinning()");
        // The vCPU really moves to CPU 3 (it may be blocked, but it last ran there).
        Await.until("vCPU 0 to run on CPU 3", Duration.ofMinutes(2), Duration.ofSeconds(3),
                () -> host.pinning(VM).vcpus().get(0).currentCpu() == 3 ? true : null);
        String cfg = host.definition(VM);
        assertTrue(cfg.contains("cpus") && cfg.contains("\"3\""), "the persistent pin is in the config:\n" + cfg);
        assertTrue(cfg.contains("cpus_soft") && cfg.contains("\"2-3\""), "the persistent soft pin is in the config:\n" + cfg);
    }

    @Test
    @Order(6)
    void rebootKeepsThePin() throws Exception {
        int domid = find(VM).orElseThrow().id();
        host.reboot(VM);
        // xl reboots by building a new domain from the config: the domid changes.
        VmSummary again;
        try {
            again = Await.until(VM + " to come back with a new domid", BOOT, Duration.ofSeconds(10), () -> find(VM)
                    .filter(v -> v.state() == VmState.RUNNING && v.id() > 0 && v.id() != domid).orElse(null));
        } catch (AssertionError e) {
            // xl's per-domain monitor does the restart: its log says why it did not.
            throw new AssertionError(e.getMessage() + "; xl's log of the domain ends:\n"
                    + dom0.run("tail", "-n", "12", "/var/log/xen/xl-" + VM + ".log").output(), e);
        }
        assertNotEquals(domid, again.id());
        try (ConsoleCapture console = new ConsoleCapture(host.openConsole(VM))) {
            console.await("DUOVIRT-GUEST-READY", BOOT);
        }
        VcpuAffinity vcpu0 = host.pinning(VM).vcpus().get(0);
        assertEquals(CpuSet.of(3), vcpu0.hard(), "the hard pin holds after reboot");
        assertEquals(CpuSet.of(2, 3), vcpu0.soft(), "the soft pin holds after reboot");
        assertEquals("3 / 2-3", rawAffinity(0), "xl vcpu-list agrees after reboot");
    }

    @Test
    @Order(7)
    void shutdownTurnsItOff() throws Exception {
        host.shutdown(VM);
        Await.until(VM + " to be shut off", Duration.ofMinutes(5), Duration.ofSeconds(5),
                () -> find(VM).filter(v -> v.state() == VmState.SHUTOFF).orElse(null));
        assertFalse(dom0.check("xl", "list").contains(VM), "xl no longer lists it");
    }

    @Test
    @Order(8)
    void deleteWithStorageLeavesNoConfigAndNoImage() {
        List<StorageItem> storage = host.storage(VM);
        assertFalse(storage.isEmpty());
        String cfgPath = "/etc/xen/duovirt/" + VM + ".cfg";
        assertTrue(dom0.exists(cfgPath), "config before delete: " + cfgPath);
        host.delete(VM, true);
        assertTrue(find(VM).isEmpty(), VM + " is gone from the list");
        assertFalse(dom0.exists(cfgPath), "config removed: " + cfgPath);
        for (StorageItem item : storage) {
            assertFalse(dom0.exists(item.path()), "image removed: " + item.path());
        }
    }

    /** The "Hard / Soft" column of raw {@code xl vcpu-list} for one vCPU of the VM. */
    private static String rawAffinity(int vcpu) {
        String domid = Integer.toString(find(VM).orElseThrow().id());
        for (String line : dom0.check("xl", "vcpu-list", domid).lines().skip(1).toList()) {
            String[] f = line.trim().split("\\s+");
            // Name ID VCPU CPU State Time(s) Hard / Soft (name has no spaces here)
            if (f.length >= 9 && f[1].equals(domid) && f[2].equals(Integer.toString(vcpu))) {
                return f[6] + " / " + f[8];
            }
        }
        throw new AssertionError("no vCPU " + vcpu + " of domain " + domid + " in xl vcpu-list");
    }

    private static Optional<VmSummary> find(String name) {
        return host.listVms(true).stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
