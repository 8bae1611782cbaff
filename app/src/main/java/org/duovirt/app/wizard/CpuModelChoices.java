package org.duovirt.app.wizard;

import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duovirt.core.model.CpuModelOption;
import org.duovirt.core.model.VmSpec;

/**
 * The platform page's CPU model (KVM): empty for the backend's default, host-passthrough, host-model or a named model,
 * offered as the host's domain capabilities list them for the chosen virt type; those that cannot apply (host-passthrough
 * under TCG) are listed greyed with the reason, and a choice that stops applying when the type changes is dropped.
 */
public final class CpuModelChoices {
    private final StringProperty model = new SimpleStringProperty("");
    private final ObservableList<CpuModelOption> options = FXCollections.observableList(new java.util.concurrent.CopyOnWriteArrayList<>());
    private final BooleanProperty offered = new SimpleBooleanProperty(true);
    private final StringProperty hostGreyed = new SimpleStringProperty("");
    /** Where the host offers no choice (Xen) the whole control is greyed, and this says why. */
    private final javafx.beans.binding.StringBinding greyed = javafx.beans.binding.Bindings.createStringBinding(
            () -> offered.get() ? hostGreyed.get() : org.duovirt.app.Messages.get("wizard.cpu-model.xen"), offered, hostGreyed);

    /** The chosen model's name; empty for the default. */
    public StringProperty modelProperty() { return model; }

    /** What the host offers for the chosen type, host-passthrough and host-model first. */
    public ObservableList<CpuModelOption> options() { return options; }

    /** False on Xen, whose guests get the host's CPU. */
    public BooleanProperty offeredProperty() { return offered; }

    /**
     * Why host-passthrough or host-model cannot apply here, one line each; on a host without CPU models (Xen) why the
     * control is greyed; empty when nothing is greyed.
     */
    public javafx.beans.binding.StringExpression greyedProperty() { return greyed; }

    void show(List<CpuModelOption> list) {
        options.setAll(list);
        hostGreyed.set(list.stream().filter(o -> !o.available() && (o.name().equals(VmSpec.HOST_PASSTHROUGH) || o.name().equals(VmSpec.HOST_MODEL)))
                .map(CpuModelOption::reason).collect(Collectors.joining("\n")));
        String now = model.get();
        if (now != null && !now.isBlank() && !list.isEmpty() && list.stream().noneMatch(o -> o.name().equals(now) && o.available())) {
            model.set("");
        }
    }

    /** The model for the spec; null for the default or where the host offers no choice. */
    String forSpec() {
        return offered.get() ? model.get() : null;
    }
}
