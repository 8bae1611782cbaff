package org.duovirt.xen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.error.VmNotFoundException;
import org.duovirt.core.model.ConsoleInfo;
import org.duovirt.core.model.CpuPool;
import org.duovirt.core.model.DiskInfo;
import org.duovirt.core.model.GraphicsEndpoint;
import org.duovirt.core.model.HostInfo;
import org.duovirt.core.model.LifecycleEvent;
import org.duovirt.core.model.NicInfo;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.model.StorageItem;
import org.duovirt.core.model.VcpuPinning;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmDetails;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.HostListener;
import org.duovirt.core.spi.ProgressListener;
import org.duovirt.core.spi.TextConsole;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.StatsSample;
import org.duovirt.xen.OwnedConfigStore.OwnedVm;
import org.duovirt.xen.config.XlConfig;
import org.duovirt.xen.config.XlConfigWriter;
import org.duovirt.xen.config.XlDisk;
import org.duovirt.xen.parse.CpupoolListParser;
import org.duovirt.xen.parse.XlDomainConfig;
import org.duovirt.xen.parse.XlDomainRow;
import org.duovirt.xen.parse.XlInfoParser;
import org.duovirt.xen.parse.XlListJsonParser;
import org.duovirt.xen.parse.XlListParser;
import org.duovirt.xen.transport.CommandRunner;

/**
 * One Xen host driven through xl, locally or over SSH, with no daemon of Duovirt's on the host. VMs
 * Duovirt manages are the owned configs ({@link OwnedConfigStore}) plus whatever domains run.
 */
final class XenConnection implements HostConnection {
    static final Set<Feature> FEATURES = EnumSet.of(Feature.HOST_INFO, Feature.LIST, Feature.DETAILS, Feature.DEFINITION,
            Feature.START, Feature.SHUTDOWN, Feature.REBOOT, Feature.DESTROY, Feature.PAUSE, Feature.SAVE, Feature.CREATE,
            Feature.DELETE, Feature.SET_VCPUS, Feature.SET_MEMORY, Feature.STATS, Feature.VCPU_STATS, Feature.PIN_LIVE,
            Feature.PIN_CONFIG, Feature.PIN_SOFT, Feature.CPUPOOLS, Feature.TEXT_CONSOLE, Feature.GRAPHICS_CONSOLE,
            Feature.EVENTS, Feature.NETWORKS, Feature.STORAGE_POOLS);
    private static final String BRIDGES_SCRIPT = "for d in /sys/class/net/*/bridge; do [ -d \"$d\" ] && basename \"$(dirname \"$d\")\"; done; exit 0";

    private final String uri;
    private final CommandRunner runner;
    private final Xl xl;
    private final XenDomains domains;
    private final boolean deviceModel;
    private final XentopStream xentop;
    private final DomainWatcher watcher;
    private final XenPinning pinning;
    private final XenStorage storage;
    private volatile boolean closed;

    XenConnection(String uri, CommandRunner runner, boolean deviceModel) {
        this.uri = uri;
        this.runner = runner;
        this.xl = new Xl(runner);
        this.domains = new XenDomains(xl, new OwnedConfigStore(runner));
        this.deviceModel = deviceModel;
        this.xentop = new XentopStream(runner);
        this.watcher = new DomainWatcher(domains::running);
        this.pinning = new XenPinning(domains);
        this.storage = new XenStorage(domains);
        runner.onConnectionLost(watcher::connectionLost);
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
        return FEATURES;
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
        XlInfoParser.XlInfo info = XlInfoParser.parse(xl.xl("read the host information", null, "info", "-n"));
        var model = runner.run(List.of("sh", "-c", "grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2-"));
        HostInfo host = XlInfoParser.hostInfo(info, model.ok() ? model.stdout().strip() : null);
        Set<VirtMode> modes = EnumSet.noneOf(VirtMode.class);
        modes.addAll(host.supportedModes());
        if (!deviceModel) {
            modes.remove(VirtMode.HVM); // full HVM needs qemu-system-xen in dom0
        }
        return new HostInfo(host.hostname(), host.hypervisor(), host.hypervisorVersion(), host.cpuModel(),
                host.totalMemoryKiB(), host.freeMemoryKiB(), host.topology(), modes);
    }

    @Override
    public List<CpuPool> cpuPools() {
        String list = xl.xl("list the cpupools", null, "cpupool-list");
        String cpus = xl.xl("list the cpupools", null, "cpupool-list", "-c");
        List<XlDomainRow> rows = XlListParser.parse(xl.xl("list the domains", null, "list", "-c"), true);
        return CpupoolListParser.parse(list, cpus, rows);
    }

    @Override
    public void moveToCpuPool(String vm, String pool) {
        XlDomainRow row = domains.requireRunning(vm, "move to cpupool '" + pool + "'");
        xl.xl("move '" + vm + "' to cpupool '" + pool + "'", vm, "cpupool-migrate", XenDomains.domid(row), pool);
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

    // ---- VMs ----

    @Override
    public List<VmSummary> listVms(boolean includeInactive) {
        List<XlDomainRow> rows = domains.running();
        Map<String, OwnedVm> owned = domains.store().loadAll();
        List<VmSummary> out = new ArrayList<>();
        for (XlDomainRow row : rows) {
            out.add(runningSummary(row, owned.containsKey(row.name()) ? owned.get(row.name()).config() : null));
        }
        if (includeInactive) {
            for (OwnedVm vm : owned.values()) {
                if (rows.stream().noneMatch(r -> r.name().equals(vm.name()))) {
                    out.add(offSummary(vm));
                }
            }
        }
        return out;
    }

    private static VmSummary runningSummary(XlDomainRow row, XlConfig cfg) {
        return new VmSummary(row.name(), row.uuid(), row.state(), row.domid(), row.vcpus(),
                cfg == null ? row.vcpus() : Math.max(row.vcpus(), cfg.maxVcpus()), row.memoryMiB() * 1024,
                (cfg == null ? row.memoryMiB() : Math.max(row.memoryMiB(), cfg.maxMemoryMiB())) * 1024);
    }

    private static VmSummary offSummary(OwnedVm vm) {
        XlConfig cfg = vm.config();
        VmState state = vm.saved() ? VmState.SUSPENDED : VmState.SHUTOFF;
        if (cfg == null) {
            return new VmSummary(vm.name(), null, state, -1, 0, 0, 0, 0);
        }
        return new VmSummary(vm.name(), null, state, -1, cfg.vcpus(), cfg.maxVcpus(), cfg.memoryMiB() * 1024,
                cfg.maxMemoryMiB() * 1024);
    }

    @Override
    public VmDetails details(String vm) {
        XlDomainRow row = domains.runningOrNull(vm);
        OwnedVm owned = domains.store().find(vm);
        if (row == null && owned == null) {
            throw new VmNotFoundException(vm, domains.host());
        }
        XlConfig cfg = owned == null ? null : owned.config();
        XlDomainConfig live = row == null ? null
                : XlListJsonParser.parse(xl.xl("read the details of '" + vm + "'", vm, "list", "-l", XenDomains.domid(row)))
                        .stream().findFirst().orElse(null);
        VmSummary summary = row != null ? runningSummary(row, cfg) : offSummary(owned);
        String type = cfg != null ? cfg.type() : live != null && live.type() != null ? live.type() : "pv";
        VirtMode mode = switch (type) {
            case "hvm" -> VirtMode.HVM;
            case "pvh" -> VirtMode.PVH;
            default -> VirtMode.PV;
        };
        List<DiskInfo> disks = new ArrayList<>();
        List<NicInfo> nics = new ArrayList<>();
        boolean vnc;
        if (cfg != null) {
            for (XlDisk d : cfg.disks()) {
                disks.add(new DiskInfo(d.vdev(), d.target(), d.format(), d.cdrom() ? "cdrom" : "disk", d.readOnly()));
            }
            cfg.vifs().forEach(v -> nics.add(new NicInfo(v.mac(), v.bridge(), null)));
            vnc = cfg.vnc();
        } else {
            disks.addAll(live.disks());
            nics.addAll(live.nics());
            vnc = live.vnc();
        }
        if (live != null && cfg != null) {
            // The running domain knows the MACs xl picked.
            for (int i = 0; i < nics.size() && i < live.nics().size(); i++) {
                NicInfo nic = nics.get(i);
                nics.set(i, new NicInfo(live.nics().get(i).mac(), nic.network(), live.nics().get(i).model()));
            }
        }
        List<ConsoleInfo> consoles = new ArrayList<>();
        consoles.add(mode == VirtMode.HVM ? new ConsoleInfo(ConsoleInfo.Kind.SERIAL, "xl console")
                : new ConsoleInfo(ConsoleInfo.Kind.PV_CONSOLE, "xl console"));
        if (vnc) {
            consoles.add(new ConsoleInfo(ConsoleInfo.Kind.VNC, "127.0.0.1"));
        }
        return new VmDetails(summary, type, mode, "x86_64", false, disks, nics, consoles);
    }

    @Override
    public String definition(String vm) {
        OwnedVm owned = domains.store().find(vm);
        if (owned != null) {
            return owned.text();
        }
        XlDomainRow row = domains.runningOrNull(vm);
        if (row == null) {
            throw new VmNotFoundException(vm, domains.host());
        }
        return xl.xl("read the configuration of '" + vm + "'", vm, "list", "-l", XenDomains.domid(row));
    }

    @Override
    public AutoCloseable addListener(HostListener listener) {
        return watcher.add(listener);
    }

    // ---- lifecycle ----

    @Override
    public void start(String vm) {
        OwnedVm owned = domains.requireOwned(vm, "start");
        if (domains.runningOrNull(vm) != null) {
            throw new DuovirtException("Could not start '" + vm + "': it is already running.", (String) null);
        }
        if (owned.saved()) {
            String save = domains.store().savePath(vm);
            xl.xlSlow("restore '" + vm + "' from " + save, vm, "restore", owned.path(), save);
            domains.store().remove(save);
            return;
        }
        xl.xl("check the config of '" + vm + "'", vm, "-N", "create", owned.path());
        xl.xlSlow("start '" + vm + "'", vm, "create", owned.path());
    }

    @Override
    public void shutdown(String vm) {
        simple(vm, "shut down", "shutdown", "-F");
    }

    @Override
    public void reboot(String vm) {
        simple(vm, "reboot", "reboot", "-F");
    }

    @Override
    public void destroy(String vm) {
        XlDomainRow row = domains.requireRunning(vm, "force off");
        xl.xlSlow("force off '" + vm + "'", vm, "destroy", XenDomains.domid(row));
    }

    @Override
    public void pause(String vm) {
        simple(vm, "pause", "pause");
    }

    @Override
    public void resume(String vm) {
        simple(vm, "resume", "unpause");
    }

    @Override
    public void save(String vm) {
        OwnedVm owned = domains.requireOwned(vm, "save");
        XlDomainRow row = domains.requireRunning(vm, "save");
        domains.store().mkdir(domains.store().saveDir());
        String save = domains.store().savePath(vm);
        watcher.expectSave(vm);
        xl.xlSlow("save '" + vm + "' to " + save, vm, "save", XenDomains.domid(row), save, owned.path());
    }

    private void simple(String vm, String action, String... command) {
        XlDomainRow row = domains.requireRunning(vm, action);
        String[] args = new String[command.length + 1];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = XenDomains.domid(row);
        xl.xl(action + " '" + vm + "'", vm, args);
    }

    // ---- configuration ----

    @Override
    public void setVcpus(String vm, int count, Set<PinScope> scopes) {
        if (count < 1) {
            throw new InvalidSpecException("A VM needs at least 1 vCPU; " + count + " was asked for.");
        }
        OwnedVm owned = scopes.contains(PinScope.CONFIG) ? domains.requireOwned(vm, "change the vCPUs of") : null;
        if (scopes.contains(PinScope.LIVE)) {
            XlDomainRow row = domains.requireRunning(vm, "change the vCPUs of");
            xl.xl("set the vCPUs of '" + vm + "' to " + count, vm, "vcpu-set", XenDomains.domid(row), Integer.toString(count));
        }
        if (owned != null) {
            domains.store().write(vm, XlConfigWriter.write(owned.config().withVcpus(count)));
        }
    }

    @Override
    public void setMemory(String vm, long memoryMiB, Set<PinScope> scopes) {
        if (memoryMiB < 16) {
            throw new InvalidSpecException("Memory must be at least 16 MiB; " + memoryMiB + " MiB was asked for.");
        }
        OwnedVm owned = scopes.contains(PinScope.CONFIG) ? domains.requireOwned(vm, "change the memory of") : null;
        if (scopes.contains(PinScope.LIVE)) {
            XlDomainRow row = domains.requireRunning(vm, "change the memory of");
            // xl mem-set reads a bare number as MiB despite its man page: always send the unit.
            xl.xl("set the memory of '" + vm + "' to " + memoryMiB + " MiB", vm, "mem-set", XenDomains.domid(row), memoryMiB + "m");
        }
        if (owned != null) {
            domains.store().write(vm, XlConfigWriter.write(owned.config().withMemory(memoryMiB)));
        }
    }

    // ---- create, delete ----

    @Override
    public VmSummary create(VmSpec spec, ProgressListener progress) {
        Set<VirtMode> modes = hostInfo().supportedModes();
        VmSummary created = new XenVmCreator(domains, modes, deviceModel, spec.network() == null ? List.of() : networks())
                .create(spec, progress == null ? ProgressListener.NONE : progress);
        watcher.fire(new LifecycleEvent(LifecycleEvent.Kind.DEFINED, spec.name(), null, VmState.SHUTOFF, "created"));
        return created;
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
        return XentopCounters.sample(snapshot, groups, vms);
    }

    // ---- pinning ----

    @Override
    public VcpuPinning pinning(String vm) {
        return pinning.pinning(vm);
    }

    @Override
    public void pinVcpu(String vm, int vcpu, CpuSet hard, CpuSet soft, Set<PinScope> scopes) {
        pinning.pin(vm, vcpu, hard, soft, scopes);
    }

    @Override
    public void pinEmulator(String vm, CpuSet cpus, Set<PinScope> scopes) {
        throw XenPinning.emulatorNotApplicable();
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
}
