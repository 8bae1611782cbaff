package org.duovirt.xen;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.limits.VmLimits;
import org.duovirt.core.model.CpuPool;
import org.duovirt.core.model.GraphicsEndpoint;
import org.duovirt.core.model.HostInfo;
import org.duovirt.core.model.LifecycleEvent;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.model.StorageItem;
import org.duovirt.core.model.VcpuPinning;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmDetails;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.GraphicsChannel;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.HostListener;
import org.duovirt.core.spi.ProgressListener;
import org.duovirt.core.spi.TextConsole;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.StatsSample;
import org.duovirt.xen.parse.VcpuListParser;
import org.duovirt.xen.parse.XlDomainRow;
import org.duovirt.xen.parse.XlInfoParser;
import org.duovirt.xen.transport.CommandRunner;

/**
 * One Xen host driven through xl, locally or over SSH, with no daemon of Duovirt's on the host. VMs
 * Duovirt manages are the owned configs ({@link OwnedConfigStore}) plus whatever domains run.
 */
final class XenConnection implements HostConnection {
    static final Set<Feature> FEATURES = EnumSet.of(Feature.HOST_INFO, Feature.LIST, Feature.DETAILS, Feature.DEFINITION,
            Feature.START, Feature.SHUTDOWN, Feature.REBOOT, Feature.DESTROY, Feature.PAUSE, Feature.SAVE, Feature.CREATE,
            Feature.DELETE, Feature.SET_VCPUS, Feature.SET_MEMORY, Feature.STATS, Feature.VCPU_STATS, Feature.HOST_STATS, Feature.PIN_LIVE,
            Feature.PIN_CONFIG, Feature.PIN_SOFT, Feature.CPUPOOLS, Feature.TEXT_CONSOLE, Feature.GRAPHICS_CONSOLE,
            Feature.GRAPHICS_CHANNEL, Feature.EVENTS, Feature.NETWORKS, Feature.STORAGE_POOLS);
    private static final String BRIDGES_SCRIPT = "for d in /sys/class/net/*/bridge; do [ -d \"$d\" ] && basename \"$(dirname \"$d\")\"; done; exit 0";

    private final String uri;
    private final CommandRunner runner;
    private final Xl xl;
    private final XenDomains domains;
    private final boolean deviceModel;
    private final XentopStream xentop;
    private final DomainWatcher watcher;
    private final XenPinning pinning;
    private final XenPinPlans pinPlans;
    private final XenCpuPools cpuPools;
    private final XenStorage storage;
    private final XenVmViews views;
    private final XenLimits limits;
    private final XenLifecycle lifecycle;
    private final XenHostViews hostViews;
    private volatile boolean closed;

    XenConnection(String uri, CommandRunner runner, boolean deviceModel) {
        this.uri = uri;
        this.runner = runner;
        this.xl = new Xl(this.runner);
        this.domains = new XenDomains(xl, new OwnedConfigStore(this.runner));
        this.deviceModel = deviceModel;
        this.xentop = new XentopStream(this.runner);
        this.watcher = new DomainWatcher(domains::running);
        this.pinning = new XenPinning(domains);
        this.pinPlans = new XenPinPlans(domains);
        this.cpuPools = new XenCpuPools(domains);
        this.storage = new XenStorage(domains);
        this.views = new XenVmViews(domains);
        this.limits = new XenLimits(domains);
        this.lifecycle = new XenLifecycle(domains, watcher, limits);
        this.hostViews = new XenHostViews(domains);
        this.runner.onConnectionLost(watcher::connectionLost);
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String backendName() {
        return XenBackend.NAME;
    }

    @Override
    public Set<Feature> features() {
        if (deviceModel) {
            return FEATURES;
        }
        // Without qemu-system-xen in dom0 no VM can have a VNC console.
        Set<Feature> features = EnumSet.copyOf(FEATURES);
        features.remove(Feature.GRAPHICS_CONSOLE);
        features.remove(Feature.GRAPHICS_CHANNEL);
        return features;
    }

    @Override
    public boolean isAlive() {
        return !closed && runner.isAlive();
    }

    @Override
    public void close() {
        closed = true;
        watcher.close();
        xentop.close();
        runner.close();
    }

    // ---- host ----

    @Override
    public HostInfo hostInfo() {
        XlInfoParser.XlInfo info = XlInfoParser.parse(xl.query("read the host information", null, "info", "-n"));
        var model = runner.run(List.of("sh", "-c", "grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2-"));
        HostInfo host = XlInfoParser.hostInfo(info, model.ok() ? model.stdout().strip() : null);
        Set<VirtMode> modes = EnumSet.noneOf(VirtMode.class);
        modes.addAll(host.supportedModes());
        if (!deviceModel || host.emulatedCpu()) {
            // Full HVM needs qemu-system-xen in dom0; under QEMU's TCG Xen sees SVM, yet its HVM guests cannot run.
            modes.remove(VirtMode.HVM);
        }
        return new HostInfo(host.hostname(), host.hypervisor(), host.hypervisorVersion(), host.cpuModel(),
                host.totalMemoryKiB(), host.freeMemoryKiB(), host.topology(), modes);
    }

    @Override
    public List<CpuPool> cpuPools() {
        return cpuPools.pools();
    }

    @Override
    public void moveToCpuPool(String vm, String pool) {
        cpuPools.move(vm, pool);
    }

    @Override
    public List<String> networks() {
        String out = xl.run("list the bridges", List.of("sh", "-c", BRIDGES_SCRIPT));
        return out.lines().map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
    }

    @Override
    public List<String> storagePools() {
        return List.of(domains.store().imageDir());
    }

    @Override
    public List<org.duovirt.core.model.NetworkInfo> networkInfos() {
        return hostViews.networks();
    }

    // Pool creation and control (POOL_MANAGE) stay the SPI's default "unsupported": a Xen host's one image
    // directory is a plain directory of the connection's configuration, with nothing to start, stop or autostart,
    // and there is no "add directory" in Duovirt's Xen backend to map pool-create onto.
    @Override
    public List<org.duovirt.core.model.PoolInfo> pools() {
        return hostViews.pools();
    }

    @Override
    public List<org.duovirt.core.model.VolumeInfo> volumes(String pool) {
        return hostViews.volumes(pool);
    }

    @Override
    public VmLimits limits(String vm) {
        return limits.limits();
    }

    // ---- VMs ----

    @Override
    public List<VmSummary> listVms(boolean includeInactive) {
        XenVmViews.Reads reads = XenVmViews.read(domains);
        watcher.baseline(reads.rows());
        return XenVmViews.summaries(reads, includeInactive);
    }

    @Override
    public VmDetails details(String vm) {
        return views.details(vm);
    }

    @Override
    public org.duovirt.core.model.VmHardware hardware(String vm) {
        return views.hardware(vm);
    }

    @Override
    public String definition(String vm) {
        return views.definition(vm);
    }

    @Override
    public AutoCloseable addListener(HostListener listener) {
        return watcher.add(listener);
    }

    // ---- lifecycle and configuration ----

    @Override
    public void start(String vm) {
        lifecycle.start(vm);
    }

    @Override
    public void shutdown(String vm) {
        lifecycle.shutdown(vm);
    }

    @Override
    public void reboot(String vm) {
        lifecycle.reboot(vm);
    }

    @Override
    public void destroy(String vm) {
        lifecycle.destroy(vm);
    }

    @Override
    public void pause(String vm) {
        lifecycle.pause(vm);
    }

    @Override
    public void resume(String vm) {
        lifecycle.resume(vm);
    }

    @Override
    public void save(String vm) {
        lifecycle.save(vm);
    }

    @Override
    public void setVcpus(String vm, int count, Set<PinScope> scopes) {
        lifecycle.setVcpus(vm, count, scopes);
    }

    @Override
    public void setMemory(String vm, long memoryMiB, Set<PinScope> scopes) {
        lifecycle.setMemory(vm, memoryMiB, scopes);
    }

    // ---- create, delete ----

    @Override
    public VmSummary create(VmSpec spec, ProgressListener progress) {
        VmSummary created = creator(spec).create(spec, progress == null ? ProgressListener.NONE : progress);
        watcher.fire(new LifecycleEvent(LifecycleEvent.Kind.DEFINED, spec.name(), null, VmState.SHUTOFF, "created"));
        return created;
    }

    @Override
    public List<SpecProblem> check(VmSpec spec) {
        return creator(spec).check(spec);
    }

    @Override
    public String preview(VmSpec spec) {
        return creator(spec).preview(spec);
    }

    private XenVmCreator creator(VmSpec spec) {
        HostInfo host = hostInfo();
        return new XenVmCreator(domains, host.supportedModes(), deviceModel,
                spec.network() == null ? List.of() : networks(), limits, host.emulatedCpu());
    }

    @Override
    public List<StorageItem> storage(String vm) {
        return storage.storage(vm);
    }

    @Override
    public void delete(String vm, boolean withStorage) {
        storage.delete(vm, withStorage);
        watcher.fire(new LifecycleEvent(LifecycleEvent.Kind.UNDEFINED, vm, null, null, "deleted"));
    }

    // ---- statistics ----

    @Override
    public StatsSample sample(Set<StatsGroup> groups, List<String> vms) {
        XentopStream.Snapshot snapshot = xentop.latest(Duration.ofSeconds(30));
        if (!groups.contains(StatsGroup.VCPU)) {
            return XentopCounters.sample(snapshot, groups, vms);
        }
        // xentop's per-vCPU seconds are whole seconds; xl vcpu-list has tenths (one more command per tick).
        // Both readings are put at the moment xl ran, so vCPU and total rates cover the same time.
        long before = System.nanoTime();
        String text = xl.query("read the vCPU times", null, "vcpu-list");
        long mid = before + (System.nanoTime() - before) / 2;
        return XentopCounters.sample(snapshot.at(java.time.Instant.now(), mid), groups, vms,
                VcpuListParser.times(VcpuListParser.rows(text)));
    }

    /**
     * xl counts no busy or idle time per physical CPU; what it has is where each vCPU (Domain-0's included)
     * runs now and its CPU time, from {@code xl vcpu-list}: HostCpuRates attributes each vCPU's time to the
     * CPU it is on (approximate when vCPUs move between samples).
     */
    @Override
    public org.duovirt.core.stats.HostCpuSample hostCpuSample() {
        int cpus = XlInfoParser.hostInfo(XlInfoParser.parse(xl.query("read the host information", null, "info")), null).topology().cpuCount();
        long now = System.nanoTime();
        List<VcpuListParser.VcpuRow> rows = VcpuListParser.rows(xl.query("read the vCPU placement", null, "vcpu-list"));
        List<org.duovirt.core.stats.HostCpuSample.Cpu> physical = new java.util.ArrayList<>();
        for (int c = 0; c < cpus; c++) {
            physical.add(new org.duovirt.core.stats.HostCpuSample.Cpu(c, org.duovirt.core.stats.VmCounters.UNKNOWN,
                    org.duovirt.core.stats.VmCounters.UNKNOWN));
        }
        return new org.duovirt.core.stats.HostCpuSample(java.time.Instant.now(), now, physical, rows.stream()
                .map(r -> new org.duovirt.core.stats.HostCpuSample.PlacedVcpu(r.domain(), r.vcpu(), r.cpu(), r.timeNs()))
                .toList());
    }

    // ---- pinning ----

    @Override
    public VcpuPinning pinning(String vm) {
        return pinning.pinning(vm);
    }

    @Override
    public java.util.Map<String, VcpuPinning> hostPinning() {
        return pinning.hostPinning();
    }

    @Override
    public void pinVcpu(String vm, int vcpu, CpuSet hard, CpuSet soft, Set<PinScope> scopes) {
        pinning.pin(vm, vcpu, hard, soft, scopes);
    }

    @Override
    public void pinEmulator(String vm, CpuSet cpus, Set<PinScope> scopes) {
        throw XenPinning.emulatorNotApplicable();
    }

    @Override
    public void applyPinning(String vm, org.duovirt.core.pin.PinPlan plan, Set<PinScope> scopes,
                             org.duovirt.core.spi.ProgressListener progress) {
        pinPlans.apply(vm, plan, scopes, progress);
    }

    @Override
    public String previewPinning(String vm, org.duovirt.core.pin.PinPlan plan) {
        return pinPlans.preview(vm, plan);
    }

    // ---- consoles ----

    @Override
    public TextConsole openConsole(String vm) {
        XlDomainRow row = domains.requireRunning(vm, "open the console of");
        return XenConsole.open(runner, row.domid());
    }

    @Override
    public GraphicsEndpoint graphics(String vm) {
        XlDomainRow row = domains.requireRunning(vm, "open the graphical console of");
        var result = runner.run(List.of("xenstore-read", "/local/domain/" + row.domid() + "/console/vnc-port"));
        if (!result.ok() || result.stdout().isBlank()) {
            throw new DuovirtException("'" + vm + "' has no VNC console.",
                    "Give it one (vfb for PV, vnc=1 for HVM; both need qemu-system-xen in dom0).", result.stderr(), null);
        }
        return new GraphicsEndpoint("vnc", "127.0.0.1", Integer.parseInt(result.stdout().strip()), null, null);
    }

    /** The VNC server qemu-system-xen runs in dom0 for the VM, reached over the same SSH session (direct-tcpip). */
    @Override
    public GraphicsChannel openGraphics(String vm) {
        GraphicsEndpoint endpoint = graphics(vm);
        return new org.duovirt.core.ssh.StreamGraphicsChannel(endpoint, runner.openTcp(endpoint.host(), endpoint.port()));
    }

    // ---- host devices: not built for Xen ----

    /** Why Xen VMs get no host devices here; the SPI default would say only "not supported". */
    static final String NO_HOSTDEV = "xl pci-attach takes only devices made pci-assignable in dom0 first "
            + "(xl pci-assignable-add unbinds the host's driver at once), and Duovirt does not do that yet";

    @Override
    public org.duovirt.core.model.HostDeviceList hostDevices() {
        throw new org.duovirt.core.error.NotSupportedException(org.duovirt.core.spi.Feature.HOSTDEV, XenBackend.NAME, NO_HOSTDEV);
    }

    @Override
    public Set<PinScope> attachHostDevice(String vm, String device, Set<PinScope> scopes) {
        throw new org.duovirt.core.error.NotSupportedException(org.duovirt.core.spi.Feature.HOSTDEV, XenBackend.NAME, NO_HOSTDEV);
    }

    @Override
    public Set<PinScope> detachHostDevice(String vm, String device, Set<PinScope> scopes) {
        throw new org.duovirt.core.error.NotSupportedException(org.duovirt.core.spi.Feature.HOSTDEV, XenBackend.NAME, NO_HOSTDEV);
    }
}
