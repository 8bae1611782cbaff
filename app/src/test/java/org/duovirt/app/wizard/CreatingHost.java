package org.duovirt.app.wizard;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.duovirt.app.host.FakeHost;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.HostInfo;
import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.ProgressListener;

/**
 * An in-memory host that can create: 2048 MiB, 2 CPUs, kvm greyed (QEMU only), network "default", a
 * "default" pool, names taken as in its VM map. Remembers what it made, so tests can say nothing is left.
 */
class CreatingHost extends FakeHost {
    final List<String> made = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile String failStartWith;
    /** When set, create waits here after the disk until the test lets it go (to cancel mid-step). */
    volatile CountDownLatch holdAfterDisk;
    final CountDownLatch diskMade = new CountDownLatch(1);
    /** When set, create waits here after defining the VM. */
    volatile CountDownLatch holdAfterCreate;
    final CountDownLatch defined = new CountDownLatch(1);
    volatile boolean xen;
    /** The CPU name the host reports (QEMU's "QEMU TCG CPU …" for a host on an emulated CPU). */
    volatile String cpu = "cpu";
    /** The spec the last create was given. */
    volatile VmSpec created;

    CreatingHost() {
        features = EnumSet.of(Feature.LIST, Feature.DETAILS, Feature.START, Feature.DESTROY, Feature.CREATE, Feature.DELETE,
                Feature.HOST_INFO, Feature.NETWORKS, Feature.STORAGE_POOLS);
    }

    @Override
    public HostInfo hostInfo() {
        Set<VirtMode> modes = xen ? Set.of(VirtMode.PV) : Set.of(VirtMode.QEMU);
        return new HostInfo("h", xen ? "Xen" : "QEMU", "1", cpu, 2048 * 1024, 1024 * 1024, CpuTopology.flat(2, 2048 * 1024), modes);
    }

    @Override
    public List<String> networks() {
        return List.of("default", "nodhcp");
    }

    /** "default" hands out addresses, "nodhcp" does not; {@link #noDhcp} takes DHCP off both. */
    @Override
    public List<org.duovirt.core.model.NetworkInfo> networkInfos() {
        return List.of(new org.duovirt.core.model.NetworkInfo("default", true, true, true, "nat", "virbr0", "192.168.122.1/24",
                        noDhcp ? null : "192.168.122.2 - 192.168.122.254", List.of()),
                new org.duovirt.core.model.NetworkInfo("nodhcp", true, true, true, "isolated", "virbr9", null, null, List.of()));
    }

    volatile boolean noDhcp;

    @Override
    public List<String> storagePools() {
        return List.of("default");
    }

    /** Under QEMU (TCG) host-passthrough cannot apply; host-model and qemu64 can. */
    @Override
    public List<org.duovirt.core.model.CpuModelOption> cpuModels(VirtMode mode) {
        calls.add("cpu-models " + mode);
        return List.of(new org.duovirt.core.model.CpuModelOption("host-passthrough", mode == VirtMode.KVM,
                        mode == VirtMode.KVM ? null : "host-passthrough needs hardware virtualization (KVM)."),
                new org.duovirt.core.model.CpuModelOption("host-model", true, null),
                new org.duovirt.core.model.CpuModelOption("qemu64", true, null));
    }

    /** The "default" pool holds a free volume and one VM 'taken' uses. */
    @Override
    public List<org.duovirt.core.model.VolumeInfo> volumes(String pool) {
        return List.of(new org.duovirt.core.model.VolumeInfo(pool, "free.raw", "/pool/free.raw", "raw", 1L << 30, 1L << 20, List.of()),
                new org.duovirt.core.model.VolumeInfo(pool, "used.qcow2", "/pool/used.qcow2", "qcow2", 2L << 30, 1L << 20, List.of("taken")));
    }

    @Override
    public List<SpecProblem> check(VmSpec spec) {
        calls.add("check " + spec.name());
        List<SpecProblem> problems = new ArrayList<>();
        if (vms.containsKey(spec.name())) {
            problems.add(new SpecProblem(SpecField.NAME, "A VM named '" + spec.name() + "' already exists on fake:///."));
        }
        if (spec.definition() != null && !spec.definition().startsWith("<domain>")) {
            problems.add(new SpecProblem(SpecField.DEFINITION, "The edited definition cannot be used: its root element is not <domain>."));
        }
        return problems;
    }

    @Override
    public String preview(VmSpec spec) {
        return "<domain><name>" + spec.name() + "</name></domain>";
    }

    @Override
    public VmSummary create(VmSpec spec, ProgressListener progress) {
        calls.add("create " + spec.name());
        created = spec;
        if (spec.storage() instanceof VmSpec.Storage.NewDisk) {
            made.add("disk " + spec.name());
            progress.progress("Creating the disk", 0.3);
        }
        diskMade.countDown();
        awaitHold(holdAfterDisk);
        if (progress.isCancelled()) {
            if (!isAlive()) {
                // The backend's own undo cannot reach a host that is gone: the disk stays.
                throw new org.duovirt.core.error.HostUnreachableException("Cannot reach fake:///.", null, null);
            }
            made.remove("disk " + spec.name());
            throw new DuovirtException("Creating VM '" + spec.name() + "' was cancelled; nothing was kept.", (String) null);
        }
        made.add("definition " + spec.name());
        vm(spec.name(), VmState.SHUTOFF);
        defined.countDown();
        awaitHold(holdAfterCreate);
        return vms.get(spec.name());
    }

    private static void awaitHold(CountDownLatch hold) {
        if (hold != null) {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void start(String vm) {
        if (failStartWith != null) {
            calls.add("start " + vm);
            throw new DuovirtException(failStartWith, (String) null);
        }
        super.start(vm);
    }

    @Override
    public void delete(String vm, boolean withStorage) {
        calls.add("delete " + vm + (withStorage ? " with storage" : ""));
        made.removeIf(m -> m.endsWith(" " + vm));
        vms.remove(vm);
    }
}
