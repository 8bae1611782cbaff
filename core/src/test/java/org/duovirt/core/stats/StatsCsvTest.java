package org.duovirt.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duovirt.core.stats.history.Tier;
import org.duovirt.core.stats.history.VmHistory;
import org.junit.jupiter.api.Test;

class StatsCsvTest {
    @Test
    void writesOneRowPerTimeAndSeriesWithUnitsAndEmptyUnknowns() {
        VmHistory h = new VmHistory(List.of(new Tier(0, 10), new Tier(60_000, 2)));
        Map<SeriesKey, Double> values = new LinkedHashMap<>();
        values.put(SeriesKey.total(Metric.CPU), 12.5);
        values.put(new SeriesKey(Metric.VCPU, "0"), Double.NaN);
        values.put(SeriesKey.total(Metric.DISK_READ), 123456789.0);
        h.add(1_764_547_200_123L, values);
        StringBuilder out = new StringBuilder();
        StatsCsv.header(out);
        StatsCsv.rows(out, "web, \"prod\"", h.latest(10));
        assertThat(out.toString()).isEqualTo("timestamp,vm,series,unit,value\r\n"
                + "2025-12-01T00:00:00.123Z,\"web, \"\"prod\"\"\",cpu,%,12.5\r\n"
                + "2025-12-01T00:00:00.123Z,\"web, \"\"prod\"\"\",vcpu.0,%,\r\n"
                + "2025-12-01T00:00:00.123Z,\"web, \"\"prod\"\"\",disk.read,B/s,123456792\r\n");
    }

    @Test
    void theCliRowsAndTheHistoryRowsAgreeToTheDigit() {
        Map<SeriesKey, Double> values = Map.of(SeriesKey.total(Metric.NET_RX), 1234.5678901);
        VmHistory h = new VmHistory(List.of(new Tier(0, 10), new Tier(60_000, 2)));
        h.add(5_000, values);
        StringBuilder fromHistory = new StringBuilder();
        StatsCsv.rows(fromHistory, "vm", h.latest(1));
        StringBuilder fromCli = new StringBuilder();
        StatsCsv.rows(fromCli, Instant.ofEpochMilli(5_000), "vm", values);
        assertThat(fromCli.toString()).isEqualTo(fromHistory.toString()).contains(",1234.5679\r\n");
    }

    @Test
    void numbersArePlainDecimals() {
        assertThat(StatsCsv.number(0f)).isEqualTo("0");
        assertThat(StatsCsv.number(-0f)).isEqualTo("0");
        assertThat(StatsCsv.number(1e9f)).isEqualTo("1000000000");
        assertThat(StatsCsv.number(0.0001f)).isEqualTo("0.0001");
        assertThat(StatsCsv.number(Float.NaN)).isEmpty();
    }
}
