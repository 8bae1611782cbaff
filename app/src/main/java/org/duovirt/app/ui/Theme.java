package org.duovirt.app.ui;

import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.Scene;

/** Applies the light or dark style sheet to a scene (the main window and every dialog). */
public final class Theme {
    private static final String BASE = "/org/duovirt/resources/css/";
    private static volatile boolean dark;

    private Theme() {
    }

    public static boolean isDark() {
        return dark;
    }

    public static void setDark(boolean value) {
        dark = value;
    }

    public static void apply(Scene scene) {
        apply(scene.getStylesheets());
    }

    public static void apply(ObservableList<String> sheets) {
        sheets.setAll(List.of(url("base.css"), url(dark ? "dark.css" : "light.css")));
    }

    private static String url(String file) {
        var u = Theme.class.getResource(BASE + file);
        if (u == null) {
            throw new IllegalStateException(file + " is missing from the resources module");
        }
        return u.toExternalForm();
    }
}
