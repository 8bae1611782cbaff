package org.duovirt.app.definition;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
                setText(null);
                // The line's text stays in the accessible text, the colours are drawn by the graphic.
                setAccessibleText(empty || line == null ? null : line.toString());
                setGraphic(empty || line == null ? null : HighlightedText.line(line.toString().substring(0, 1), line.text(),
                        SyntaxSpans.isXml(vm.textProperty().get())));
                if (!empty && line != null && line.kind() != LineDiff.Kind.SAME) {
                    getStyleClass().add(line.kind() == LineDiff.Kind.ADDED ? "diff-added" : "diff-removed");
                }
            }
        });
        SplitPane split = new SplitPane(editorTabs(text, vm), diff);
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

    /** The text to edit, and the same text in syntax colours (read-only, redrawn while it is shown). */
    private static TabPane editorTabs(TextArea text, DefinitionEditorViewModel vm) {
        ScrollPane coloured = new ScrollPane();
        coloured.setId("definition-coloured");
        coloured.getStyleClass().add("definition-coloured");
        Tab edit = new Tab(Messages.get("definition.tab.edit"), text);
        Tab colours = new Tab(Messages.get("definition.tab.coloured"), coloured);
        colours.setId("definition-coloured-tab");
        Runnable redraw = () -> {
            if (colours.isSelected()) {
                coloured.setContent(HighlightedText.of(vm.textProperty().get()));
            }
        };
        colours.selectedProperty().addListener((o, a, b) -> redraw.run());
        vm.textProperty().addListener((o, a, b) -> redraw.run());
        TabPane tabs = new TabPane(edit, colours);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }
}
