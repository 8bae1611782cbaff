package org.duovirt.xen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duovirt.core.error.VmNotFoundException;
import org.duovirt.core.model.ConsoleInfo;
import org.duovirt.core.model.DiskInfo;
import org.duovirt.core.model.NicInfo;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmDetails;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.duovirt.xen.OwnedConfigStore.OwnedVm;
import org.duovirt.xen.config.XlConfig;
import org.duovirt.xen.config.XlDisk;
import org.duovirt.xen.parse.XlDomainConfig;
import org.duovirt.xen.parse.XlDomainRow;
import org.duovirt.xen.parse.XlListJsonParser;

/**
 * What the list and the details view show: running domains merged with the owned configs. A VM Duovirt
 * owns is described from its config (what the user asked for), with what only the running domain knows
 * (domid, state, the MACs xl picked) added; a foreign domain from {@code xl list -l}.
 */
final class XenVmViews {
    /** Runs the second of two independent reads; its threads end after a minute unused. */
    static final java.util.concurrent.ExecutorService SIDE = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "xen-listing");
        t.setDaemon(true);
        return t;
    });
    private final XenDomains domains;

    XenVmViews(XenDomains domains) {
        this.domains = domains;
    }

    /** What a VM listing reads from dom0: the running domains and the owned configs. */
    record Reads(List<XlDomainRow> rows, Map<String, OwnedVm> owned) {
    }

    /**
     * Both reads of a listing. They are independent, so they run side by side in two channels of the one session:
     * under emulation each is a shell and a process in dom0 whose start alone costs a second or more, and a
     * reconnect waits for this listing.
     */
    static Reads read(XenDomains domains) {
        java.util.concurrent.CompletableFuture<Map<String, OwnedVm>> configs =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> domains.store().loadAll(), SIDE);
        List<XlDomainRow> rows = domains.running();
        try {
            return new Reads(rows, configs.join());
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The VM list from what a listing read. */
    static List<VmSummary> summaries(Reads reads, boolean includeInactive) {
        List<XlDomainRow> rows = reads.rows();
        Map<String, OwnedVm> owned = reads.owned();
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
        VmState state = vm.saved() ? VmState.SAVED : VmState.SHUTOFF;
        if (cfg == null) {
            return new VmSummary(vm.name(), null, state, -1, 0, 0, 0, 0);
        }
        return new VmSummary(vm.name(), cfg.uuid(), state, -1, cfg.vcpus(), cfg.maxVcpus(), cfg.memoryMiB() * 1024,
                cfg.maxMemoryMiB() * 1024);
    }

    /** What one read of a VM gave: its details, and the owned config and live libxl config behind them. */
    private record Read(VmDetails details, XlConfig cfg, XlDomainConfig live) {
    }

    VmDetails details(String vm) {
        return read(vm).details();
    }

    /** The hardware list: the details' devices, plus direct kernel boot, the HVM boot order and maximum memory. */
    org.duovirt.core.model.VmHardware hardware(String vm) {
        Read r = read(vm);
        return XenHardware.of(r.details(), r.cfg(), r.live());
    }

    private Read read(String vm) {
        XlDomainRow row = domains.runningOrNull(vm);
        OwnedVm owned = domains.store().find(vm);
        if (row == null && owned == null) {
            throw new VmNotFoundException(vm, domains.host());
        }
        XlConfig cfg = owned == null ? null : owned.config();
        XlDomainConfig live = row == null ? null
                : XlListJsonParser.parse(domains.xl().query("read the details of '" + vm + "'", vm, "list", "-l", XenDomains.domid(row)))
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
        return new Read(new VmDetails(summary, type, mode, "x86_64", false, disks, nics, consoles), cfg, live);
    }

    String definition(String vm) {
        OwnedVm owned = domains.store().find(vm);
        if (owned != null) {
            return owned.text();
        }
        XlDomainRow row = domains.runningOrNull(vm);
        if (row == null) {
            throw new VmNotFoundException(vm, domains.host());
        }
        return domains.xl().query("read the configuration of '" + vm + "'", vm, "list", "-l", XenDomains.domid(row));
    }
}
