package org.duovirt.app.details;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duovirt.app.Messages;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.ReportingCalls;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.model.CpuModelOption;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.spi.Feature;

/**
 * The CPUs page's model choice: "default" and the models the host offers a VM of this domain type (from its domain
 * capabilities), applied to the saved definition; the VM gets it at its next start.
 */
public final class CpuModelViewModel {
    static final String DEFAULT = org.duovirt.core.model.VmSpec.CPU_DEFAULT;
    private final TaskExecutor ui;
    private final VmRow row;
    private final ReportingCalls calls;
    private final ObservableList<String> choices = FXCollections.observableArrayList(DEFAULT);
    private final StringProperty selected = new SimpleStringProperty(DEFAULT);
    private final SimpleStringProperty current = new SimpleStringProperty();
    private final SimpleStringProperty outcome = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding canApply;
    private VirtMode readFor;

    CpuModelViewModel(TaskExecutor ui, VmRow row, ReportingCalls calls) {
        this.ui = ui;
        this.row = row;
        this.calls = calls;
        canApply = Bindings.createBooleanBinding(() -> !busy.get() && unsupported() == null && selected.get() != null
                && !selected.get().equals(current.get()), selected, current, busy);
    }

    /** Shows the model the definition has; reads the host's models once per domain type. */
    void show(VirtMode mode, String model) {
        ui.assertUiThread();
        current.set(model == null || model.isBlank() ? DEFAULT : model);
        selected.set(current.get());
        if (unsupported() != null || mode == readFor) {
            return;
        }
        readFor = mode;
        calls.call(Messages.get("hw.cpu.call.models", row.host().displayName()), c -> c.cpuModels(mode)).thenAccept(models -> ui.ui(() -> {
            if (models != null) {
                List<String> names = models.stream().filter(CpuModelOption::available).map(CpuModelOption::name).toList();
                choices.setAll(DEFAULT);
                choices.addAll(names);
                if (!choices.contains(current.get())) {
                    choices.add(current.get());
                }
                selected.set(current.get());
            }
        }));
    }

    /** Saves the chosen model; completes with whether the host took it. */
    public CompletableFuture<Boolean> apply() {
        ui.assertUiThread();
        String model = selected.get();
        busy.set(true);
        outcome.set("");
        return calls.call(Messages.get("hw.cpu.call.set", model, row.name()), c -> {
            c.setCpuModel(row.name(), model);
            return Boolean.TRUE;
        }).thenApply(ok -> {
            ui.ui(() -> {
                busy.set(false);
                if (ok != null) {
                    current.set(model);
                    outcome.set(Messages.get("hw.cpu.model-saved", model));
                }
            });
            return ok != null;
        });
    }

    public ObservableList<String> choices() {
        return choices;
    }

    public StringProperty selectedProperty() {
        return selected;
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome;
    }

    /** Why the model cannot be changed on this host, or null. */
    public String unsupported() {
        return calls.unsupportedReason(Feature.CPU_MODEL);
    }
}
