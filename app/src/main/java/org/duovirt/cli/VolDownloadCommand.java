package org.duovirt.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.duovirt.core.spi.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * vol-download: a pool's volume into a new local file, with progress. Ctrl+C cancels it: the shutdown hook asks the
 * copy to stop and waits for it to remove its partial file, so an interrupted download leaves nothing behind.
 */
@Command(name = "vol-download", description = "Copy a volume of a pool into a new local file, with progress. "
        + "An existing file is never overwritten; Ctrl+C cancels and leaves nothing behind.")
final class VolDownloadCommand extends HostSubcommand {
    @Parameters(index = "0", paramLabel = "POOL")
    String pool;
    @Parameters(index = "1", paramLabel = "VOLUME")
    String volume;
    @Parameters(index = "2", paramLabel = "FILE")
    Path file;

    @Override
    void run() {
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch ended = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancelled.set(true);
            try {
                ended.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vol-download-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        Path written;
        try {
            ProgressListener tenths = tenths(this);
            written = host().downloadVolume(pool, volume, file, new ProgressListener() {
                @Override
                public void progress(String step, double fraction) {
                    tenths.progress(step, fraction);
                }

                @Override
                public boolean isCancelled() {
                    return cancelled.get();
                }
            });
        } finally {
            ended.countDown();
            if (!cancelled.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        if (output().isJson()) {
            output().json(Map.of("pool", pool, "name", volume, "file", written.toString(), "result", "downloaded"));
        } else {
            output().line("Volume '" + volume + "' of pool '" + pool + "' downloaded to " + written + ".");
        }
    }

    /** Progress on stderr every tenth of the way (none with --json), as vol-upload prints it. */
    static ProgressListener tenths(HostSubcommand command) {
        int[] lastPercent = {-1};
        return (step, fraction) -> {
            int percent = (int) Math.floor(fraction * 100);
            if (!command.output().isJson() && percent / 10 != lastPercent[0] / 10) {
                command.terminal().err().println(step + " (" + percent + "%)");
            }
            lastPercent[0] = percent;
        };
    }
}
