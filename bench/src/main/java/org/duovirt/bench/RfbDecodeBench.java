package org.duovirt.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import javafx.application.Platform;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.duovirt.app.graphics.ScreenBuffer;
import org.duovirt.core.rfb.RfbClient;
import org.duovirt.core.rfb.RfbListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode + draw of recorded full-screen 1024×768 updates from Xvnc (core/src/test/resources/rfb): each
 * operation replays one whole recorded session through our RFB client (ZRLE: 3 full-screen updates, Raw: 2),
 * copies each finished update into the console's {@link ScreenBuffer} and blits the changed region into a
 * JavaFX {@link WritableImage} with the same pixel format the view uses. Frames per second = updates per
 * operation / seconds per operation. Needs a display for the JavaFX toolkit: run under xvfb-run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RfbDecodeBench {
    @Param({"xvnc-desktop-zrle", "xvnc-desktop-raw"})
    String stream;

    private byte[] recorded;
    private WritableImage image;

    @Setup(Level.Trial)
    public void load() throws Exception {
        Path file = Path.of("core/src/test/resources/rfb", stream + ".rfb.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            recorded = in.readAllBytes();
        }
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        up.await();
        image = new WritableImage(1024, 768);
    }

    @Benchmark
    public int decodeAndDraw() throws IOException {
        ScreenBuffer screen = new ScreenBuffer();
        int[] frames = {0};
        RfbClient[] client = new RfbClient[1];
        RfbListener listener = new RfbListener() {
            @Override
            public void updated(int x, int y, int width, int height) {
                screen.changed(x, y, width, height);
            }

            @Override
            public void frameComplete() {
                screen.publish(client[0].framebuffer());
                screen.drain(d -> image.getPixelWriter().setPixels(d.x(), d.y(), d.w(), d.h(),
                        PixelFormat.getIntArgbPreInstance(), d.pixels(), d.y() * d.width() + d.x(), d.width()));
                frames[0]++;
            }
        };
        client[0] = RfbClient.connect(new ByteArrayInputStream(recorded), OutputStream.nullOutputStream(), null, listener);
        client[0].run();
        return frames[0];
    }
}
