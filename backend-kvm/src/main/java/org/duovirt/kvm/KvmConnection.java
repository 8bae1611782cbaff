package org.duovirt.kvm;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.limits.VmLimits;
import org.duovirt.core.model.GraphicsEndpoint;
import org.duovirt.core.model.HostInfo;
import org.duovirt.core.model.VcpuPinning;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.model.VmDetails;
import org.duovirt.core.model.SnapshotInfo;
import org.duovirt.core.model.StorageItem;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.ProgressListener;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.HostListener;
import org.duovirt.core.spi.TextConsole;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.StatsSample;
import org.libvirt.LibvirtException;

/**
 * One open libvirt connection as Duovirt's driver table. Each group of operations lives in its own
 * collaborator; this class only routes.
 */
final class KvmConnection implements HostConnection {
    private final String uri;
    private final LibvirtConnect connect;
    private final Domains domains;
    private final HostReader host;
    private final KvmLimits limits;
    private final LifecycleOps lifecycle;
    private final EventHub events;
    private final StatsSampler stats;
    private final PinningOps pinning;
    private final GraphicsLocator graphics;
    private final VmCreator creator;
    private final StorageOwnership ownership;
    private final VmDeleter deleter;
    private final SnapshotOps snapshots;
    private final VmCloner cloner;
    private final Set<Feature> features;
    private volatile boolean closed;

    KvmConnection(String uri, LibvirtConnect connect, Set<Feature> implemented) {
        this.uri = uri;
        this.connect = connect;
        this.domains = new Domains(connect, uri);
        this.host = new HostReader(domains);
        this.limits = new KvmLimits(domains, host);
        this.lifecycle = new LifecycleOps(domains, limits);
        this.events = new EventHub(connect);
        this.stats = new StatsSampler(domains);
        this.pinning = new PinningOps(domains, host);
        this.graphics = new GraphicsLocator(domains);
        this.creator = new VmCreator(domains, host, limits);
        this.ownership = new StorageOwnership(domains);
        this.deleter = new VmDeleter(domains, ownership);
        this.snapshots = new SnapshotOps(domains);
        this.cloner = new VmCloner(domains, ownership);
        this.features = hostFeatures(implemented);
    }

    /** The test driver has no consoles, no emulator threads and no graphics. */
    private Set<Feature> hostFeatures(Set<Feature> implemented) {
        Set<Feature> out = EnumSet.noneOf(Feature.class);
        out.addAll(implemented);
        if (isTestDriver()) {
            out.removeAll(EnumSet.of(Feature.TEXT_CONSOLE, Feature.GRAPHICS_CONSOLE, Feature.PIN_EMULATOR));
        }
        return Set.copyOf(out);
    }

    boolean isTestDriver() {
        return uri.startsWith("test");
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String backendName() {
        return KvmBackend.NAME;
    }

    @Override
    public Set<Feature> features() {
        return features;
    }

    @Override
    public boolean isAlive() {
        if (closed) {
            return false;
        }
        try {
            return connect.isAlive();
        } catch (LibvirtException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        events.close();
        try {
            connect.close();
        } catch (LibvirtException | RuntimeException e) {
            // Closing a broken connection fails; it is closed either way.
        }
    }

    // ---- host ----

    @Override
    public HostInfo hostInfo() {
        return host.hostInfo();
    }

    @Override
    public List<String> networks() {
        return host.networks();
    }

    @Override
    public List<String> storagePools() {
        return host.storagePools();
    }

    @Override
    public VmLimits limits(String vm) {
        return limits.limits(vm);
    }

    // ---- VMs ----

    @Override
    public List<VmSummary> listVms(boolean includeInactive) {
        return domains.list(includeInactive);
    }

    @Override
    public VmDetails details(String vm) {
        return domains.with(vm, "Reading the details of VM '" + vm + "'", d -> {
            VmSummary summary = domains.summary(d);
            DomainDescription description = DomainXmlReader.read(d.getXMLDesc(0));
            boolean autostart = d.isPersistent() == 1 && d.getAutostart();
            return new VmDetails(summary, description.osType(), description.mode(), description.arch(), autostart,
                    description.disks(), description.nics(), description.consoles());
        });
    }

    @Override
    public String definition(String vm) {
        return domains.xml(vm, 0);
    }

    @Override
    public AutoCloseable addListener(HostListener listener) {
        return events.add(listener, domains);
    }

    // ---- lifecycle ----

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
        return creator.create(spec, progress == null ? ProgressListener.NONE : progress);
    }

    @Override
    public VmSummary cloneVm(String vm, String newName, ProgressListener progress) {
        return cloner.cloneVm(vm, newName, progress == null ? ProgressListener.NONE : progress);
    }

    @Override
    public List<StorageItem> storage(String vm) {
        return ownership.storage(vm);
    }

    @Override
    public void delete(String vm, boolean withStorage) {
        deleter.delete(vm, withStorage);
    }

    // ---- snapshots ----

    @Override
    public List<SnapshotInfo> snapshots(String vm) {
        return snapshots.list(vm);
    }

    @Override
    public void createSnapshot(String vm, String name, String description) {
        snapshots.create(vm, name, description);
    }

    @Override
    public void revertSnapshot(String vm, String name) {
        snapshots.revert(vm, name);
    }

    @Override
    public void deleteSnapshot(String vm, String name) {
        snapshots.delete(vm, name);
    }

    // ---- statistics ----

    @Override
    public StatsSample sample(Set<StatsGroup> groups, List<String> vms) {
        return stats.sample(groups, vms);
    }

    // ---- pinning ----

    @Override
    public VcpuPinning pinning(String vm) {
        return pinning.pinning(vm);
    }

    @Override
    public void pinVcpu(String vm, int vcpu, CpuSet hard, CpuSet soft, Set<PinScope> scopes) {
        pinning.pinVcpu(vm, vcpu, hard, soft, scopes);
    }

    @Override
    public void pinEmulator(String vm, CpuSet cpus, Set<PinScope> scopes) {
        pinning.pinEmulator(vm, cpus, scopes);
    }

    // ---- consoles ----

    @Override
    public TextConsole openConsole(String vm) {
        return ConsoleStream.open(domains, vm);
    }

    @Override
    public GraphicsEndpoint graphics(String vm) {
        return graphics.graphics(vm);
    }
}
