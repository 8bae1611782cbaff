package org.duovirt.core.spi;

import java.util.List;
import org.duovirt.core.model.BootDevice;
import org.duovirt.core.model.CloneDisk;
import org.duovirt.core.model.DhcpLease;
import org.duovirt.core.model.DiskAttachment;
import org.duovirt.core.model.NetworkInfo;
import org.duovirt.core.model.NetworkSpec;
import org.duovirt.core.model.NewDevice;
import org.duovirt.core.model.NicAttachment;
import org.duovirt.core.model.PoolInfo;
import org.duovirt.core.model.VolumeInfo;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.NotSupportedException;
import org.duovirt.core.model.CpuPool;
import org.duovirt.core.model.GraphicsEndpoint;
import org.duovirt.core.model.HostInfo;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.model.SnapshotInfo;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.StorageItem;
import org.duovirt.core.model.VcpuPinning;
import org.duovirt.core.model.VmDetails;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.stats.HostCpuSample;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.StatsSample;

/**
 * An open connection to one host: the driver table. Every method blocks and may be slow or hang with
 * the host, so callers run them off the UI thread. VMs are named by their name, which is unique per host.
 *
 * <p>A backend overrides what it implements. Every operation it leaves alone throws
 * {@link NotSupportedException} for its {@link Feature}, so a missing operation always fails the same way.
 * Failures are {@link org.duovirt.core.error.DuovirtException}s whose message is one sentence.
 */
public interface HostConnection extends AutoCloseable {

    /** The URI this connection was opened with, as the user wrote it. */
    String uri();

    /** The backend's name, for messages ("KVM (libvirt)", "Xen (xl)"). */
    String backendName();

    /** The operations this host supports; the UI greys out the rest. */
    Set<Feature> features();

    default boolean supports(Feature feature) {
        return features().contains(feature);
    }

    /** Cheap check that the host still answers. Never throws. */
    boolean isAlive();

    /** Releases the connection; further calls fail. Never throws. */
    @Override
    void close();

    // ---- host ----

    /** Hypervisor, versions, memory and CPU topology. */
    default HostInfo hostInfo() {
        throw unsupported(Feature.HOST_INFO);
    }

    /** Xen cpupools; other hypervisors have none. */
    default List<CpuPool> cpuPools() {
        throw unsupported(Feature.CPUPOOLS);
    }

    /**
     * Moves a VM into another cpupool for good: a running one at once, and the stored definition too (Xen: the
     * cfg's {@code pool=}), so a restart lands in the same pool; a stopped VM only has its definition changed.
     * Whole or nothing: when the definition cannot be changed the VM goes back to its old pool.
     */
    default void moveToCpuPool(String vm, String pool) {
        throw unsupported(Feature.CPUPOOLS);
    }

    /** Names of the networks (libvirt) or bridges (Xen) new NICs can join. */
    default List<String> networks() {
        throw unsupported(Feature.NETWORKS);
    }

    /** Names of the storage pools (libvirt) or image directories (Xen) new disks can go in. */
    default List<String> storagePools() {
        throw unsupported(Feature.STORAGE_POOLS);
    }

    /**
     * What the host allows one VM: the hypervisor's vCPU maximum for it and the host's memory, as
     * {@link org.duovirt.core.limits.Bounds} checks them. Backends check every resize against these before
     * anything is sent; the app asks first to show the same sentence next to the field.
     *
     * @param vm an existing VM, or null for a new VM of the host's default kind
     */
    default org.duovirt.core.limits.VmLimits limits(String vm) {
        throw unsupported(Feature.HOST_INFO);
    }

    // ---- VMs ----

    /**
     * @param includeInactive also the defined VMs that are not running
     */
    default List<VmSummary> listVms(boolean includeInactive) {
        throw unsupported(Feature.LIST);
    }

    /** @throws org.duovirt.core.error.VmNotFoundException when there is no such VM */
    default VmDetails details(String vm) {
        throw unsupported(Feature.DETAILS);
    }

    /** The VM's definition in the hypervisor's own words (domain XML, xl cfg) for display. */
    default String definition(String vm) {
        throw unsupported(Feature.DEFINITION);
    }

    /** Listens for lifecycle events and connection loss; the returned handle stops listening. */
    default AutoCloseable addListener(HostListener listener) {
        throw unsupported(Feature.EVENTS);
    }

    // ---- lifecycle ----

    /** Starts a defined VM (restoring its saved memory if it was saved). */
    default void start(String vm) {
        throw unsupported(Feature.START);
    }

    /** Asks the guest to shut down (ACPI, PV shutdown); returns without waiting. */
    default void shutdown(String vm) {
        throw unsupported(Feature.SHUTDOWN);
    }

    default void reboot(String vm) {
        throw unsupported(Feature.REBOOT);
    }

    /** Forces the VM off at once, like pulling the plug. */
    default void destroy(String vm) {
        throw unsupported(Feature.DESTROY);
    }

    default void pause(String vm) {
        throw unsupported(Feature.PAUSE);
    }

    default void resume(String vm) {
        throw unsupported(Feature.PAUSE);
    }

    /** Saves the VM's memory to a file the backend owns and stops it; {@link #start} restores it. */
    default void save(String vm) {
        throw unsupported(Feature.SAVE);
    }

    // ---- configuration ----

    /** Changes the vCPU count, in the given scopes. */
    default void setVcpus(String vm, int count, Set<PinScope> scopes) {
        throw unsupported(Feature.SET_VCPUS);
    }

    /** Changes the memory size in MiB, in the given scopes. */
    default void setMemory(String vm, long memoryMiB, Set<PinScope> scopes) {
        throw unsupported(Feature.SET_MEMORY);
    }

    // ---- create, clone, delete ----

    /**
     * Creates (defines) a VM; it is not started. A failure at any step removes what this call made
     * before it throws.
     *
     * @throws org.duovirt.core.error.InvalidSpecException for a spec the host cannot satisfy
     */
    default VmSummary create(VmSpec spec, ProgressListener progress) {
        throw unsupported(Feature.CREATE);
    }

    /**
     * The dry run of {@link #create}: every problem this host sees in the spec (name taken, memory beyond
     * the host, a missing file, a mode the host cannot run …), each with its field and one sentence, all at
     * once. Makes nothing and changes nothing.
     *
     * @return the problems; empty when {@link #create} would go ahead
     */
    default List<SpecProblem> check(VmSpec spec) {
        throw unsupported(Feature.CREATE);
    }

    /**
     * The definition {@link #create} would write for this spec (libvirt domain XML, xl cfg), with the disk
     * paths it would choose now. Makes nothing; the spec should be free of {@link #check} problems.
     *
     * @throws org.duovirt.core.error.InvalidSpecException when no definition can be written for it
     */
    default String preview(VmSpec spec) {
        throw unsupported(Feature.CREATE);
    }

    /** Clones a shut-off VM with copies of its own disks. */
    default VmSummary cloneVm(String vm, String newName, ProgressListener progress) {
        throw unsupported(Feature.CLONE);
    }

    /** The storage a VM uses, marked with what a delete with storage would remove. */
    default List<StorageItem> storage(String vm) {
        throw unsupported(Feature.DELETE);
    }

    /**
     * Removes the VM's definition (it must not be running) and, when {@code withStorage}, exactly the
     * items {@link #storage} marks as owned.
     */
    default void delete(String vm, boolean withStorage) {
        throw unsupported(Feature.DELETE);
    }

    // ---- snapshots and migration ----

    /** The VM's snapshots, oldest first, with time, VM state at the time, description and which is current. */
    default List<SnapshotInfo> snapshots(String vm) {
        throw unsupported(Feature.SNAPSHOTS);
    }

    /**
     * Takes a snapshot: disks and, for a running VM, its memory. A blank name lets the hypervisor choose one.
     */
    default void createSnapshot(String vm, String name, String description) {
        throw unsupported(Feature.SNAPSHOTS);
    }

    /** Returns the VM to a snapshot: its disks and, when the snapshot holds memory, its running state. */
    default void revertSnapshot(String vm, String name) {
        throw unsupported(Feature.SNAPSHOTS);
    }

    /** Deletes a snapshot; the VM's current state is kept. */
    default void deleteSnapshot(String vm, String name) {
        throw unsupported(Feature.SNAPSHOTS);
    }

    /** Moves a running VM to the host at {@code destinationUri} (same backend). */
    default void migrate(String vm, String destinationUri, boolean live, ProgressListener progress) {
        throw unsupported(Feature.MIGRATE);
    }

    // ---- statistics ----

    /**
     * One bulk sample of the active VMs, one round trip to the host where the hypervisor allows.
     * Counters of groups not asked for are {@link org.duovirt.core.stats.VmCounters#UNKNOWN}.
     *
     * @param vms only these VMs, or all active ones when empty
     */
    default StatsSample sample(Set<StatsGroup> groups, List<String> vms) {
        throw unsupported(Feature.STATS);
    }

    /**
     * Cumulative figures of every physical CPU of the host, and where vCPUs run now where the backend knows
     * it; {@link org.duovirt.core.stats.HostCpuRates} turns two of them into per-CPU load.
     */
    default HostCpuSample hostCpuSample() {
        throw unsupported(Feature.HOST_STATS);
    }

    // ---- pinning ----

    /** Hard (and soft, where the hypervisor has it) affinity and current CPU of each vCPU. */
    default VcpuPinning pinning(String vm) {
        throw unsupported(Feature.PIN_LIVE);
    }

    /**
     * The pins of the host's own vCPUs, which are no VM but share the CPUs with them (Xen: Domain-0's, by that
     * name), so planners count them among the other VMs' pins. Empty where the host has none (KVM; the default).
     */
    default Map<String, VcpuPinning> hostPinning() {
        return Map.of();
    }

    /**
     * Pins one vCPU.
     *
     * @param soft   soft affinity, or null to leave it (a non-null value needs {@link Feature#PIN_SOFT})
     * @param scopes LIVE needs a running VM; CONFIG persists across restarts
     */
    default void pinVcpu(String vm, int vcpu, CpuSet hard, CpuSet soft, Set<PinScope> scopes) {
        throw unsupported(Feature.PIN_LIVE);
    }

    /** Pins the emulator threads (QEMU) of a VM. */
    default void pinEmulator(String vm, CpuSet cpus, Set<PinScope> scopes) {
        throw unsupported(Feature.PIN_EMULATOR);
    }

    /**
     * Applies a whole pin plan: every vCPU's hard (and, where the hypervisor has it, soft) set and the
     * emulator set, in each scope. The plan is checked against the host before anything changes. When a step
     * fails, or {@code progress} is cancelled, the steps already applied are undone, newest first, so the VM
     * keeps its old pins; if undoing fails too, the exception says which steps kept the new pins.
     *
     * @param plan     one hard set per vCPU of the VM (its maximum count); soft sets need {@link Feature#PIN_SOFT},
     *                 an emulator set {@link Feature#PIN_EMULATOR}
     * @param scopes   LIVE needs a running VM; CONFIG survives a reboot and a restart of the VM
     * @param progress told each step's name; checked for cancellation between steps
     * @throws org.duovirt.core.error.InvalidSpecException before anything changes, for a plan the host cannot take
     */
    default void applyPinning(String vm, org.duovirt.core.pin.PinPlan plan, Set<PinScope> scopes, ProgressListener progress) {
        throw unsupported(Feature.PIN_LIVE);
    }

    /**
     * What {@link #applyPinning} would write, in the hypervisor's own words: the {@code <cputune>} element of
     * the domain XML (KVM), the {@code cpus=} / {@code cpus_soft=} lines of the xl cfg (Xen). Changes nothing.
     */
    default String previewPinning(String vm, org.duovirt.core.pin.PinPlan plan) {
        throw unsupported(Feature.PIN_LIVE);
    }

    // ---- consoles ----

    /** Attaches to the VM's text console. Close the console to detach. */
    default TextConsole openConsole(String vm) {
        throw unsupported(Feature.TEXT_CONSOLE);
    }

    /** Where the VM's graphical console listens. */
    default GraphicsEndpoint graphics(String vm) {
        throw unsupported(Feature.GRAPHICS_CONSOLE);
    }

    /**
     * Opens a byte stream to the running VM's VNC server, wherever the host is: a local TCP or UNIX socket, or
     * a channel over an SSH session of Duovirt's own for a remote host. No port is ever opened on the host for it
     * and nothing has to be installed there. Blocks while connecting; call it off the UI thread.
     *
     * @param vm the VM's name
     * @return the open stream; the caller closes it
     * @throws org.duovirt.core.error.VmNotFoundException when there is no such VM
     * @throws org.duovirt.core.error.DuovirtException when the VM is off, has no VNC display (SPICE only), or
     *         the server cannot be reached
     * @throws org.duovirt.core.error.NotSupportedException when the backend cannot reach consoles on this host
     */
    default GraphicsChannel openGraphics(String vm) {
        throw unsupported(Feature.GRAPHICS_CHANNEL);
    }

    // ---- storage, networks, devices and the definition (issue 10) ----

    /** Every storage pool (libvirt) or image directory (Xen) with its capacity, allocation and free space. */
    default List<PoolInfo> pools() {
        throw unsupported(Feature.STORAGE_POOLS);
    }

    /**
     * The volumes of one pool, each with the VMs whose definition uses it.
     *
     * @throws org.duovirt.core.error.InvalidSpecException when there is no such pool
     */
    default List<VolumeInfo> volumes(String pool) {
        throw unsupported(Feature.STORAGE_POOLS);
    }

    /**
     * Creates an empty volume.
     *
     * @param format qcow2 or raw (null: qcow2 where the pool can hold it)
     * @throws org.duovirt.core.error.InvalidSpecException for a bad name, a taken name or a size beyond the pool
     */
    default VolumeInfo createVolume(String pool, String name, long bytes, String format) {
        throw unsupported(Feature.VOLUMES);
    }

    /**
     * Deletes a volume and its data. A volume some VM uses is refused, naming the VMs, unless {@code evenIfUsed}.
     */
    default void deleteVolume(String pool, String name, boolean evenIfUsed) {
        throw unsupported(Feature.VOLUMES);
    }

    /** Grows a volume to {@code newBytes} (never shrinks: a smaller size is refused). */
    default void resizeVolume(String pool, String name, long newBytes) {
        throw unsupported(Feature.VOLUME_RESIZE);
    }

    /**
     * Grows a VM's disk to {@code newBytes}: live (the guest sees the new size at once) while it runs, else its
     * volume. Never shrinks.
     */
    default void resizeDisk(String vm, String target, long newBytes) {
        throw unsupported(Feature.VOLUME_RESIZE);
    }

    /**
     * Copies a local file into a new volume of the pool, reporting progress; cancelling removes the
     * half-written volume. The volume is raw unless the file is qcow2.
     */
    default VolumeInfo uploadVolume(String pool, String name, Path localFile, ProgressListener progress) {
        throw unsupported(Feature.VOLUME_UPLOAD);
    }

    /**
     * Copies a volume of the pool into a new file on this machine, reporting progress. The file appears only when
     * the copy is whole: a failure or a cancel leaves nothing, and an existing file is never overwritten.
     *
     * @return the file written
     */
    default Path downloadVolume(String pool, String name, Path localFile, ProgressListener progress) {
        throw unsupported(Feature.VOLUME_DOWNLOAD);
    }

    /**
     * The pool types {@link #createPool} can define on this host, each supported or greyed with the reason
     * (libvirt: its storage pool capabilities, i.e. which storage backends it was built with).
     */
    default List<org.duovirt.core.model.PoolTypeSupport> poolTypes() {
        throw unsupported(Feature.POOL_MANAGE);
    }

    /**
     * Defines a persistent pool, and builds, starts and autostarts it as the spec asks. A pool that fails to build
     * or start is not left defined.
     *
     * @throws org.duovirt.core.error.InvalidSpecException with every problem of the spec, a name the host already
     *                                                     has, or a target that exists and is not a directory
     */
    default PoolInfo createPool(org.duovirt.core.model.PoolSpec spec) {
        throw unsupported(Feature.POOL_MANAGE);
    }

    /** Starts a defined pool. */
    default void startPool(String name) {
        throw unsupported(Feature.POOL_MANAGE);
    }

    /** Stops a pool (libvirt: destroy); its volumes stay, but VMs cannot start from them until it runs again. */
    default void stopPool(String name) {
        throw unsupported(Feature.POOL_MANAGE);
    }

    /** Whether the pool starts with the host. */
    default void setPoolAutostart(String name, boolean autostart) {
        throw unsupported(Feature.POOL_MANAGE);
    }

    /** Re-reads a running pool's volumes and sizes from its storage. */
    default void refreshPool(String name) {
        throw unsupported(Feature.POOL_MANAGE);
    }

    /**
     * Stops (if running) and undefines a pool; its volumes' data stays on the storage. Refused, naming them, when
     * VMs use its volumes, unless {@code evenIfUsed}.
     *
     * @param deleteTarget also remove the pool's target directory, which must be empty (refused for a volume group)
     */
    default void deletePool(String name, boolean deleteTarget, boolean evenIfUsed) {
        throw unsupported(Feature.POOL_MANAGE);
    }

    /** Virtual networks (libvirt) or dom0 bridges (Xen) with their state, addresses and VMs. */
    default List<NetworkInfo> networkInfos() {
        throw unsupported(Feature.NETWORKS);
    }

    /**
     * Defines a persistent virtual network and starts it.
     *
     * @throws org.duovirt.core.error.InvalidSpecException with every problem of the spec
     */
    default NetworkInfo createNetwork(NetworkSpec spec) {
        throw unsupported(Feature.NETWORK_MANAGE);
    }

    /** Starts a defined network. */
    default void startNetwork(String name) {
        throw unsupported(Feature.NETWORK_MANAGE);
    }

    /** Stops a network; the VMs on it lose their link until it starts again. */
    default void stopNetwork(String name) {
        throw unsupported(Feature.NETWORK_MANAGE);
    }

    /** Stops (if running) and undefines a network. */
    default void deleteNetwork(String name) {
        throw unsupported(Feature.NETWORK_MANAGE);
    }

    /** Whether the network starts with the host. */
    default void setNetworkAutostart(String name, boolean autostart) {
        throw unsupported(Feature.NETWORK_MANAGE);
    }

    /** The addresses the network's DHCP server handed out. */
    default List<DhcpLease> dhcpLeases(String network) {
        throw unsupported(Feature.NETWORK_MANAGE);
    }

    /**
     * Attaches a disk or CD-ROM drive. LIVE applies to a running VM and is left out for one that is not.
     *
     * @return the guest device name it got (vdb …)
     */
    default String attachDisk(String vm, DiskAttachment disk, Set<PinScope> scopes) {
        throw unsupported(Feature.DISK_HOTPLUG);
    }

    /** Detaches the disk with that guest device name; its storage is left alone. */
    default void detachDisk(String vm, String target, Set<PinScope> scopes) {
        throw unsupported(Feature.DISK_HOTPLUG);
    }

    /** Puts an ISO into a CD-ROM drive ({@code iso} non-null) or ejects it (null), live where the VM runs. */
    default void changeMedia(String vm, String target, String iso) {
        throw unsupported(Feature.CHANGE_MEDIA);
    }

    /** @return the new NIC's MAC address */
    default String attachNic(String vm, NicAttachment nic, Set<PinScope> scopes) {
        throw unsupported(Feature.NIC_HOTPLUG);
    }

    /** Detaches the NIC with that MAC address. */
    default void detachNic(String vm, String mac, Set<PinScope> scopes) {
        throw unsupported(Feature.NIC_HOTPLUG);
    }

    /**
     * Adds a serial port, an RNG, a display or a TPM (one of {@link #deviceChoices}). A device the hypervisor cannot
     * plug into a running VM (a serial port, a display, a TPM) goes into the saved definition only and appears at the
     * next start.
     *
     * @return the scopes it went into (LIVE, CONFIG or both)
     */
    default Set<PinScope> addDevice(String vm, NewDevice device, Set<PinScope> scopes) {
        throw unsupported(Feature.DEVICE_ADD);
    }

    /**
     * Removes the serial port, RNG, display or TPM the hardware list names {@code id} ({@link
     * org.duovirt.core.model.HardwareItem#id()}), from the running VM where the hypervisor can and from the saved
     * definition.
     *
     * @return the scopes it was removed from
     */
    default Set<PinScope> removeDevice(String vm, String id, Set<PinScope> scopes) {
        throw unsupported(Feature.DEVICE_ADD);
    }

    /**
     * What the host offers for {@link #addDevice} of this kind to the VM: the choices it supports, or why it offers
     * none. Every kind but the TPM offers all its choices by default; a TPM only where the backend says so (KVM: from
     * libvirt's domain capabilities for the VM's emulator and machine, and only while the VM has no TPM yet).
     */
    default org.duovirt.core.model.DeviceChoices deviceChoices(String vm, NewDevice.Kind kind) {
        return kind == NewDevice.Kind.TPM ? org.duovirt.core.model.DeviceChoices.none("This host offers no TPM for its VMs.")
                : org.duovirt.core.model.DeviceChoices.all(kind);
    }

    /** Sets the link of the NIC with that MAC address up or down, as if the cable were plugged or pulled. */
    default void setNicLink(String vm, String mac, boolean up) {
        throw unsupported(Feature.NIC_LINK);
    }

    /** Whether the VM starts with its host. */
    default void setAutostart(String vm, boolean autostart) {
        throw unsupported(Feature.AUTOSTART);
    }

    /** The persistent boot order (firmware tries the devices in this order from the next start). */
    default void setBootOrder(String vm, List<BootDevice> order) {
        throw unsupported(Feature.BOOT_ORDER);
    }

    /** The persistent definition as it would be edited: inactive domain XML, or the owned xl cfg. */
    default String editableDefinition(String vm) {
        throw unsupported(Feature.EDIT_DEFINITION);
    }

    /**
     * Replaces the VM's persistent definition after the hypervisor validated it (libvirt's schema,
     * {@code xl -N create}); an invalid one is refused with the hypervisor's own message and nothing changes.
     * The name and UUID must stay.
     */
    default void redefine(String vm, String definition) {
        throw unsupported(Feature.EDIT_DEFINITION);
    }

    /**
     * Clones a shut-off VM, choosing per disk (by guest device name) to copy, share or skip it; disks not
     * named are copied when the VM owns them and shared otherwise. Cancelling removes every copy made.
     */
    default VmSummary cloneVm(String vm, String newName, Map<String, CloneDisk> disks, ProgressListener progress) {
        throw unsupported(Feature.CLONE);
    }

    /**
     * The VM's hardware list as its definition states it (devices with their settings, boot order, CPU model,
     * maximum memory), for the details pages. The default tells what {@link #details} knows; backends with a
     * fuller definition override it. Never includes secrets such as graphics passwords.
     */
    default org.duovirt.core.model.VmHardware hardware(String vm) {
        return org.duovirt.core.model.VmHardware.of(details(vm));
    }

    // --- overview: name and description (issue 10) ---

    /**
     * Renames a shut-off VM (libvirt's virDomainRename). Refused, in one sentence, while the VM runs or when
     * another VM of the host has the name; the name is checked with
     * {@link org.duovirt.core.model.VmSpecValidator#nameProblem} first.
     */
    default void rename(String vm, String newName) {
        throw unsupported(Feature.RENAME);
    }

    /** The VM's free-text description as saved in its definition; empty when it has none. */
    default String description(String vm) {
        throw unsupported(Feature.DESCRIPTION);
    }

    /**
     * Saves the VM's description (live too while it runs); an empty text removes it. Text that a definition
     * cannot hold (control characters other than newline and tab) is refused, see
     * {@link org.duovirt.core.model.VmTexts#descriptionProblem}.
     */
    default void setDescription(String vm, String description) {
        throw unsupported(Feature.DESCRIPTION);
    }

    /**
     * Sets a disk's cache mode in the saved definition (it applies at the next start): one of
     * {@link org.duovirt.core.model.DiskCacheModes#MODES}; "default" removes the setting.
     */
    default void setDiskCache(String vm, String target, String cache) {
        throw unsupported(Feature.DISK_CACHE);
    }

    /**
     * The CPU models a new VM of {@code mode} (KVM or QEMU; null: the host's default type) may get on this host, from
     * its domain capabilities: host-passthrough, host-model and the named models, each saying whether it can be used
     * and, when not, why. Empty where the host offers no such choice (Xen).
     */
    default List<org.duovirt.core.model.CpuModelOption> cpuModels(org.duovirt.core.model.VirtMode mode) {
        return List.of();
    }

    /**
     * Gives the VM's saved definition another CPU model (it takes effect at the next start): {@code "default"}
     * (the hypervisor's own choice), host-passthrough, host-model or a named model, checked against {@link
     * #cpuModels} for the VM's domain type. The CPU topology is kept.
     */
    default void setCpuModel(String vm, String model) {
        throw unsupported(Feature.CPU_MODEL);
    }

    /**
     * The host's PCI and USB devices a VM may be given, each marked where it must not be given away (with why) and
     * with the VMs that have it already; whether the host has an IOMMU.
     */
    default org.duovirt.core.model.HostDeviceList hostDevices() {
        throw unsupported(Feature.HOSTDEV);
    }

    /**
     * Gives the VM a host device ({@code device}: a name or address of {@link #hostDevices}), the host keeping its
     * driver until the VM starts (PCI: managed). A PCI device goes into the saved definition only; a USB device also
     * into the running VM. A device the host must keep is refused with its reason.
     *
     * @return the scopes it went into (LIVE, CONFIG or both)
     */
    default Set<PinScope> attachHostDevice(String vm, String device, Set<PinScope> scopes) {
        throw unsupported(Feature.HOSTDEV);
    }

    /**
     * Takes a host device from the VM: {@code device} is a name or address of {@link #hostDevices}, or the VM's own
     * words for it (a PCI address, vendor:product) when the host no longer lists it.
     *
     * @return the scopes it was taken from
     */
    default Set<PinScope> detachHostDevice(String vm, String device, Set<PinScope> scopes) {
        throw unsupported(Feature.HOSTDEV);
    }

    /** The exception every unimplemented operation throws. */
    default NotSupportedException unsupported(Feature feature) {
        return new NotSupportedException(feature, backendName());
    }
}
