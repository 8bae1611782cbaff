package org.duovirt.core.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The series values of one VM's rates, in the units and CPU definitions of {@link Metric}. The history,
 * the charts, the GUI's CSV export and {@code duovirt stats --csv} all take their figures from here.
 * Per-device series appear when a VM has two disks (NICs) or more; with one, the total is that device.
 */
public final class VmSeries {
    private VmSeries() {
    }

    /**
     * @param vcpus the VM's vCPU count, for the share of its vCPUs; 0 to take it from the rates
     * @return series in a stable order; NaN where a value is unknown
     */
    public static Map<SeriesKey, Double> of(VmRates r, int vcpus) {
        Map<SeriesKey, Double> out = new LinkedHashMap<>();
        int n = vcpus > 0 ? vcpus : r.vcpuCount();
        out.put(SeriesKey.total(Metric.CPU), n > 0 && !Double.isNaN(r.cpuPercent())
                ? Math.min(100.0, r.cpuPercent() / n) : Double.NaN);
        for (int i = 0; i < r.vcpuCount(); i++) {
            out.put(new SeriesKey(Metric.VCPU, Integer.toString(i)), r.vcpuPercent(i));
        }
        out.put(SeriesKey.total(Metric.MEMORY_USED), mib(r.memoryUsedMiB()));
        out.put(SeriesKey.total(Metric.MEMORY_AVAILABLE), mib(r.memoryAvailableMiB()));
        out.put(SeriesKey.total(Metric.MEMORY_BALLOON), mib(r.memoryBalloonMiB()));
        out.put(SeriesKey.total(Metric.DISK_READ), r.diskReadBps());
        out.put(SeriesKey.total(Metric.DISK_WRITE), r.diskWriteBps());
        out.put(SeriesKey.total(Metric.DISK_READ_OPS), r.diskReadOps());
        out.put(SeriesKey.total(Metric.DISK_WRITE_OPS), r.diskWriteOps());
        for (IoRates d : devices(r.disks())) {
            put(out, d, Metric.DISK_READ, Metric.DISK_WRITE, Metric.DISK_READ_OPS, Metric.DISK_WRITE_OPS);
        }
        out.put(SeriesKey.total(Metric.NET_RX), r.netRxBps());
        out.put(SeriesKey.total(Metric.NET_TX), r.netTxBps());
        out.put(SeriesKey.total(Metric.NET_RX_PACKETS), r.netRxPackets());
        out.put(SeriesKey.total(Metric.NET_TX_PACKETS), r.netTxPackets());
        for (IoRates d : devices(r.nics())) {
            put(out, d, Metric.NET_RX, Metric.NET_TX, Metric.NET_RX_PACKETS, Metric.NET_TX_PACKETS);
        }
        return out;
    }

    private static void put(Map<SeriesKey, Double> out, IoRates d, Metric read, Metric write, Metric readOps, Metric writeOps) {
        out.put(new SeriesKey(read, d.device()), d.readBps());
        out.put(new SeriesKey(write, d.device()), d.writeBps());
        out.put(new SeriesKey(readOps, d.device()), d.readOps());
        out.put(new SeriesKey(writeOps, d.device()), d.writeOps());
    }

    /** One device is the total already: its series would only repeat the total's (and cost history memory). */
    private static java.util.List<IoRates> devices(java.util.List<IoRates> devices) {
        return devices.size() > 1 ? devices : java.util.List.of();
    }

    private static double mib(long mib) {
        return mib < 0 ? Double.NaN : mib;
    }
}
