package org.duovirt.app.details;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.duovirt.app.Messages;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.ReportingCalls;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.model.VmSpecValidator;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmTexts;
import org.duovirt.core.spi.Feature;

/**
 * The overview page's editable part: the VM's name (renamed only while it is shut off) and its description,
 * with apply and revert. Each field says in one sentence why it cannot be applied or why it is greyed.
 */
public final class OverviewViewModel {
    private final TaskExecutor ui;
    private final VmRow row;
    private final ReportingCalls calls;
    private final StringProperty name = new SimpleStringProperty();
    private final StringProperty description = new SimpleStringProperty("");
    private final SimpleStringProperty savedDescription = new SimpleStringProperty("");
    private final SimpleStringProperty outcome = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringBinding renameBlocked;
    private final StringBinding nameProblem;
    private final StringBinding descriptionProblem;
    private final BooleanBinding canApply;
    private final BooleanBinding changed;
    private Consumer<String> onRenamed = n -> { };

    OverviewViewModel(TaskExecutor ui, VmRow row, ReportingCalls calls) {
        this.ui = ui;
        this.row = row;
        this.calls = calls;
        name.set(row.name());
        String renameUnsupported = calls.unsupportedReason(Feature.RENAME);
        renameBlocked = Bindings.createStringBinding(() -> renameUnsupported != null ? renameUnsupported
                : row.state() == null || row.state() == VmState.SHUTOFF ? null : Messages.get("hw.overview.rename-shut-down"),
                row.stateProperty());
        nameProblem = Bindings.createStringBinding(this::checkName, name);
        descriptionProblem = Bindings.createStringBinding(() -> VmTexts.descriptionProblem(description.get()), description);
        changed = Bindings.createBooleanBinding(this::changed, name, description, savedDescription);
        canApply = Bindings.createBooleanBinding(() -> !busy.get() && changed() && nameProblem.get() == null
                        && descriptionProblem.get() == null && (!nameChanged() || renameBlocked.get() == null),
                name, description, savedDescription, busy, nameProblem, descriptionProblem, renameBlocked);
    }

    private String checkName() {
        String n = name.get();
        if (n == null || n.equals(row.name())) {
            return null;
        }
        String problem = VmSpecValidator.nameProblem(n);
        if (problem != null) {
            return problem;
        }
        boolean taken = row.host().vms().stream().anyMatch(r -> r != row && n.equals(r.name()));
        return taken ? Messages.get("hw.overview.name-taken", n, row.host().displayName()) : null;
    }

    /** Reads the description; the name is the row's. */
    public CompletableFuture<Void> load() {
        if (descriptionUnsupported() != null) {
            return CompletableFuture.completedFuture(null);
        }
        return calls.call(Messages.get("hw.overview.call.read", row.name()), c -> c.description(row.name()))
                .thenAccept(text -> ui.ui(() -> {
                    if (text != null) {
                        savedDescription.set(text);
                        description.set(text);
                    }
                }));
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** Why the name is greyed (the backend cannot rename, or the VM is not shut off), or null. */
    public StringBinding renameBlockedProperty() {
        return renameBlocked;
    }

    /** Why the description is greyed (the backend cannot keep one), or null. */
    public String descriptionUnsupported() {
        return calls.unsupportedReason(Feature.DESCRIPTION);
    }

    /** Why the typed name cannot be used, or null. */
    public StringBinding nameProblemProperty() {
        return nameProblem;
    }

    public StringBinding descriptionProblemProperty() {
        return descriptionProblem;
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    /** Whether the name or the description differs from the VM's: Revert has something to put back. */
    public BooleanBinding changedProperty() {
        return changed;
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome;
    }

    /** Called on the UI thread with the new name once the host renamed the VM. */
    public void setOnRenamed(Consumer<String> action) {
        onRenamed = action == null ? n -> { } : action;
    }

    private boolean nameChanged() {
        return name.get() != null && !name.get().equals(row.name());
    }

    private boolean changed() {
        return nameChanged() || !description.get().equals(savedDescription.get());
    }

    public void revert() {
        name.set(row.name());
        description.set(savedDescription.get());
        outcome.set("");
    }

    /** Saves the description, then renames, each only when it changed; completes with whether it all worked. */
    public CompletableFuture<Boolean> apply() {
        ui.assertUiThread();
        if (!canApply.get()) {
            return CompletableFuture.completedFuture(false);
        }
        String newName = nameChanged() ? name.get() : null;
        String text = description.get().equals(savedDescription.get()) ? null : description.get();
        busy.set(true);
        outcome.set("");
        return calls.call(Messages.get("hw.overview.call.apply", row.name()), c -> {
            if (text != null) {
                c.setDescription(row.name(), text);
            }
            if (newName != null) {
                c.rename(row.name(), newName);
            }
            return Boolean.TRUE;
        }).thenApply(ok -> {
            ui.ui(() -> {
                busy.set(false);
                if (ok != null) {
                    if (text != null) {
                        savedDescription.set(text);
                    }
                    outcome.set(Messages.get(newName != null ? "hw.overview.renamed" : "hw.overview.saved", newName));
                    if (newName != null) {
                        onRenamed.accept(newName);
                    }
                }
            });
            return ok != null;
        });
    }
}
