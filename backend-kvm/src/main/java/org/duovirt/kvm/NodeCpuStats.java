package org.duovirt.kvm;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.stats.HostCpuSample;

/**
 * Per-CPU cumulative times of the host through virNodeGetCPUStats (not bound by libvirt-java): kernel, user,
 * idle and iowait nanoseconds for each CPU. Busy = kernel + user (+ anything else reported but idle/iowait).
 */
final class NodeCpuStats {
    private static final int FIELD = 80;
    private static final int RECORD = 88;

    private NodeCpuStats() {
    }

    static HostCpuSample sample(LibvirtConnect connect, String what) {
        int count = LibvirtNative.INSTANCE.virNodeGetCPUMap(connect.pointer(), null, null, 0);
        if (count < 0) {
            throw NativeHandles.lastError(what);
        }
        List<HostCpuSample.Cpu> cpus = new ArrayList<>(count);
        for (int cpu = 0; cpu < count; cpu++) {
            IntByReference n = new IntByReference(0);
            if (LibvirtNative.INSTANCE.virNodeGetCPUStats(connect.pointer(), cpu, null, n, 0) < 0) {
                throw NativeHandles.lastError(what);
            }
            if (n.getValue() == 0) {
                continue;
            }
            Memory params = new Memory((long) RECORD * n.getValue());
            params.clear();
            if (LibvirtNative.INSTANCE.virNodeGetCPUStats(connect.pointer(), cpu, params, n, 0) < 0) {
                throw NativeHandles.lastError(what);
            }
            long busy = 0;
            long idle = 0;
            for (int i = 0; i < n.getValue(); i++) {
                String field = Native.toString(params.getByteArray((long) i * RECORD, FIELD), "US-ASCII");
                long value = params.getLong((long) i * RECORD + FIELD);
                switch (field) {
                    case "idle", "iowait" -> idle += value;
                    case "utilization" -> { } // a percentage some drivers add, not a time
                    default -> busy += value;
                }
            }
            cpus.add(new HostCpuSample.Cpu(cpu, busy, idle));
        }
        return new HostCpuSample(Instant.now(), System.nanoTime(), cpus, List.of());
    }
}
