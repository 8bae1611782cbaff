package org.duovirt.core.rfb;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Records what a real VNC server sends (from the first byte of the handshake) into a gzipped file, for the
 * decoder tests and the benchmark to replay. Run by hand:
 * {@code java -cp core/target/classes:core/target/test-classes org.duovirt.core.rfb.StreamRecorder HOST PORT OUT.gz FRAMES zrle|raw}
 * (the server must allow security type None).
 */
public final class StreamRecorder {
    private StreamRecorder() {
    }

    public static void main(String[] args) throws IOException {
        int frames = Integer.parseInt(args[3]);
        int[] encodings = args[4].equals("raw") ? new int[] {Encodings.RAW}
                : new int[] {Encodings.ZRLE, Encodings.COPY_RECT, Encodings.RAW, Encodings.DESKTOP_SIZE, Encodings.CURSOR,
                        Encodings.QEMU_EXTENDED_KEY_EVENT, Encodings.LED_STATE};
        try (Socket socket = new Socket(args[0], Integer.parseInt(args[1]));
                OutputStream file = new GZIPOutputStream(Files.newOutputStream(Path.of(args[2])))) {
            InputStream tee = new FilterInputStream(socket.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        file.write(b);
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        file.write(b, off, n);
                    }
                    return n;
                }
            };
            long[] pixels = {0};
            RfbListener counter = new RfbListener() {
                @Override
                public void updated(int x, int y, int width, int height) {
                    pixels[0] += (long) width * height;
                }
            };
            RfbClient client = RfbClient.connect(tee, socket.getOutputStream(), null, counter, encodings);
            client.setContinuous(false);
            int updates = 0;
            // QEMU first answers with pseudo-encoding acknowledgements alone: count only updates with pixels
            while (updates < frames && client.readMessage()) {
                if (pixels[0] > 0) {
                    pixels[0] = 0;
                    if (++updates < frames) {
                        client.requestFullUpdate();
                    }
                }
            }
            System.out.println("recorded " + updates + " updates of " + client.framebuffer().width() + "x"
                    + client.framebuffer().height() + " from " + client.desktopName());
        }
    }
}
