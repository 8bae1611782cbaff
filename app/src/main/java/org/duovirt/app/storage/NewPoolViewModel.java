package org.duovirt.app.storage;

import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.duovirt.app.Messages;
import org.duovirt.app.dialog.DialogService;
import org.duovirt.core.model.PoolSpec;
import org.duovirt.core.model.PoolSpecValidator;
import org.duovirt.core.model.PoolTypeSupport;

/**
 * The "New storage pool" dialog's choices and the problem next to each field, checked as the user types with the
 * same validator the backend applies; a type the host's libvirt lacks cannot be chosen and says why.
 */
public final class NewPoolViewModel implements DialogService.WizardModel {
    private final String host;
    private final List<PoolTypeSupport> types;
    private final Set<String> taken;
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<PoolSpec.Type> type = new SimpleObjectProperty<>(PoolSpec.Type.DIR);
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty source = new SimpleStringProperty("");
    private final StringProperty sourceHost = new SimpleStringProperty("");
    private final BooleanProperty build = new SimpleBooleanProperty(true);
    private final BooleanProperty start = new SimpleBooleanProperty(true);
    private final BooleanProperty autostart = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper typeProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper targetProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper sourceProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper hostProblem = new ReadOnlyStringWrapper();
    private final BooleanBinding valid;

    /** @param taken the names of the host's pools, refused here before libvirt refuses them */
    public NewPoolViewModel(String host, List<PoolTypeSupport> types, Set<String> taken) {
        this.host = host;
        this.types = List.copyOf(types);
        this.taken = Set.copyOf(taken);
        for (javafx.beans.Observable o : List.of(name, type, target, source, sourceHost)) {
            o.addListener(x -> check());
        }
        valid = Bindings.createBooleanBinding(() -> nameProblem.get() == null && typeProblem.get() == null
                        && targetProblem.get() == null && sourceProblem.get() == null && hostProblem.get() == null,
                nameProblem, typeProblem, targetProblem, sourceProblem, hostProblem);
        check();
    }

    @Override
    public String title() {
        return Messages.get("pool.dialog.title", host);
    }

    public List<PoolTypeSupport> types() {
        return types;
    }

    /** Why the host cannot define pools of this type, or null. */
    public String unavailableReason(PoolSpec.Type t) {
        return types.stream().filter(s -> s.type() == t && !s.supported()).map(PoolTypeSupport::reason).findFirst().orElse(null);
    }

    /** The spec as typed; only meaningful while {@link #validBinding()} holds. */
    public PoolSpec spec() {
        PoolSpec.Type t = type.get();
        boolean logical = t == PoolSpec.Type.LOGICAL;
        return new PoolSpec(name.get().strip(), t, logical && target.get().isBlank() ? null : target.get(),
                t == PoolSpec.Type.DIR ? null : source.get(), t == PoolSpec.Type.NETFS ? sourceHost.get().strip() : null,
                build.get() && !logical, start.get(), autostart.get());
    }

    private void check() {
        nameProblem.set(null);
        typeProblem.set(null);
        targetProblem.set(null);
        sourceProblem.set(null);
        hostProblem.set(null);
        for (PoolSpecValidator.Problem p : PoolSpecValidator.problems(spec())) {
            switch (p.field()) {
                case NAME -> nameProblem.set(p.message());
                case TYPE -> typeProblem.set(p.message());
                case TARGET -> targetProblem.set(p.message());
                case SOURCE -> sourceProblem.set(p.message());
                case SOURCE_HOST -> hostProblem.set(p.message());
            }
        }
        if (nameProblem.get() == null && taken.contains(name.get().strip())) {
            nameProblem.set(Messages.get("pool.dialog.taken", name.get().strip()));
        }
        if (type.get() != null && unavailableReason(type.get()) != null) {
            typeProblem.set(unavailableReason(type.get()));
        }
    }

    public StringProperty nameProperty() { return name; }
    public ObjectProperty<PoolSpec.Type> typeProperty() { return type; }
    public StringProperty targetProperty() { return target; }
    public StringProperty sourceProperty() { return source; }
    public StringProperty sourceHostProperty() { return sourceHost; }
    public BooleanProperty buildProperty() { return build; }
    public BooleanProperty startProperty() { return start; }
    public BooleanProperty autostartProperty() { return autostart; }
    public ReadOnlyStringProperty nameProblemProperty() { return nameProblem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty typeProblemProperty() { return typeProblem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty targetProblemProperty() { return targetProblem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty sourceProblemProperty() { return sourceProblem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty hostProblemProperty() { return hostProblem.getReadOnlyProperty(); }
    public BooleanBinding validBinding() { return valid; }
}
