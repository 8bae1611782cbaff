package org.duovirt.app.definition;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duovirt.app.Messages;
import org.duovirt.app.storage.StorageView;
import org.duovirt.core.text.LineDiff;

/** The definition editor: the text on the left, the diff of the change on the right, Apply beneath. */
public final class DefinitionEditorView extends VBox {
    public DefinitionEditorView(DefinitionEditorViewModel vm) {
        super(8);
        setId("definition-editor");
        getStyleClass().add("host-tab");
        setPadding(new Insets(10));
        getChildren().add(StorageView.title(Messages.get("definition.title", vm.vmName())));
        if (vm.unsupportedReason() != null) {
            getChildren().add(new Label(vm.unsupportedReason()));
            return;
        }
        TextArea text = new TextArea();
        text.setId("definition-text");
        text.getStyleClass().add("definition-text");
        text.textProperty().bindBidirectional(vm.textProperty());
        ListView<LineDiff.Line> diff = new ListView<>(vm.diff());
        diff.setId("definition-diff");
        diff.getStyleClass().add("definition-diff");
        diff.setPlaceholder(new Label(Messages.get("definition.diff.none")));
        diff.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(LineDiff.Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("diff-added", "diff-removed");
                setText(empty || line == null ? null : line.toString());
                if (!empty && line != null && line.kind() != LineDiff.Kind.SAME) {
                    getStyleClass().add(line.kind() == LineDiff.Kind.ADDED ? "diff-added" : "diff-removed");
                }
            }
        });
        SplitPane split = new SplitPane(text, diff);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        Button show = new Button(Messages.get("definition.show"));
        show.setId("definition-show");
        show.setOnAction(e -> vm.showChanges());
        Button apply = new Button(Messages.get("definition.apply"));
        apply.setId("definition-apply");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> vm.apply());
        Button reload = new Button(Messages.get("definition.reload"));
        reload.setOnAction(e -> vm.load());
        Label message = StorageView.problemLabel("definition-message");
        message.textProperty().bind(vm.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        getChildren().addAll(split, new HBox(6, show, apply, reload, message));
        vm.load();
    }
}
