package org.duovirt.core.stats;

/**
 * What one series of a VM's history measures, with its unit. The CPU definitions are those of
 * docs/decisions/0003-cpu-definitions-and-stats-history.md: {@link #CPU} is the share of the VM's own vCPUs (0–100 %),
 * {@link #VCPU} the share of one host CPU that vCPU used (0–100 %).
 */
public enum Metric {
    CPU("cpu", null, Unit.PERCENT, StatsGroup.CPU),
    VCPU("vcpu", null, Unit.PERCENT, StatsGroup.VCPU),
    MEMORY_USED("memory", "used", Unit.MIB, StatsGroup.MEMORY),
    MEMORY_AVAILABLE("memory", "available", Unit.MIB, StatsGroup.MEMORY),
    MEMORY_BALLOON("memory", "balloon", Unit.MIB, StatsGroup.MEMORY),
    DISK_READ("disk", "read", Unit.BYTES_PER_SECOND, StatsGroup.BLOCK),
    DISK_WRITE("disk", "write", Unit.BYTES_PER_SECOND, StatsGroup.BLOCK),
    DISK_READ_OPS("disk", "read_reqs", Unit.REQUESTS_PER_SECOND, StatsGroup.BLOCK),
    DISK_WRITE_OPS("disk", "write_reqs", Unit.REQUESTS_PER_SECOND, StatsGroup.BLOCK),
    NET_RX("net", "rx", Unit.BYTES_PER_SECOND, StatsGroup.NET),
    NET_TX("net", "tx", Unit.BYTES_PER_SECOND, StatsGroup.NET),
    NET_RX_PACKETS("net", "rx_packets", Unit.PACKETS_PER_SECOND, StatsGroup.NET),
    NET_TX_PACKETS("net", "tx_packets", Unit.PACKETS_PER_SECOND, StatsGroup.NET);

    /** Units as the CSV and the axis labels write them (IEC). */
    public enum Unit {
        PERCENT("%"), MIB("MiB"), BYTES_PER_SECOND("B/s"), REQUESTS_PER_SECOND("req/s"), PACKETS_PER_SECOND("pkt/s");

        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    private final String family;
    private final String field;
    private final Unit unit;
    private final StatsGroup group;

    Metric(String family, String field, Unit unit, StatsGroup group) {
        this.family = family;
        this.field = field;
        this.unit = unit;
        this.group = group;
    }

    public Unit unit() {
        return unit;
    }

    /** The stats group a subscriber asks for to get this metric. */
    public StatsGroup group() {
        return group;
    }

    /** The series id: {@code cpu}, {@code vcpu.1}, {@code memory.used}, {@code disk.vda.read}, {@code net.rx}. */
    public String id(String part) {
        StringBuilder b = new StringBuilder(family);
        if (part != null) {
            b.append('.').append(part);
        }
        if (field != null) {
            b.append('.').append(field);
        }
        return b.toString();
    }
}
