package org.duovirt.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.duovirt.core.rfb.Key;
import org.duovirt.core.rfb.KeyTyper;
import org.duovirt.core.rfb.RfbClient;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.GraphicsChannel;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.TextConsole;

/**
 * Key press → the guest's echo on its own serial line, through the VNC console: types a short word, then
 * times from the Enter key's press (sent through our RFB client over the graphics channel) to the guest's
 * "vnc guest heard: …" line arriving on the serial console. Run against the graphical-console test guest
 * (testing/guest/build-vnc), already running:
 * {@code java -cp "bench/target/duovirt-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" org.duovirt.bench.VncKeyLatency URI VM [N]}
 */
public final class VncKeyLatency {
    private VncKeyLatency() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        String vm = args[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        StringBuffer serial = new StringBuffer();
        try (HostConnection host = Backends.installed().connect(uri);
                TextConsole console = host.openConsole(vm);
                GraphicsChannel channel = host.openGraphics(vm)) {
            Thread reader = new Thread(() -> {
                byte[] b = new byte[4096];
                try (InputStream in = console.fromGuest()) {
                    int n;
                    while ((n = in.read(b)) > 0) {
                        serial.append(new String(b, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (Exception e) {
                    serial.append("[serial ended: ").append(e.getMessage()).append(']');
                }
            }, "serial");
            reader.setDaemon(true);
            reader.start();
            RfbClient client = RfbClient.connect(channel.fromServer(), channel.toServer(), null, null);
            Thread loop = new Thread(client::run, "rfb");
            loop.setDaemon(true);
            loop.start();
            while (!client.extendedKeys()) {
                Thread.sleep(10);
            }
            KeyTyper typer = new KeyTyper(client, 0);
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < rounds + 3; i++) {
                String word = "k" + i;
                typer.type(word);
                Thread.sleep(100); // let the word's keys reach the guest; only the Enter is timed
                String expected = "vnc guest heard: " + word + "\r";
                long t0 = System.nanoTime();
                typer.chord(Key.ENTER);
                long deadline = t0 + 10_000_000_000L;
                while (serial.indexOf(expected) < 0 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                long t1 = System.nanoTime();
                if (serial.indexOf(expected) < 0) {
                    System.out.println("round " + i + ": no echo within 10 s");
                    continue;
                }
                if (i >= 3) { // the first rounds warm up the JIT and the guest
                    millis.add((t1 - t0) / 1e6);
                }
                Thread.sleep(50);
            }
            client.close();
            Collections.sort(millis);
            if (millis.isEmpty()) {
                System.out.println("no echo came back");
                return;
            }
            System.out.printf("rounds %d  median %.1f ms  p95 %.1f ms  min %.1f ms  max %.1f ms%n", millis.size(),
                    millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1),
                    millis.get(0), millis.get(millis.size() - 1));
        }
    }
}
