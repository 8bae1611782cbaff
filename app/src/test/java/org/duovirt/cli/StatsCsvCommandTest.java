package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code duovirt stats --csv} and {@code duovirt host-stats} on libvirt's test driver. */
class StatsCsvCommandTest {
    private static final String URI = "test:///default";

    @Test
    void statsCsvPrintsTheExportsColumnsOneRowPerSeries() {
        CliRun run = CliRun.of("stats", "--csv", "--interval", "0.3", "--count", "2", "-c", URI);
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("timestamp,vm,series,unit,value");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.split(",", -1).length == 5)
                .anyMatch(l -> l.contains(",test,cpu,%,")).anyMatch(l -> l.contains(",test,memory.used,MiB,"))
                .anyMatch(l -> l.contains(",test,disk.read,B/s,")).anyMatch(l -> l.contains(",test,net.tx_packets,pkt/s,"));
        long times = lines.stream().skip(1).map(l -> l.split(",")[0]).distinct().count();
        assertThat(times).isEqualTo(2);
    }

    @Test
    void csvAndJsonTogetherAreRefused() {
        CliRun run = CliRun.of("stats", "--csv", "--json", "-c", URI);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--csv").contains("--json");
    }

    @Test
    void hostStatsListsEveryCpuOfTheHost() {
        CliRun run = CliRun.of("host-stats", "--csv", "--interval", "0.2", "--count", "1", "-c", URI);
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("timestamp,cpu,percent,vcpus");
        assertThat(lines.stream().skip(1).map(l -> l.split(",", -1)[1]).toList())
                .isEqualTo(Arrays.asList("0", "1", "2", "3", "4", "5", "6", "7"));
    }
}
