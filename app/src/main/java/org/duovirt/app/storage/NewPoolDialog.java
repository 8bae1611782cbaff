package org.duovirt.app.storage;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.duovirt.app.Messages;
import org.duovirt.app.dialog.Dialogs;
import org.duovirt.core.model.PoolSpec;
import org.duovirt.core.text.Printable;

/** The "New storage pool" dialog over a {@link NewPoolViewModel}: each field's problem beneath it, Create greyed until none. */
public final class NewPoolDialog {
    private NewPoolDialog() {
    }

    public static boolean show(Window owner, NewPoolViewModel vm) {
        return create(owner, vm).showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    public static Dialog<ButtonType> create(Window owner, NewPoolViewModel vm) {
        Dialog<ButtonType> dialog = new Dialog<>();
        Dialogs.prepare(dialog, owner, "new-pool-dialog");
        dialog.setTitle(vm.title());
        dialog.setHeaderText(vm.title());
        dialog.getDialogPane().setContent(form(vm));
        ButtonType create = new ButtonType(Messages.get("pool.dialog.create"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.get("pool.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(cancel, create);
        dialog.getDialogPane().lookupButton(create).setId("new-pool-create");
        dialog.getDialogPane().lookupButton(create).disableProperty().bind(vm.validBinding().not());
        return dialog;
    }

    /** The form alone, so the tests can look at it in the main window's scene. */
    public static GridPane form(NewPoolViewModel vm) {
        ValidationSupport validation = new ValidationSupport();
        GridPane grid = new GridPane();
        grid.setId("new-pool-form");
        grid.setHgap(12);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        grid.setPrefWidth(620);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new ColumnConstraints(150), controls);
        int[] row = {0};

        TextField name = text("new-pool-name", vm.nameProperty());
        add(grid, row, validation, Messages.get("pool.dialog.name"), name, vm.nameProblemProperty(), null);

        ComboBox<PoolSpec.Type> type = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(PoolSpec.Type.values()));
        type.setId("new-pool-type");
        type.valueProperty().bindBidirectional(vm.typeProperty());
        type.setCellFactory(l -> new TypeCell(vm));
        type.setButtonCell(new TypeCell(vm));
        add(grid, row, validation, Messages.get("pool.dialog.type"), type, vm.typeProblemProperty(), null);

        TextField target = text("new-pool-target", vm.targetProperty());
        target.setPromptText("/var/lib/libvirt/images/…");
        add(grid, row, validation, Messages.get("pool.dialog.target"), target, vm.targetProblemProperty(), null);

        TextField source = text("new-pool-source", vm.sourceProperty());
        Label sourceLabel = add(grid, row, validation, "", source, vm.sourceProblemProperty(),
                vm.typeProperty().isNotEqualTo(PoolSpec.Type.DIR));
        sourceLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.typeProperty().get() == null
                || vm.typeProperty().get() == PoolSpec.Type.DIR ? ""
                : Messages.get("pool.dialog.source." + vm.typeProperty().get().word()), vm.typeProperty()));

        TextField host = text("new-pool-host", vm.sourceHostProperty());
        add(grid, row, validation, Messages.get("pool.dialog.host"), host, vm.hostProblemProperty(),
                vm.typeProperty().isEqualTo(PoolSpec.Type.NETFS));

        CheckBox build = check("new-pool-build", "pool.dialog.build", vm.buildProperty());
        build.disableProperty().bind(vm.typeProperty().isEqualTo(PoolSpec.Type.LOGICAL));
        grid.add(build, 1, row[0]++);
        grid.add(check("new-pool-start", "pool.dialog.start", vm.startProperty()), 1, row[0]++);
        grid.add(check("new-pool-autostart", "pool.dialog.autostart", vm.autostartProperty()), 1, row[0]++);
        return grid;
    }

    /** A type greyed, with libvirt's reason, when the host lacks its storage backend. */
    private static final class TypeCell extends ListCell<PoolSpec.Type> {
        private final NewPoolViewModel vm;

        TypeCell(NewPoolViewModel vm) {
            this.vm = vm;
        }

        @Override
        protected void updateItem(PoolSpec.Type item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setDisable(false);
                return;
            }
            String label = Messages.get("pool.type." + item.word());
            String reason = vm.unavailableReason(item);
            setText(reason == null ? label : Messages.get("pool.type.unavailable", label, reason));
            setDisable(reason != null);
        }
    }

    private static TextField text(String id, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static CheckBox check(String id, String key, javafx.beans.property.BooleanProperty value) {
        CheckBox c = new CheckBox(Messages.get(key));
        c.setId(id);
        c.selectedProperty().bindBidirectional(value);
        return c;
    }

    /** A labelled field, its problem on the line beneath; both shown only while {@code shown} holds (null: always). */
    private static Label add(GridPane grid, int[] row, ValidationSupport validation, String labelText,
                             javafx.scene.control.Control control, ReadOnlyStringProperty problem,
                             javafx.beans.binding.BooleanExpression shown) {
        Label label = new Label(labelText);
        label.setLabelFor(control);
        control.setMaxWidth(Double.MAX_VALUE);
        Label text = new Label();
        text.setId(control.getId() + "-problem");
        text.getStyleClass().add("problem");
        text.setWrapText(true);
        // Wrapped, never cut off with "…": the whole sentence says what to do.
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // Problems quote what was typed: a newline or a bidi override in it must not reshape the line.
        text.textProperty().bind(Bindings.createStringBinding(() -> Printable.line(problem.get()), problem));
        javafx.beans.binding.BooleanExpression visible = shown == null ? problem.isNotNull() : problem.isNotNull().and(shown);
        text.visibleProperty().bind(visible);
        text.managedProperty().bind(visible);
        if (shown != null) {
            for (Node n : new Node[] {label, control}) {
                n.visibleProperty().bind(shown);
                n.managedProperty().bind(shown);
            }
        }
        validation.registerValidator(control, false, (ctl, value) ->
                ValidationResult.fromErrorIf(ctl, problem.get(), problem.get() != null));
        grid.add(label, 0, row[0]);
        grid.add(control, 1, row[0]++);
        grid.add(text, 1, row[0]++);
        return label;
    }
}
