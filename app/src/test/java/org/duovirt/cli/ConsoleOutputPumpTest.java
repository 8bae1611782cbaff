package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleOutputPumpTest {
    private static InputStream chunks(String... parts) {
        List<InputStream> streams = java.util.Arrays.stream(parts)
                .map(p -> (InputStream) new java.io.ByteArrayInputStream(p.getBytes(StandardCharsets.UTF_8))).toList();
        return new SequenceInputStream(Collections.enumeration(streams));
    }

    @Test
    void findsTheAwaitedTextEvenWhenSplitAcrossReads() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var pump = new ConsoleCommand.GuestOutputPump(chunks("boot...DUOVIRT-GU", "EST-READY kernel", " more"),
                new PrintStream(out, true, StandardCharsets.UTF_8), "DUOVIRT-GUEST-READY");
        pump.run();
        assertThat(pump.sawText()).isTrue();
        assertThat(pump.finished().getCount()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("boot...DUOVIRT-GUEST-READY kernel");
    }

    @Test
    void copiesEverythingAndReportsAbsenceWhenTheConsoleEnds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var pump = new ConsoleCommand.GuestOutputPump(chunks("a", "b"), new PrintStream(out, true, StandardCharsets.UTF_8), "zzz");
        pump.run();
        assertThat(pump.sawText()).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ab");
    }
}
