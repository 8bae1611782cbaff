package org.duovirt.app.details;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duovirt.app.Messages;
import org.duovirt.app.host.ReportingCalls;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.model.BootDevice;
import org.duovirt.core.spi.Feature;

/**
 * The Boot options page: autostart and the firmware's boot order (devices ticked and moved up or down),
 * applied to the saved definition; revert puts back what the host said.
 */
public final class BootOptionsViewModel {
    /** One row of the boot order list: a device and whether the firmware tries it. */
    public record Choice(BootDevice device, BooleanProperty enabled) {
    }

    private final VmRow row;
    private final ReportingCalls calls;
    private final BooleanProperty autostart = new SimpleBooleanProperty();
    private final ObservableList<Choice> order = FXCollections.observableArrayList(
            c -> new javafx.beans.Observable[] {c.enabled()});
    private final SimpleStringProperty problem = new SimpleStringProperty();
    private boolean savedAutostart;
    private List<BootDevice> savedOrder = List.of();

    BootOptionsViewModel(VmRow row, ReportingCalls calls) {
        this.row = row;
        this.calls = calls;
        order.addListener((javafx.collections.ListChangeListener<Choice>) c -> check());
    }

    /** Takes the host's values as the saved ones and shows them. */
    void show(boolean autostartNow, List<BootDevice> bootOrder) {
        savedAutostart = autostartNow;
        savedOrder = List.copyOf(bootOrder);
        revert();
    }

    /** Puts back the values last read from the host. */
    public void revert() {
        autostart.set(savedAutostart);
        List<Choice> rows = new ArrayList<>();
        savedOrder.forEach(d -> rows.add(new Choice(d, new SimpleBooleanProperty(true))));
        for (BootDevice d : BootDevice.values()) {
            if (!savedOrder.contains(d)) {
                rows.add(new Choice(d, new SimpleBooleanProperty(false)));
            }
        }
        order.setAll(rows);
    }

    public BooleanProperty autostartProperty() {
        return autostart;
    }

    public ObservableList<Choice> order() {
        return order;
    }

    /** The ticked devices in their order. */
    public List<BootDevice> chosenOrder() {
        return order.stream().filter(c -> c.enabled().get()).map(Choice::device).toList();
    }

    /** Moves the row at {@code index} up ({@code -1}) or down ({@code +1}); out-of-range moves do nothing. */
    public void move(int index, int by) {
        int to = index + by;
        if (index < 0 || index >= order.size() || to < 0 || to >= order.size()) {
            return;
        }
        Choice c = order.remove(index);
        order.add(to, c);
    }

    /** Why the order cannot be applied, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    private void check() {
        problem.set(chosenOrder().isEmpty() ? Messages.get("hw.boot.none") : null);
    }

    /** Whether anything differs from what the host said. */
    public boolean changed() {
        return autostart.get() != savedAutostart || !chosenOrder().equals(savedOrder);
    }

    /** Saves what changed: autostart and the boot order, each only when it differs. */
    public CompletableFuture<Boolean> apply() {
        if (problem.get() != null || !changed()) {
            return CompletableFuture.completedFuture(false);
        }
        boolean auto = autostart.get();
        boolean autoChanged = auto != savedAutostart;
        List<BootDevice> chosen = chosenOrder();
        boolean orderChanged = !chosen.equals(savedOrder);
        return calls.call(Messages.get("hw.boot.call", row.name()), c -> {
            if (autoChanged) {
                c.setAutostart(row.name(), auto);
            }
            if (orderChanged) {
                c.setBootOrder(row.name(), chosen);
            }
            return Boolean.TRUE;
        }).thenApply(ok -> ok != null);
    }

    /** Why this page cannot change the host's settings, or null when it can. */
    public String unsupportedReason() {
        String order = calls.unsupportedReason(Feature.BOOT_ORDER);
        return order != null ? order : calls.unsupportedReason(Feature.AUTOSTART);
    }
}
