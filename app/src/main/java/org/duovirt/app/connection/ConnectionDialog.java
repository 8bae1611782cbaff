package org.duovirt.app.connection;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.duovirt.app.Messages;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.dialog.Dialogs;

/** Add Connection: KVM (system, session, SSH, custom URI) or Xen (local, SSH), autoconnect, URI preview. */
public final class ConnectionDialog {
    private ConnectionDialog() {
    }

    public static Dialog<ConnectionConfig> create(Window owner, ConnectionDialogViewModel vm) {
        Dialog<ConnectionConfig> dialog = new Dialog<>();
        Dialogs.prepare(dialog, owner, "connection-dialog");
        dialog.setTitle(Messages.get("connection.title"));
        dialog.setHeaderText(Messages.get("connection.header"));

        ToggleGroup group = new ToggleGroup();
        VBox kinds = new VBox(6, section("connection.section.kvm"),
                radio(group, vm, ConnectionKind.KVM_SYSTEM), radio(group, vm, ConnectionKind.KVM_SESSION),
                radio(group, vm, ConnectionKind.KVM_SSH), radio(group, vm, ConnectionKind.KVM_CUSTOM),
                section("connection.section.xen"),
                radio(group, vm, ConnectionKind.XEN_LOCAL), radio(group, vm, ConnectionKind.XEN_SSH));

        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(8);
        TextField user = field("connection-user", vm.userProperty());
        TextField host = field("connection-host", vm.hostProperty());
        host.setPromptText("host.example.org");
        TextField port = field("connection-port", vm.portProperty());
        port.setPromptText("22");
        TextField custom = field("connection-custom", vm.customUriProperty());
        custom.setPromptText("qemu+tcp://host/system");
        TextField label = field("connection-label", vm.labelProperty());
        label.setPromptText(Messages.get("connection.label-prompt"));
        addRow(fields, 0, "connection.user", user);
        addRow(fields, 1, "connection.host", host);
        addRow(fields, 2, "connection.port", port);
        addRow(fields, 3, "connection.custom", custom);
        addRow(fields, 4, "connection.label", label);
        user.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.kindProperty().get().needsUserAndHost(), vm.kindProperty()));
        host.disableProperty().bind(user.disableProperty());
        port.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.kindProperty().get().hasPort(), vm.kindProperty()));
        custom.disableProperty().bind(vm.kindProperty().isNotEqualTo(ConnectionKind.KVM_CUSTOM));

        CheckBox autoconnect = new CheckBox(Messages.get("connection.autoconnect"));
        autoconnect.setId("connection-autoconnect");
        autoconnect.selectedProperty().bindBidirectional(vm.autoconnectProperty());
        Label uri = new Label();
        uri.setId("connection-uri");
        uri.getStyleClass().add("uri-preview");
        uri.textProperty().bind(vm.uriProperty());
        Label problem = new Label();
        problem.setId("connection-problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());

        CheckBox confirmProgram = new CheckBox(Messages.get("connection.program-confirm"));
        confirmProgram.setId("connection-program-confirm");
        confirmProgram.setWrapText(true);
        confirmProgram.selectedProperty().bindBidirectional(vm.programsConfirmedProperty());
        confirmProgram.visibleProperty().bind(vm.needsConfirmationProperty());
        confirmProgram.managedProperty().bind(vm.needsConfirmationProperty());
        confirmProgram.setMaxWidth(500);
        confirmProgram.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // The checkbox and a longer problem come and go: let the window grow so the buttons stay visible.
        vm.needsConfirmationProperty().addListener((o, was, now) -> javafx.application.Platform.runLater(() -> {
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));

        VBox content = new VBox(12, kinds, fields, autoconnect, confirmProgram,
                new VBox(2, new Label(Messages.get("connection.uri")), uri), problem);
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);

        ButtonType add = new ButtonType(Messages.get("connection.add"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(
                new ButtonType(Messages.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE), add);
        dialog.getDialogPane().lookupButton(add).disableProperty().bind(vm.validProperty().not());
        dialog.setResultConverter(b -> b == add ? vm.result() : null);
        return dialog;
    }

    private static Label section(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("section-title");
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static RadioButton radio(ToggleGroup group, ConnectionDialogViewModel vm, ConnectionKind kind) {
        RadioButton r = new RadioButton(Messages.get(kind.messageKey()));
        r.setId("kind-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        r.setToggleGroup(group);
        r.setSelected(vm.kindProperty().get() == kind);
        r.selectedProperty().addListener((o, a, selected) -> {
            if (selected) {
                vm.kindProperty().set(kind);
            }
        });
        return r;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        f.setPrefColumnCount(24);
        return f;
    }

    private static void addRow(GridPane grid, int row, String key, Node field) {
        Label l = new Label(Messages.get(key));
        l.setLabelFor(field);
        grid.addRow(row, l, field);
    }
}
