package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tableColumnsAreAsWideAsTheirWidestCell() {
        new Output(new PrintStream(bytes, true, StandardCharsets.UTF_8), false)
                .table(List.of("NAME", "STATE"), List.of(List.of("a-long-name", "running"), List.of("b", "shutoff")));
        assertThat(printed()).isEqualTo("NAME         STATE\na-long-name  running\nb            shutoff\n");
    }

    @Test
    void jsonEscapesHostileNamesAndPrintsUnknownRatesAsNull() {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("name", "q\"<&>\n$(x) Ünï");
        vm.put("cpuPercent", Json.number(Double.NaN));
        vm.put("diskReadBps", Json.number(1234.5678));
        new Output(new PrintStream(bytes, true, StandardCharsets.UTF_8), true).json(vm);
        assertThat(printed().strip()).isEqualTo("{\"name\":\"q\\\"<&>\\n$(x) Ünï\",\"cpuPercent\":null,\"diskReadBps\":1234.57}");
    }

    @Test
    void sizesUseBinaryUnits() {
        assertThat(Sizes.bytes(512)).isEqualTo("512 B");
        assertThat(Sizes.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Sizes.bytes(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GiB");
        assertThat(Sizes.bytes(Double.NaN)).isEqualTo("-");
        assertThat(Sizes.percent(12.345)).isEqualTo("12.3%");
    }
}
