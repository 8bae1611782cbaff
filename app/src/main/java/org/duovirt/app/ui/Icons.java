package org.duovirt.app.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import javafx.scene.Node;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;
import org.duovirt.core.model.VmState;

/** Vector icons from resources/icons/icons.properties; coloured by CSS (.icon, .icon-&lt;key&gt;). */
public final class Icons {
    private static final Properties PATHS = load();

    private Icons() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Icons.class.getResourceAsStream("/org/duovirt/resources/icons/icons.properties")) {
            if (in == null) {
                throw new IllegalStateException("icons.properties is missing from the resources module");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** A fresh icon node (a node has one parent, so every use needs its own). */
    public static Node icon(String key) {
        SVGPath path = new SVGPath();
        path.setContent(PATHS.getProperty(key, "M2 2h12v12H2z"));
        path.setFillRule(FillRule.EVEN_ODD);
        path.getStyleClass().addAll("icon", "icon-" + key.replace('.', '-'));
        return path;
    }

    public static Node state(VmState state) {
        return icon("state." + state.cliName());
    }
}
