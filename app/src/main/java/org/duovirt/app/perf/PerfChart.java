package org.duovirt.app.perf;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import org.duovirt.app.host.Units;
import org.duovirt.core.stats.Metric;

/**
 * The six charts of the Performance tab: which metrics each draws, their unit and value format. A metric
 * kept per vCPU or per device gets one line per vCPU or device after its total.
 */
public enum PerfChart {
    CPU(List.of(Metric.CPU, Metric.VCPU), 100, ValueAxis.Scale.DECIMAL, v -> String.format(Locale.ROOT, "%.1f %%", v)),
    MEMORY(List.of(Metric.MEMORY_USED, Metric.MEMORY_AVAILABLE, Metric.MEMORY_BALLOON), Double.NaN,
            ValueAxis.Scale.BINARY, v -> Units.mebibytes(Math.round(v))),
    DISK_BYTES(List.of(Metric.DISK_READ, Metric.DISK_WRITE), Double.NaN, ValueAxis.Scale.BYTE_RATE, Units::rate),
    DISK_REQUESTS(List.of(Metric.DISK_READ_OPS, Metric.DISK_WRITE_OPS), Double.NaN, ValueAxis.Scale.DECIMAL,
            v -> count(v, "req/s")),
    NET_BYTES(List.of(Metric.NET_RX, Metric.NET_TX), Double.NaN, ValueAxis.Scale.BYTE_RATE, Units::rate),
    NET_PACKETS(List.of(Metric.NET_RX_PACKETS, Metric.NET_TX_PACKETS), Double.NaN, ValueAxis.Scale.DECIMAL,
            v -> count(v, "pkt/s"));

    private final List<Metric> metrics;
    private final double fixedMax;
    private final ValueAxis.Scale scale;
    private final DoubleFunction<String> format;

    PerfChart(List<Metric> metrics, double fixedMax, ValueAxis.Scale scale, DoubleFunction<String> format) {
        this.metrics = metrics;
        this.fixedMax = fixedMax;
        this.scale = scale;
        this.format = format;
    }

    /** A rate of counts: whole numbers without a decimal ("150000 req/s", not "150000.0 req/s"), others with one. */
    static String count(double v, String unit) {
        boolean whole = Math.abs(v - Math.rint(v)) < 1e-9;
        return String.format(Locale.ROOT, whole ? "%.0f %s" : "%.1f %s", v, unit);
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public double fixedMax() {
        return fixedMax;
    }

    /** How the value axis steps when it fits the data (IEC units for bytes and MiB, decimals for counts). */
    public ValueAxis.Scale scale() {
        return scale;
    }

    public DoubleFunction<String> format() {
        return format;
    }

    /** Bundle keys: perf.chart.cpu, perf.axis.cpu … */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
