package org.duovirt.app.definition;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duovirt.app.Messages;
import org.duovirt.app.dialog.DialogService;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.text.LineDiff;

/**
 * The definition editor: the saved domain XML (or owned xl cfg) as text; "Show changes" computes the diff the
 * user sees before anything is sent; "Apply" sends it, and the hypervisor validates it first. A refusal is
 * shown in the hypervisor's own words next to the editor, and nothing changes.
 */
public final class DefinitionEditorViewModel {
    private final TaskExecutor ui;
    private final VmRow row;
    private final DialogService dialogs;
    private final StringProperty text = new SimpleStringProperty("");
    private final SimpleStringProperty original = new SimpleStringProperty("");
    private final ObservableList<LineDiff.Line> diff = FXCollections.observableArrayList();
    private final SimpleStringProperty message = new SimpleStringProperty();

    public DefinitionEditorViewModel(TaskExecutor ui, VmRow row, DialogService dialogs) {
        this.ui = ui;
        this.row = row;
        this.dialogs = dialogs;
        text.addListener((o, a, b) -> diff.clear());
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The changed lines with two lines of context, after {@link #showChanges}; empty before or when unchanged. */
    public ObservableList<LineDiff.Line> diff() {
        return diff;
    }

    /** The last outcome: unchanged, applied, or the hypervisor's refusal. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public String vmName() {
        return row.name();
    }

    public String unsupportedReason() {
        return new org.duovirt.app.host.ReportingCalls(ui, row.host(), dialogs).unsupportedReason(Feature.EDIT_DEFINITION);
    }

    public CompletableFuture<Void> load() {
        ui.assertUiThread();
        if (unsupportedReason() != null) {
            return CompletableFuture.completedFuture(null);
        }
        return row.host().call(Messages.get("definition.call.read", row.name()), c -> c.editableDefinition(row.name()))
                .handle((xml, e) -> {
                    ui.ui(() -> {
                        if (e != null) {
                            message.set(sentence(e));
                        } else {
                            original.set(xml);
                            text.set(xml);
                            message.set(null);
                        }
                    });
                    return null;
                });
    }

    /** @return true when the text differs from the saved definition */
    public boolean showChanges() {
        ui.assertUiThread();
        List<LineDiff.Line> all = LineDiff.diff(original.get(), text.get());
        diff.setAll(LineDiff.changes(all, 2));
        boolean changed = LineDiff.changed(all);
        message.set(changed ? null : Messages.get("definition.unchanged"));
        return changed;
    }

    /** Shows the diff, asks, then applies; refusals land in {@link #messageProperty}, not in a dialog. */
    public CompletableFuture<Boolean> apply() {
        ui.assertUiThread();
        if (!showChanges() || !dialogs.confirm(Messages.get("definition.apply.header", row.name()),
                Messages.get("definition.apply.body", diff.stream().filter(l -> l.kind() != LineDiff.Kind.SAME).count()),
                Messages.get("definition.apply.confirm"))) {
            return CompletableFuture.completedFuture(false);
        }
        String edited = text.get();
        return row.host().call(Messages.get("definition.call.apply", row.name()), c -> {
            c.redefine(row.name(), edited);
            return c.editableDefinition(row.name());
        }).handle((saved, e) -> {
            ui.ui(() -> {
                if (e != null) {
                    message.set(sentence(e));
                } else {
                    original.set(saved);
                    text.set(saved);
                    message.set(Messages.get("definition.applied", row.name()));
                }
            });
            return e == null;
        });
    }

    private static String sentence(Throwable e) {
        Throwable cause = e.getCause() != null && !(e instanceof DuovirtException) ? e.getCause() : e;
        return cause instanceof DuovirtException d ? d.userMessage() : String.valueOf(cause.getMessage());
    }
}
