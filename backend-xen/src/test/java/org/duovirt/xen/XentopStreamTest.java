package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.xen.parse.XentopDomain;
import org.duovirt.xen.transport.LocalTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream plumbing (one long-lived process, iterations handed over as they complete, restart when it
 * ends) with a real process replaying captured xentop output; the real xentop runs in the Xen IT.
 */
class XentopStreamTest {
    @TempDir
    Path dir;

    /** Prints the capture's lines forever, one iteration per header, like xentop -b -d 1 (faster). */
    private List<String> replay(String pidFile) throws Exception {
        Path capture = dir.resolve("xentop.txt");
        Files.writeString(capture, Golden.read("xl-output/xentop-b-d1-i3-f-v-n-x.txt"));
        return List.of("sh", "-c", "echo $$ > \"$2\"; while :; do while IFS= read -r line; do "
                + "case \"$line\" in *NAME*STATE*) sleep 0.2;; esac; printf '%s\\n' \"$line\"; done < \"$1\"; done",
                "sh", capture.toString(), pidFile);
    }

    @Test
    void samplesReadTheLatestCompleteIterationOfOneProcess() throws Exception {
        String pidFile = dir.resolve("pid").toString();
        try (XentopStream stream = new XentopStream(new LocalTransport(), replay(pidFile))) {
            XentopStream.Snapshot first = stream.latest(Duration.ofSeconds(20));
            assertThat(first.domains()).extracting(XentopDomain::name).containsExactly("capguest", "Domain-0", "xenbk-m");
            String pid = Files.readString(Path.of(pidFile)).strip();
            Thread.sleep(700);
            XentopStream.Snapshot later = stream.latest(Duration.ofSeconds(20));
            assertThat(later.monotonicNanos()).isGreaterThan(first.monotonicNanos());
            assertThat(Files.readString(Path.of(pidFile)).strip()).as("still the same process").isEqualTo(pid);
        }
    }

    @Test
    void aStreamThatEndsIsStartedAgain() throws Exception {
        String pidFile = dir.resolve("pid").toString();
        try (XentopStream stream = new XentopStream(new LocalTransport(), replay(pidFile))) {
            stream.latest(Duration.ofSeconds(20));
            String pid = Files.readString(Path.of(pidFile)).strip();
            new ProcessBuilder("kill", pid).start().waitFor();
            Thread.sleep(500);
            XentopStream.Snapshot again = stream.latest(Duration.ofSeconds(20));
            assertThat(again.domains()).hasSize(3);
            assertThat(Files.readString(Path.of(pidFile)).strip()).isNotEqualTo(pid);
        }
    }

    @Test
    void aCommandThatPrintsNothingUsableFailsClearly() {
        try (XentopStream stream = new XentopStream(new LocalTransport(), List.of("sh", "-c", "echo nonsense"))) {
            assertThatThrownBy(() -> stream.latest(Duration.ofSeconds(10))).isInstanceOf(DuovirtException.class)
                    .hasMessageContaining("xentop gave no statistics");
        }
    }
}
