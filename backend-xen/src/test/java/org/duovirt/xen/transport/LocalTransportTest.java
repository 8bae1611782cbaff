package org.duovirt.xen.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.duovirt.core.error.DuovirtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTransportTest {
    private final LocalTransport local = new LocalTransport();

    @TempDir
    Path dir;

    @Test
    void runsAnArgumentListWithStdinAndKeepsStdoutAndStderrApart() {
        CommandResult result = local.run(List.of("sh", "-c", "cat; echo oops >&2; exit 3"), "in $(id)".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(10));
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("in $(id)");
        assertThat(result.stderr()).isEqualTo("oops\n");
    }

    @Test
    void aCommandThatOutlivesItsTimeoutIsKilled() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> local.run(List.of("sleep", "30"), null, Duration.ofMillis(300)))
                .isInstanceOf(DuovirtException.class).hasMessageContaining("did not finish");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aMissingProgramIsAClearError() {
        assertThatThrownBy(() -> local.run(List.of("no-such-xl-binary"))).isInstanceOf(DuovirtException.class)
                .hasMessageContaining("Could not run 'no-such-xl-binary'");
    }

    @Test
    void writesAndReadsFilesWithHostileNamesAtomically() {
        String path = dir.resolve("we'ird $(name) \"x\".cfg").toString();
        local.writeFile(path, "name = \"a\"\n".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(local.readFile(path), StandardCharsets.UTF_8)).isEqualTo("name = \"a\"\n");
        local.writeFile(path, "second".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.exists(Path.of(path))).isTrue();
        assertThat(new String(local.readFile(path), StandardCharsets.UTF_8)).isEqualTo("second");
        assertThat(dir.toFile().list()).hasSize(1); // no temporary file left behind
    }

    @Test
    void ptyCommandsSeeATerminal() throws Exception {
        try (RunningCommand pty = local.openPty(List.of("sh", "-c", "[ -t 0 ] && echo 'tty yes' || echo 'tty no'"))) {
            BufferedReader in = new BufferedReader(new InputStreamReader(pty.output(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).contains("tty yes");
        }
    }

    @Test
    void streamsDeliverLinesAsTheyComeAndCloseEndsTheCommand() throws Exception {
        RunningCommand stream = local.openStream(List.of("sh", "-c", "i=0; while :; do echo tick $i; i=$((i+1)); sleep 0.1; done"));
        BufferedReader in = new BufferedReader(new InputStreamReader(stream.output(), StandardCharsets.UTF_8));
        assertThat(in.readLine()).isEqualTo("tick 0");
        assertThat(in.readLine()).isEqualTo("tick 1");
        stream.close();
        for (int i = 0; i < 50 && stream.isOpen(); i++) {
            Thread.sleep(100);
        }
        assertThat(stream.isOpen()).isFalse();
    }
}
