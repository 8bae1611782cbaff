package org.duovirt.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.duovirt.core.rfb.FrameGrab;
import org.duovirt.core.rfb.PngWriter;
import org.duovirt.core.spi.GraphicsChannel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "screenshot", description = "Save the VM's screen as a PNG, through Duovirt's own VNC client.")
final class ScreenshotCommand extends HostSubcommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "FILE.png")
    Path file;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up after this long (default 30).")
    int timeoutSeconds = 30;

    @Override
    void run() throws Exception {
        FrameGrab.Picture picture;
        String route;
        try (GraphicsChannel channel = host().openGraphics(name)) {
            route = channel.route();
            String password = channel.endpoint().password();
            picture = FrameGrab.grab(channel.fromServer(), channel.toServer(),
                    password == null ? null : password::toCharArray, Duration.ofSeconds(Math.max(1, timeoutSeconds)));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            PngWriter.write(out, picture.width(), picture.height(), picture.argb());
        }
        if (output().isJson()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file.toString());
            m.put("width", picture.width());
            m.put("height", picture.height());
            m.put("route", route);
            output().json(m);
        } else {
            output().line(file + ": " + picture.width() + "x" + picture.height() + " (" + route + ")");
        }
    }
}
