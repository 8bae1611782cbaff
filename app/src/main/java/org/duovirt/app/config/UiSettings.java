package org.duovirt.app.config;

import java.util.List;

/**
 * What the window remembers between runs: theme, geometry, split positions, visible columns.
 * Every field may be null in an old or hand-edited file; {@link #defaults()} fills the gaps.
 */
public record UiSettings(String theme, Double x, Double y, Double width, Double height, Boolean maximized,
                         Double treeDivider, List<String> hiddenColumns) {

    public static UiSettings defaults() {
        return new UiSettings("light", null, null, 1280.0, 800.0, false, 0.2, List.of());
    }

    public UiSettings withDefaults() {
        UiSettings d = defaults();
        return new UiSettings(theme == null ? d.theme : theme, x, y, width == null ? d.width : width,
                height == null ? d.height : height, maximized == null ? d.maximized : maximized,
                treeDivider == null ? d.treeDivider : treeDivider, hiddenColumns == null ? List.of() : hiddenColumns);
    }

    public boolean dark() {
        return "dark".equals(theme);
    }

    public UiSettings withTheme(String newTheme) {
        return new UiSettings(newTheme, x, y, width, height, maximized, treeDivider, hiddenColumns);
    }

    public UiSettings withGeometry(double nx, double ny, double w, double h, boolean max) {
        return new UiSettings(theme, nx, ny, w, h, max, treeDivider, hiddenColumns);
    }

    public UiSettings withTreeDivider(double position) {
        return new UiSettings(theme, x, y, width, height, maximized, position, hiddenColumns);
    }

    public UiSettings withHiddenColumns(List<String> hidden) {
        return new UiSettings(theme, x, y, width, height, maximized, treeDivider, List.copyOf(hidden));
    }
}
