package org.duovirt.kvm;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.libvirt.Domain;

/**
 * One bulk statistics call (virConnectGetAllDomainStats or virDomainListGetStats) and the records it
 * returns, read and freed at once. Record layout (x86-64): virDomainPtr dom at 0, params at 8, int
 * nparams at 16; the list is a NULL-terminated array of record pointers.
 */
final class BulkStats {
    /** One domain's record. */
    record Entry(String name, String uuid, Map<String, Object> params) {
    }

    private static final int VIR_ERR_INVALID_ARG = 8;

    private BulkStats() {
    }

    /** All active domains, NOWAIT so a busy monitor does not stall the tick (retried without it on old libvirt). */
    static List<Entry> all(LibvirtConnect connect, int stats, String what) {
        int flags = LibvirtNative.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE | LibvirtNative.VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT;
        PointerByReference ret = new PointerByReference();
        int n = LibvirtNative.INSTANCE.virConnectGetAllDomainStats(connect.pointer(), stats, ret, flags);
        if (n < 0 && NativeHandles.lastErrorCode() == VIR_ERR_INVALID_ARG) {
            n = LibvirtNative.INSTANCE.virConnectGetAllDomainStats(connect.pointer(), stats, ret,
                    LibvirtNative.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE);
        }
        if (n < 0) {
            throw NativeHandles.lastError(what);
        }
        return readAndFree(ret.getValue());
    }

    /** The given domains only. */
    static List<Entry> of(List<Domain> domains, int stats, String what) {
        if (domains.isEmpty()) {
            return List.of();
        }
        Pointer[] array = new Pointer[domains.size() + 1];
        for (int i = 0; i < domains.size(); i++) {
            array[i] = NativeHandles.of(domains.get(i));
        }
        PointerByReference ret = new PointerByReference();
        int n = LibvirtNative.INSTANCE.virDomainListGetStats(array, stats, ret,
                LibvirtNative.VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT);
        if (n < 0 && NativeHandles.lastErrorCode() == VIR_ERR_INVALID_ARG) {
            n = LibvirtNative.INSTANCE.virDomainListGetStats(array, stats, ret, 0);
        }
        if (n < 0) {
            throw NativeHandles.lastError(what);
        }
        return readAndFree(ret.getValue());
    }

    private static List<Entry> readAndFree(Pointer list) {
        List<Entry> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        try {
            for (int i = 0; ; i++) {
                Pointer record = list.getPointer((long) i * Native.POINTER_SIZE);
                if (record == null) {
                    break;
                }
                Pointer dom = record.getPointer(0);
                Pointer params = record.getPointer(8);
                int nparams = record.getInt(16);
                byte[] uuid = new byte[37];
                String uuidText = LibvirtNative.INSTANCE.virDomainGetUUIDString(dom, uuid) == 0
                        ? Native.toString(uuid, "US-ASCII") : null;
                out.add(new Entry(LibvirtNative.INSTANCE.virDomainGetName(dom), uuidText,
                        TypedParams.read(params, nparams)));
            }
        } finally {
            LibvirtNative.INSTANCE.virDomainStatsRecordListFree(list);
        }
        return out;
    }
}
