package org.duovirt.core.spi;

import java.util.List;
import java.util.Set;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.NotSupportedException;
import org.duovirt.core.model.CpuPool;
import org.duovirt.core.model.GraphicsEndpoint;
import org.duovirt.core.model.HostInfo;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.model.SnapshotInfo;
import org.duovirt.core.model.StorageItem;
import org.duovirt.core.model.VcpuPinning;
import org.duovirt.core.model.VmDetails;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmSummary;
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

    /** Moves a running VM into another cpupool. */
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

    default List<SnapshotInfo> snapshots(String vm) {
        throw unsupported(Feature.SNAPSHOTS);
    }

    default void createSnapshot(String vm, String name, String description) {
        throw unsupported(Feature.SNAPSHOTS);
    }

    default void revertSnapshot(String vm, String name) {
        throw unsupported(Feature.SNAPSHOTS);
    }

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

    // ---- pinning ----

    /** Hard (and soft, where the hypervisor has it) affinity and current CPU of each vCPU. */
    default VcpuPinning pinning(String vm) {
        throw unsupported(Feature.PIN_LIVE);
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

    // ---- consoles ----

    /** Attaches to the VM's text console. Close the console to detach. */
    default TextConsole openConsole(String vm) {
        throw unsupported(Feature.TEXT_CONSOLE);
    }

    /** Where the VM's graphical console listens. */
    default GraphicsEndpoint graphics(String vm) {
        throw unsupported(Feature.GRAPHICS_CONSOLE);
    }

    /** The exception every unimplemented operation throws. */
    default NotSupportedException unsupported(Feature feature) {
        return new NotSupportedException(feature, backendName());
    }
}
