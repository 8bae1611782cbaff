package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.duovirt.app.it.ConsoleText;

/** Types a line with {@code duovirt send-keys} (Duovirt's RFB client) until the guest's echo shows on its text console. */
final class SendKeys {
    private SendKeys() {
    }

    /**
     * Keys sent before a guest's keyboard is bound are lost, and its "ready" line may have gone out before the
     * console was attached: a numbered line is typed again until {@code echo + line} is seen.
     *
     * @return the attempt that was heard
     */
    static int untilEchoed(String uri, String vm, String line, String echo, StringBuffer seen, Duration each, int attempts)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            String typed = line + " #" + attempt + ": $(id) <x>";
            CliRun keys = CliRun.of("-c", uri, "send-keys", vm, "--text", typed + "\\n");
            assertThat(keys.exitCode()).as(keys.err()).isZero();
            if (ConsoleText.await(seen, echo + typed, each)) {
                return attempt;
            }
            assertThat(attempt).as("typed lines never echoed; the console showed:\n" + seen).isLessThan(attempts);
        }
    }
}
