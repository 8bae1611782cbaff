package org.duovirt.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.techsenger.jeditermfx.core.util.TermSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The connector between JediTermFX and a VM's console, on real byte streams (a pipe pair, a local pty). */
class TextConsoleTtyConnectorTest {
    private final AtomicInteger ends = new AtomicInteger();
    private final List<TermSize> sizes = new ArrayList<>();

    private TextConsoleTtyConnector connect(org.duovirt.core.spi.TextConsole console) {
        return new TextConsoleTtyConnector(console, "term-test", ends::incrementAndGet, sizes::add);
    }

    /** Reads until {@code expected} has arrived (or the stream ends), as the emulator thread would. */
    private static String readUntil(TextConsoleTtyConnector c, String expected) throws IOException {
        StringBuilder got = new StringBuilder();
        char[] buf = new char[256];
        while (!got.toString().contains(expected)) {
            int n = c.read(buf, 0, buf.length);
            if (n < 0) {
                break;
            }
            got.append(buf, 0, n);
        }
        return got.toString();
    }

    @Test
    void decodesUtf8SplitAcrossWritesAndMarksBrokenBytes() throws Exception {
        StreamConsoles.Piped pipe = StreamConsoles.piped();
        TextConsoleTtyConnector c = connect(pipe);
        byte[] text = "año €\u001b[31m".getBytes(StandardCharsets.UTF_8);
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return readUntil(c, "!");
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        // 'ñ' and '€' arrive in two pieces each, as a serial line may deliver them.
        for (byte b : text) {
            pipe.guestWrites().write(b);
            pipe.guestWrites().flush();
        }
        pipe.guestWrites().write(new byte[] {(byte) 0xff, '!'});
        pipe.guestWrites().flush();
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("año €\u001b[31m\ufffd!");
    }

    @Test
    void typedTextReachesTheGuestAsUtf8() throws Exception {
        StreamConsoles.Piped pipe = StreamConsoles.piped();
        TextConsoleTtyConnector c = connect(pipe);
        c.write("ls -l ñ\r");
        c.write(new byte[] {0x1b, '[', 'A'});
        byte[] got = pipe.typedByUser().readNBytes(12);
        assertThat(new String(got, StandardCharsets.UTF_8)).isEqualTo("ls -l ñ\r\u001b[A");
    }

    @Test
    void aProgramOnALocalPtyEchoesWhatIsTypedAndItsEndIsReportedOnce() throws Exception {
        TextConsoleTtyConnector c = connect(StreamConsoles.onPty("printf 'ready\\n'; read line; printf 'got %s\\n' \"$line\""));
        assertThat(c.isConnected()).isTrue();
        assertThat(readUntil(c, "ready")).contains("ready");
        c.write("hola\r");
        String out = readUntil(c, "got hola");
        assertThat(out).contains("hola").contains("got hola");
        // The program exits: the stream ends, and the end is reported exactly once.
        char[] buf = new char[64];
        while (c.read(buf, 0, buf.length) >= 0) {
            // drain the rest
        }
        c.close();
        assertThat(ends).hasValue(1);
        assertThat(c.isConnected()).isFalse();
    }

    @Test
    void closingEndsAReadBlockedOnASilentGuest() throws Exception {
        TextConsoleTtyConnector c = connect(StreamConsoles.onPty("sleep 60"));
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                return c.read(new char[16], 0, 16);
            } catch (IOException e) {
                return -2;
            }
        });
        Thread.sleep(300);
        assertThat(read).isNotDone();
        c.close();
        assertThat(read.get(10, TimeUnit.SECONDS)).isLessThan(0);
        assertThat(c.waitFor()).isZero();
        assertThat(ends).hasValue(1);
    }

    @Test
    void writingAfterCloseFailsInsteadOfVanishing() {
        StreamConsoles.Piped pipe = StreamConsoles.piped();
        TextConsoleTtyConnector c = connect(pipe);
        c.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.write("x"))
                .isInstanceOf(IOException.class).hasMessageContaining("term-test");
    }

    @Test
    void aResizeIsReportedButNothingIsSentToTheGuest() throws Exception {
        StreamConsoles.Piped pipe = StreamConsoles.piped();
        TextConsoleTtyConnector c = connect(pipe);
        c.resize(new TermSize(132, 43));
        assertThat(sizes).extracting(TermSize::getColumns, TermSize::getRows).containsExactly(org.assertj.core.groups.Tuple.tuple(132, 43));
        assertThat(pipe.typedByUser().available()).isZero();
    }

    @Test
    void aStreamThatEndsByItselfGoesOnWithTheConsoleOpenedAgainBehindTheSameScreen() throws Exception {
        StreamConsoles.Piped first = StreamConsoles.piped();
        StreamConsoles.Piped second = StreamConsoles.piped();
        AtomicInteger reattaches = new AtomicInteger();
        TextConsoleTtyConnector c = new TextConsoleTtyConnector(first, "term-test",
                () -> reattaches.incrementAndGet() == 1 ? second : null, ends::incrementAndGet, sizes::add);
        CompletableFuture<String> read = readAsync(c, "after");
        first.guestWrites().write("before ".getBytes(StandardCharsets.UTF_8));
        first.guestWrites().close(); // the SSH channel dropped
        second.guestWrites().write("after".getBytes(StandardCharsets.UTF_8));
        second.guestWrites().flush();
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("before after");
        assertThat(reattaches).hasValue(1);
        assertThat(ends).as("no end while it went on").hasValue(0);
        c.write("typed");
        assertThat(new String(second.typedByUser().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("typed");
        second.guestWrites().close();
        assertThat(c.read(new char[8], 0, 8)).as("the second end, with no console to go on with").isNegative();
        assertThat(reattaches).hasValue(2);
        assertThat(ends).hasValue(1);
    }

    @Test
    void anEndAfterTheUserTypedTheDetachKeyIsFinal() throws Exception {
        StreamConsoles.Piped pipe = StreamConsoles.piped();
        AtomicInteger reattaches = new AtomicInteger();
        TextConsoleTtyConnector c = reattachingEachTime(pipe, reattaches);
        c.write(new byte[] {0x1d}); // Ctrl-]: xenconsole detaches
        pipe.guestWrites().close();
        assertThat(c.read(new char[8], 0, 8)).isNegative();
        assertThat(reattaches).hasValue(0);
        assertThat(ends).hasValue(1);
    }

    @Test
    void closingTheTabEndsTheConsoleWithoutOpeningItAgain() throws Exception {
        StreamConsoles.Piped pipe = StreamConsoles.piped();
        AtomicInteger reattaches = new AtomicInteger();
        TextConsoleTtyConnector c = reattachingEachTime(pipe, reattaches);
        CompletableFuture<String> read = readAsync(c, "never");
        c.close();
        read.get(10, TimeUnit.SECONDS);
        assertThat(reattaches).hasValue(0);
        assertThat(ends).hasValue(1);
    }

    /** A connector that, whenever asked, opens a fresh console again, counting how often. */
    private TextConsoleTtyConnector reattachingEachTime(org.duovirt.core.spi.TextConsole console, AtomicInteger reattaches) {
        return new TextConsoleTtyConnector(console, "term-test", () -> {
            reattaches.incrementAndGet();
            return StreamConsoles.piped();
        }, ends::incrementAndGet, sizes::add);
    }

    private static CompletableFuture<String> readAsync(TextConsoleTtyConnector c, String until) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return readUntil(c, until);
            } catch (IOException e) {
                return "failed: " + e.getMessage();
            }
        });
    }
}
