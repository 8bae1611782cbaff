package org.duovirt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.spi.TextConsole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Attaches standard input and output to a VM's text console until Ctrl-] or the end of input.
 * For scripts, {@code --wait-for TEXT} keeps listening after the input ends until the guest prints TEXT.
 */
@Command(name = "console", description = "Attach to the VM's text console (serial or Xen PV console); Ctrl-] detaches.")
final class ConsoleCommand extends HostSubcommand {
    static final int ESCAPE = 0x1d;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--wait-for", paramLabel = "TEXT", description = "Exit 0 once the guest prints TEXT, 1 after --timeout.")
    String waitFor;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS", description = "With --wait-for: how long to wait.")
    double timeout;

    @Override
    void run() throws Exception {
        boolean tty = System.console() != null && terminal().in() == System.in;
        try (TextConsole console = host().openConsole(name); RawMode raw = tty ? RawMode.enter() : RawMode.none()) {
            terminal().err().print("Connected to '" + name + "'. Escape character is ^]" + (tty ? "\r\n" : "\n"));
            GuestOutputPump pump = new GuestOutputPump(console.fromGuest(), terminal().out(), waitFor);
            Thread reader = new Thread(pump, "console-output");
            reader.setDaemon(true);
            reader.start();
            InputCopy input = new InputCopy(terminal().in(), console.toGuest(), pump.finished());
            Thread typist = new Thread(input, "console-input");
            typist.setDaemon(true);
            typist.start();
            // Waiting here, not in the input's read: with --wait-for the command ends as soon as the guest prints
            // the text, even while a script's input is still open.
            boolean detached = input.awaitEnd(pump.finished());
            if (waitFor != null && !detached && !pump.finished().await((long) (timeout * 1000), TimeUnit.MILLISECONDS)) {
                throw new DuovirtException("The console of '" + name + "' did not show '" + waitFor + "' within "
                        + timeout + " s.", "Check that the guest is running and writes to its console.");
            }
            if (waitFor != null && !pump.sawText()) {
                throw new DuovirtException("The console of '" + name + "' closed before '" + waitFor + "' appeared.",
                        "The VM may have stopped; check its state with 'duovirt list --all'.");
            }
        }
    }

    /** Copies standard input to the guest until Ctrl-], the end of input, or the end of the console. */
    static final class InputCopy implements Runnable {
        private final InputStream in;
        private final OutputStream toGuest;
        private final CountDownLatch outputDone;
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile boolean detached;

        InputCopy(InputStream in, OutputStream toGuest, CountDownLatch outputDone) {
            this.in = in;
            this.toGuest = toGuest;
            this.outputDone = outputDone;
        }

        /** Blocks until the input ends or {@code alsoDone} opens; @return true when the user detached with Ctrl-] */
        boolean awaitEnd(CountDownLatch alsoDone) throws InterruptedException {
            while (!ended.await(50, TimeUnit.MILLISECONDS) && alsoDone.getCount() > 0) {
                // polled: two latches, and this runs for the length of a console session only
            }
            return detached;
        }

        @Override
        public void run() {
            try {
                detached = copy();
            } catch (IOException e) {
                // The console closed under the input (the VM stopped, or the command is ending).
            } finally {
                ended.countDown();
            }
        }

        private boolean copy() throws IOException {
            byte[] buffer = new byte[1024];
            while (outputDone.getCount() > 0) {
                int n = in.read(buffer);
                if (n < 0) {
                    return false;
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == ESCAPE) {
                        toGuest.write(buffer, 0, i);
                        toGuest.flush();
                        return true;
                    }
                }
                toGuest.write(buffer, 0, n);
                toGuest.flush();
            }
            return false;
        }
    }

    /** Copies guest output to stdout and notices the awaited text, even when split across reads. */
    static final class GuestOutputPump implements Runnable {
        private final InputStream fromGuest;
        private final java.io.PrintStream out;
        private final String waitFor;
        private final CountDownLatch finished = new CountDownLatch(1);
        private final StringBuilder tail = new StringBuilder();
        private volatile boolean sawText;

        GuestOutputPump(InputStream fromGuest, java.io.PrintStream out, String waitFor) {
            this.fromGuest = fromGuest;
            this.out = out;
            this.waitFor = waitFor;
        }

        CountDownLatch finished() {
            return finished;
        }

        boolean sawText() {
            return sawText;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[4096];
            try {
                int n;
                while ((n = fromGuest.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                    if (waitFor != null && seen(new String(buffer, 0, n, StandardCharsets.UTF_8))) {
                        sawText = true;
                        return;
                    }
                }
            } catch (IOException e) {
                // The console closed under us: the VM stopped or the host went away.
            } finally {
                finished.countDown();
            }
        }

        private boolean seen(String chunk) {
            tail.append(chunk);
            boolean found = tail.indexOf(waitFor) >= 0;
            if (tail.length() > waitFor.length()) {
                tail.delete(0, tail.length() - waitFor.length());
            }
            return found;
        }
    }
}
