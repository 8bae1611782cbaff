package org.duovirt.app.details;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.duovirt.app.Messages;
import org.duovirt.app.storage.StorageView;
import org.duovirt.core.model.DiskCacheModes;

/** A disk page's cache mode chooser and Grow field, bound to its {@link DiskPageViewModel}. */
final class DiskControls {
    private final DiskPageViewModel page;
    private final HardwareViewModel owner;

    /** @param owner the list's model, which applies the change and reads the list again */
    DiskControls(DiskPageViewModel page, HardwareViewModel owner) {
        this.page = page;
        this.owner = owner;
    }

    Node node() {
        ComboBox<String> cache = new ComboBox<>();
        cache.getItems().setAll(DiskCacheModes.MODES);
        cache.setId("hw-disk-cache");
        cache.valueProperty().bindBidirectional(page.cacheProperty());
        Button applyCache = new Button(Messages.get("hw.disk.cache.apply"));
        applyCache.setId("hw-disk-cache-apply");
        applyCache.setOnAction(e -> owner.applyCache(page));
        Label cacheWhy = Greying.grey("hw-disk-cache-greyed", Greying.fixed(page.cacheUnsupported()), cache, applyCache);

        javafx.scene.control.TextField size = StorageView.field("hw-disk-grow-size", "20G", 120);
        size.textProperty().bindBidirectional(page.growSizeProperty());
        Button grow = new Button(Messages.get("hw.disk.grow.button"));
        grow.setId("hw-disk-grow");
        grow.disableProperty().bind(page.growProblemProperty().isNotNull().or(Greying.blocked(page.growBlockedProperty())));
        grow.setOnAction(e -> owner.grow(page));
        Label growWhy = Greying.grey("hw-disk-grow-greyed", page.growBlockedProperty(), size);
        Label where = new Label();
        where.setId("hw-disk-grow-where");
        where.getStyleClass().add("key");
        where.textProperty().bind(page.whereProperty());
        Label problem = new Label();
        problem.setId("hw-disk-grow-problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(page.growProblemProperty());
        Label hint = new Label(Messages.get("hw.disk.cache.hint"));
        hint.getStyleClass().add("key");
        return new VBox(6, row(new Label(Messages.get("hw.disk.cache")), cache, applyCache), hint, cacheWhy,
                row(new Label(Messages.get("hw.disk.grow")), size, grow), where, growWhy, problem);
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
