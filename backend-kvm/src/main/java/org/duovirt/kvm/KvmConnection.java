package org.duovirt.kvm;

import java.util.EnumSet;
import java.nio.file.Path;
import java.util.Map;
import org.duovirt.core.model.BootDevice;
import org.duovirt.core.model.CloneDisk;
import org.duovirt.core.model.DhcpLease;
import org.duovirt.core.model.DiskAttachment;
import org.duovirt.core.model.NetworkInfo;
import org.duovirt.core.model.NetworkSpec;
import org.duovirt.core.model.NicAttachment;
import org.duovirt.core.model.PoolInfo;
import org.duovirt.core.model.VolumeInfo;
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
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.ProgressListener;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.HostListener;
import org.duovirt.core.spi.GraphicsChannel;
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
    private final PinPlanOps pinPlans;
    private final GraphicsLocator graphics;
    private final VmCreator creator;
    private final StorageOwnership ownership;
    private final VmDeleter deleter;
    private final SnapshotOps snapshots;
    private final VmCloner cloner;
    private final KvmStorage storage;
    private final VolumeUploader uploader;
    private final VolumeDownloader downloader;
    private final KvmNetworks networks;
    private final KvmPools poolOps;
    private final DeviceOps devices;
    private final DefinitionEditor editor;
    private final OverviewOps overview;
    private final DiskCacheOps diskCache;
    private final ExtraDeviceOps extraDevices;
    private final CpuModelOps cpuModel;
    private final KvmHostDevices hostDevices;
    private final Set<Feature> features;
    /** Duovirt's own SSH session to a qemu+ssh host, for graphical consoles; opened on the first one. */
    private final SshGraphicsChannel.Tunnel tunnel;
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
        this.pinPlans = new PinPlanOps(domains, host);
        this.graphics = new GraphicsLocator(domains);
        this.creator = new VmCreator(domains, host, limits);
        this.ownership = new StorageOwnership(domains);
        this.deleter = new VmDeleter(domains, ownership);
        this.snapshots = new SnapshotOps(domains);
        this.cloner = new VmCloner(domains, ownership);
        this.storage = new KvmStorage(domains);
        this.uploader = new VolumeUploader(domains, storage);
        this.downloader = new VolumeDownloader(domains, storage);
        this.networks = new KvmNetworks(domains);
        this.poolOps = new KvmPools(domains, storage, isLocal());
        this.devices = new DeviceOps(domains);
        this.editor = new DefinitionEditor(domains);
        this.overview = new OverviewOps(domains);
        this.diskCache = new DiskCacheOps(domains);
        this.extraDevices = new ExtraDeviceOps(domains);
        this.cpuModel = new CpuModelOps(domains, creator);
        this.hostDevices = new KvmHostDevices(domains, isLocal());
        this.features = hostFeatures(implemented);
        this.tunnel = new SshGraphicsChannel.Tunnel(uri);
    }

    /** The test driver has no consoles, no emulator threads and no graphics. */
    private Set<Feature> hostFeatures(Set<Feature> implemented) {
        Set<Feature> out = EnumSet.noneOf(Feature.class);
        out.addAll(implemented);
        if (isTestDriver()) {
            out.removeAll(EnumSet.of(Feature.TEXT_CONSOLE, Feature.GRAPHICS_CONSOLE, Feature.PIN_EMULATOR,
                    Feature.GRAPHICS_CHANNEL));
        }
        if (!isLocal() && !isSsh()) {
            out.remove(Feature.GRAPHICS_CHANNEL); // tcp/tls hosts: no SSH to tunnel through, and no port is opened
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
        tunnel.close();
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
    public org.duovirt.core.model.VmHardware hardware(String vm) {
        // Devices as they are now; boot order and maximum memory as saved, which is what the pages edit. The live
        // XML is read with VIR_DOMAIN_XML_SECURE (1) only so that a graphics password's presence shows: the reader
        // keeps "set", never the value.
        return DomainHardwareReader.read(domains.xml(vm, 1), domains.xml(vm, StorageOwnership.XML_INACTIVE));
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
    public List<SpecProblem> check(VmSpec spec) {
        return creator.check(spec);
    }

    @Override
    public String preview(VmSpec spec) {
        return creator.preview(spec);
    }

    @Override
    public List<org.duovirt.core.model.CpuModelOption> cpuModels(org.duovirt.core.model.VirtMode mode) {
        return creator.cpuModels(mode);
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

    @Override
    public org.duovirt.core.stats.HostCpuSample hostCpuSample() {
        return VcpuPlacement.withPlacement(
                NodeCpuStats.sample(domains.connect(), "Reading the CPU statistics of " + domains.uri()), domains);
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

    @Override
    public void applyPinning(String vm, org.duovirt.core.pin.PinPlan plan, Set<PinScope> scopes,
                             org.duovirt.core.spi.ProgressListener progress) {
        pinPlans.apply(vm, plan, scopes, progress);
    }

    @Override
    public String previewPinning(String vm, org.duovirt.core.pin.PinPlan plan) {
        return pinPlans.preview(plan);
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

    @Override
    public GraphicsChannel openGraphics(String vm) {
        if (isLocal()) {
            return LocalGraphicsChannel.open(vm, graphics.graphics(vm));
        }
        if (!isSsh()) {
            throw unsupported(Feature.GRAPHICS_CHANNEL);
        }
        tunnel.target(); // a URI that weakens the host key check is refused before anything is asked of libvirt
        return SshGraphicsChannel.open(tunnel, vm, graphics.graphics(vm));
    }

    /** A qemu+ssh (libssh, libssh2) URI: graphical consoles follow it through an SSH session of our own. */
    boolean isSsh() {
        try {
            return KvmSshTarget.isSsh(java.net.URI.create(uri));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A libvirt URI with no host (qemu:///system, qemu+unix:///session) talks to this machine. */
    boolean isLocal() {
        try {
            String host = java.net.URI.create(uri).getHost();
            return host == null || host.isEmpty() || host.equals("localhost");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- storage, networks, devices and the definition ----

    @Override
    public List<PoolInfo> pools() {
        return storage.pools();
    }

    @Override
    public List<VolumeInfo> volumes(String pool) {
        return storage.volumes(pool);
    }

    @Override
    public VolumeInfo createVolume(String pool, String name, long bytes, String format) {
        return storage.createVolume(pool, name, bytes, format);
    }

    @Override
    public void deleteVolume(String pool, String name, boolean evenIfUsed) {
        storage.deleteVolume(pool, name, evenIfUsed);
    }

    @Override
    public void resizeVolume(String pool, String name, long newBytes) {
        storage.resizeVolume(pool, name, newBytes);
    }

    @Override
    public void resizeDisk(String vm, String target, long newBytes) {
        devices.resizeDisk(vm, target, newBytes);
    }

    @Override
    public VolumeInfo uploadVolume(String pool, String name, Path localFile, ProgressListener progress) {
        return uploader.upload(pool, name, localFile, progress == null ? ProgressListener.NONE : progress);
    }

    @Override
    public Path downloadVolume(String pool, String name, Path localFile, ProgressListener progress) {
        return downloader.download(pool, name, localFile, progress == null ? ProgressListener.NONE : progress);
    }

    @Override
    public List<org.duovirt.core.model.PoolTypeSupport> poolTypes() {
        return poolOps.types();
    }

    @Override
    public PoolInfo createPool(org.duovirt.core.model.PoolSpec spec) {
        return poolOps.create(spec);
    }

    @Override
    public void startPool(String name) {
        poolOps.start(name);
    }

    @Override
    public void stopPool(String name) {
        poolOps.stop(name);
    }

    @Override
    public void setPoolAutostart(String name, boolean autostart) {
        poolOps.setAutostart(name, autostart);
    }

    @Override
    public void refreshPool(String name) {
        poolOps.refresh(name);
    }

    @Override
    public void deletePool(String name, boolean deleteTarget, boolean evenIfUsed) {
        poolOps.delete(name, deleteTarget, evenIfUsed);
    }

    @Override
    public List<NetworkInfo> networkInfos() {
        return networks.list();
    }

    @Override
    public NetworkInfo createNetwork(NetworkSpec spec) {
        return networks.create(spec);
    }

    @Override
    public void startNetwork(String name) {
        networks.start(name);
    }

    @Override
    public void stopNetwork(String name) {
        networks.stop(name);
    }

    @Override
    public void deleteNetwork(String name) {
        networks.delete(name);
    }

    @Override
    public void setNetworkAutostart(String name, boolean autostart) {
        networks.setAutostart(name, autostart);
    }

    @Override
    public List<DhcpLease> dhcpLeases(String network) {
        return networks.leases(network);
    }

    @Override
    public String attachDisk(String vm, DiskAttachment disk, Set<PinScope> scopes) {
        return devices.attachDisk(vm, disk, scopes);
    }

    @Override
    public void detachDisk(String vm, String target, Set<PinScope> scopes) {
        devices.detachDisk(vm, target, scopes);
    }

    @Override
    public void changeMedia(String vm, String target, String iso) {
        devices.changeMedia(vm, target, iso);
    }

    @Override
    public String attachNic(String vm, NicAttachment nic, Set<PinScope> scopes) {
        return devices.attachNic(vm, nic, scopes);
    }

    @Override
    public Set<PinScope> addDevice(String vm, org.duovirt.core.model.NewDevice device, Set<PinScope> scopes) {
        return extraDevices.add(vm, device, scopes);
    }

    @Override
    public org.duovirt.core.model.HostDeviceList hostDevices() {
        return hostDevices.list();
    }

    @Override
    public Set<PinScope> attachHostDevice(String vm, String device, Set<PinScope> scopes) {
        return hostDevices.attach(vm, device, scopes);
    }

    @Override
    public Set<PinScope> detachHostDevice(String vm, String device, Set<PinScope> scopes) {
        return hostDevices.detach(vm, device, scopes);
    }

    @Override
    public org.duovirt.core.model.DeviceChoices deviceChoices(String vm, org.duovirt.core.model.NewDevice.Kind kind) {
        return kind == org.duovirt.core.model.NewDevice.Kind.TPM ? TpmChoices.read(domains, vm)
                : org.duovirt.core.model.DeviceChoices.all(kind);
    }

    @Override
    public Set<PinScope> removeDevice(String vm, String id, Set<PinScope> scopes) {
        return extraDevices.remove(vm, id, scopes);
    }

    @Override
    public void setCpuModel(String vm, String model) {
        cpuModel.set(vm, model);
    }

    @Override
    public void detachNic(String vm, String mac, Set<PinScope> scopes) {
        devices.detachNic(vm, mac, scopes);
    }

    @Override
    public void setNicLink(String vm, String mac, boolean up) {
        devices.setNicLink(vm, mac, up);
    }

    @Override
    public void setAutostart(String vm, boolean autostart) {
        devices.setAutostart(vm, autostart);
    }

    @Override
    public void setBootOrder(String vm, List<BootDevice> order) {
        devices.setBootOrder(vm, order);
    }

    @Override
    public String editableDefinition(String vm) {
        return editor.editable(vm);
    }

    @Override
    public void redefine(String vm, String definition) {
        editor.redefine(vm, definition);
    }

    @Override
    public VmSummary cloneVm(String vm, String newName, Map<String, CloneDisk> disks, ProgressListener progress) {
        return cloner.cloneVm(vm, newName, disks, progress == null ? ProgressListener.NONE : progress);
    }

    // --- overview: name and description (issue 10) ---

    @Override
    public void rename(String vm, String newName) {
        overview.rename(vm, newName);
    }

    @Override
    public String description(String vm) {
        return overview.description(vm);
    }

    @Override
    public void setDescription(String vm, String description) {
        overview.setDescription(vm, description);
    }

    @Override
    public void setDiskCache(String vm, String target, String cache) {
        diskCache.setCache(vm, target, cache);
    }
}
