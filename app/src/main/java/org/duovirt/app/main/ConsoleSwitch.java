package org.duovirt.app.main;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.Tab;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.spi.Feature;

/**
 * Which open tabs are a VM's text or graphical console, and the one-click switch between them (virt-manager's
 * View › Consoles): from a VM's screen to its text console and back, opening the other tab when it is not open
 * yet and never closing the one left behind, so the screen stays connected while the serial line is read.
 */
final class ConsoleSwitch {
    /** The two consoles a VM can have. */
    enum Kind {
        TEXT, GRAPHICS;

        Kind other() {
            return this == TEXT ? GRAPHICS : TEXT;
        }

        Feature feature() {
            return this == TEXT ? Feature.TEXT_CONSOLE : Feature.GRAPHICS_CHANNEL;
        }
    }

    private record Console(Kind kind, VmRow row) {
    }

    private final Map<Tab, Console> consoles = new HashMap<>();
    private final Consumer<VmRow> openText;
    private final Consumer<VmRow> openGraphics;
    private final ReadOnlyBooleanWrapper possible = new ReadOnlyBooleanWrapper(this, "possible");

    /** {@code openText} and {@code openGraphics} open the VM's tab of that kind, or select it when open. */
    ConsoleSwitch(Consumer<VmRow> openText, Consumer<VmRow> openGraphics) {
        this.openText = openText;
        this.openGraphics = openGraphics;
    }

    void register(Tab tab, Kind kind, VmRow row) {
        consoles.put(tab, new Console(kind, row));
    }

    void unregister(Tab tab) {
        consoles.remove(tab);
    }

    /** Whether the switch applies to {@code tab}: it is a console and the host has the other kind. */
    boolean canSwitch(Tab tab) {
        Console c = tab == null ? null : consoles.get(tab);
        return c != null && c.row().host().supports(c.kind().other().feature());
    }

    /** Follows {@link #canSwitch} for the selected tab (the View menu item binds to it). */
    ReadOnlyBooleanProperty possibleProperty() {
        return possible.getReadOnlyProperty();
    }

    void selected(Tab tab) {
        possible.set(canSwitch(tab));
    }

    /** Opens or selects the other console of {@code tab}'s VM; false when {@code tab} is not a console. */
    boolean switchFrom(Tab tab) {
        if (!canSwitch(tab)) {
            return false;
        }
        Console c = consoles.get(tab);
        (c.kind() == Kind.GRAPHICS ? openText : openGraphics).accept(c.row());
        return true;
    }
}
