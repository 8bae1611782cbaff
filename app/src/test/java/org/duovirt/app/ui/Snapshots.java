package org.duovirt.app.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** A node as JavaFX draws it, written as a PNG (under target/ for a test to be looked at). */
public final class Snapshots {
    private Snapshots() {
    }

    /** Snapshots the node on the FX thread and writes it; call from the test thread. */
    public static void save(Node node, Path file) {
        write(UiTestSupport.onFx(() -> node.snapshot(null, null)), file);
    }

    /** Writes an image already taken (e.g. in the same UI-thread run as the state it shows). */
    public static void write(WritableImage image, Path file) {
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
