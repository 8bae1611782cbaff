package org.duovirt.core.stats;

/**
 * One series of a VM: a metric, and for per-vCPU and per-device metrics which one.
 *
 * @param part the vCPU number or device name; null for the VM's total
 */
public record SeriesKey(Metric metric, String part) implements Comparable<SeriesKey> {
    public static SeriesKey total(Metric metric) {
        return new SeriesKey(metric, null);
    }

    public String id() {
        return metric.id(part);
    }

    /** Totals before parts, metrics in their declared order, vCPUs by number, devices by name. */
    @Override
    public int compareTo(SeriesKey o) {
        int m = metric.compareTo(o.metric);
        if (m != 0) {
            return m;
        }
        if (part == null || o.part == null) {
            return part == null ? (o.part == null ? 0 : -1) : 1;
        }
        if (metric == Metric.VCPU) {
            return Integer.compare(Integer.parseInt(part), Integer.parseInt(o.part));
        }
        return part.compareTo(o.part);
    }
}
