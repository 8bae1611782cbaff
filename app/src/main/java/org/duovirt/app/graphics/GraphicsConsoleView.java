package org.duovirt.app.graphics;

import java.io.File;
import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.duovirt.app.Messages;
import org.duovirt.core.rfb.Key;

/**
 * The graphical console: the guest's screen blitted into a {@link WritableImage} once per pulse when it
 * changed, the toolbar (Send Key, Type clipboard, screenshot, fit / 1:1, fullscreen, detach) and the keyboard
 * grab hint. Key and mouse events become RFB input through the view model; nothing here touches a socket.
 */
public final class GraphicsConsoleView extends BorderPane {
    private final GraphicsConsoleViewModel vm;
    private final ImageView image = new ImageView();
    private final ScrollPane scroller = new ScrollPane();
    private final Label placeholder = new Label();
    private final Label hint = new Label();
    /** Where the live screen comes from ("… (SSH channel via root@host to 127.0.0.1:5900)"), or the last result. */
    private final Label status = new Label();
    private final StackPane screen = new StackPane();
    private final Button detach = new Button(Messages.get("graphics.detach"));
    private final ToggleButton fit = new ToggleButton(Messages.get("graphics.fit"));
    private final Button fullscreen = new Button(Messages.get("graphics.fullscreen"));
    private final Button switchConsole = new Button(Messages.get("console-switch.to-text"));
    private final AnimationTimer pulse;
    /** One instance, so the scene filter added on attach is the one removed on detach. */
    private final javafx.event.EventHandler<KeyEvent> keyFilter = this::key;
    private WritableImage picture;
    /** The switch's shortcut, handled here too so it also works in the console's own (detached) window. */
    private javafx.scene.input.KeyCombination switchShortcut;
    private int buttons;
    private boolean ctrlDown;
    private boolean altDown;

    public GraphicsConsoleView(GraphicsConsoleViewModel vm) {
        this.vm = vm;
        setId("graphics-" + vm.vmName());
        getStyleClass().add("graphics-console");
        setTop(toolbar());
        setCenter(screenArea());
        hint.setId("graphics-hint");
        hint.getStyleClass().add("graphics-hint");
        hint.setMaxWidth(Double.MAX_VALUE);
        setBottom(hint);
        vm.grabbedProperty().addListener((o, was, now) -> updateHint());
        vm.stateProperty().addListener((o, was, now) -> updateState());
        vm.messageProperty().addListener((o, was, now) -> updateState());
        vm.scalingProperty().addListener((o, was, now) -> applyScaling());
        updateHint();
        updateState();
        // Bubbling, so a grabbed keyboard (the scene filter takes every key for the guest) never switches.
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (switchShortcut != null && switchShortcut.match(e)) {
                e.consume();
                switchConsole.fire();
            }
        });
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.screen().drain(GraphicsConsoleView.this::draw);
            }
        };
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                pulse.stop();
            } else {
                pulse.start();
            }
        });
    }

    /** The Detach button calls this (the tab owner decides where the view goes). */
    public Button detachButton() {
        return detach;
    }

    public Button fullscreenButton() {
        return fullscreen;
    }

    /** Shows "Text Console" in the toolbar, running {@code action} ({@code shortcut} in its tooltip); null hides it (the host has none). */
    public void setOnSwitch(Runnable action, javafx.scene.input.KeyCombination shortcut) {
        switchConsole.getTooltip().setText(Messages.get("console-switch.tooltip", shortcut.getDisplayText()));
        switchConsole.setVisible(action != null);
        switchConsole.setManaged(action != null);
        switchConsole.setOnAction(action == null ? null : e -> action.run());
        switchShortcut = action == null ? null : shortcut;
    }

    private ToolBar toolbar() {
        MenuButton sendKey = new MenuButton(Messages.get("graphics.send-key"));
        sendKey.setId("graphics-send-key");
        for (SendKey combo : vm.sendKeyMenu()) {
            MenuItem item = new MenuItem(combo.label());
            item.setId("send-key-" + combo.label().replace('+', '-').toLowerCase(java.util.Locale.ROOT));
            item.setOnAction(e -> vm.sendKey(combo));
            sendKey.getItems().add(item);
        }
        Button type = new Button(Messages.get("graphics.type-clipboard"));
        type.setId("graphics-type-clipboard");
        type.setOnAction(e -> vm.typeText(Clipboard.getSystemClipboard().getString()));
        Button shot = new Button(Messages.get("graphics.screenshot"));
        shot.setId("graphics-screenshot");
        shot.setOnAction(e -> saveScreenshot());
        fit.setId("graphics-fit");
        fit.setSelected(vm.scalingProperty().get() == Scaling.FIT);
        fit.selectedProperty().addListener((o, was, now) -> vm.scalingProperty().set(now ? Scaling.FIT : Scaling.ONE_TO_ONE));
        fullscreen.setId("graphics-fullscreen");
        detach.setId("graphics-detach");
        switchConsole.setId("graphics-switch-console");
        switchConsole.setTooltip(new javafx.scene.control.Tooltip());
        setOnSwitch(null, javafx.scene.input.KeyCombination.NO_MATCH);
        status.setId("graphics-status");
        status.getStyleClass().add("graphics-status");
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinWidth(0);
        // Only the room left over (it grows into it): a long route must never push Detach into the overflow menu.
        status.setPrefWidth(1);
        status.setAlignment(Pos.CENTER_RIGHT);
        status.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        javafx.scene.layout.HBox.setHgrow(status, Priority.ALWAYS);
        return new ToolBar(sendKey, type, shot, fit, fullscreen, status, switchConsole, detach);
    }

    private StackPane screenArea() {
        image.setId("graphics-image");
        image.setPreserveRatio(true);
        image.setSmooth(true);
        scroller.setContent(new StackPane(image));
        scroller.getStyleClass().add("graphics-scroller");
        scroller.setPannable(false);
        placeholder.setId("graphics-placeholder");
        placeholder.getStyleClass().add("graphics-placeholder");
        placeholder.setWrapText(true);
        VBox centre = new VBox(placeholder);
        centre.setAlignment(Pos.CENTER);
        centre.setMouseTransparent(true);
        screen.setId("graphics-screen");
        screen.getStyleClass().add("graphics-screen");
        screen.getChildren().addAll(scroller, centre);
        screen.setFocusTraversable(true);
        image.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (!vm.grabbedProperty().get()) {
                vm.grab();
            }
            screen.requestFocus();
            mouse(e);
        });
        image.addEventHandler(MouseEvent.MOUSE_RELEASED, this::mouse);
        image.addEventHandler(MouseEvent.MOUSE_MOVED, this::mouse);
        image.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::mouse);
        image.addEventHandler(ScrollEvent.SCROLL, e -> {
            int wheel = e.getDeltaY() > 0 ? 8 : 16;
            int[] p = guest(e.getX(), e.getY());
            vm.pointer(p[0], p[1], buttons | wheel);
            vm.pointer(p[0], p[1], buttons);
            e.consume();
        });
        screen.focusedProperty().addListener((o, was, now) -> {
            if (!now && vm.grabbedProperty().get()) {
                vm.release();
            }
        });
        sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.ANY, keyFilter);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.ANY, keyFilter);
            }
        });
        scroller.viewportBoundsProperty().addListener((o, was, now) -> applyScaling());
        return screen;
    }

    /** While grabbed every key goes to the guest (window shortcuts too); Ctrl+Alt together releases. */
    private void key(KeyEvent e) {
        if (!vm.grabbedProperty().get()) {
            return;
        }
        e.consume();
        if (e.getEventType() == KeyEvent.KEY_TYPED) {
            return;
        }
        boolean down = e.getEventType() == KeyEvent.KEY_PRESSED;
        KeyCode code = e.getCode();
        if (code == KeyCode.CONTROL) {
            ctrlDown = down;
        } else if (code == KeyCode.ALT) {
            altDown = down;
        }
        Key key = FxKeys.of(code);
        vm.key(key, down);
        if (down && ctrlDown && altDown && (code == KeyCode.CONTROL || code == KeyCode.ALT)) {
            vm.key(Key.ALT, false);
            vm.key(Key.CONTROL, false);
            ctrlDown = false;
            altDown = false;
            vm.release();
        }
    }

    private void mouse(MouseEvent e) {
        int bit = e.getButton() == MouseButton.PRIMARY ? 1 : e.getButton() == MouseButton.MIDDLE ? 2
                : e.getButton() == MouseButton.SECONDARY ? 4 : 0;
        if (e.getEventType() == MouseEvent.MOUSE_PRESSED) {
            buttons |= bit;
        } else if (e.getEventType() == MouseEvent.MOUSE_RELEASED) {
            buttons &= ~bit;
        }
        int[] p = guest(e.getX(), e.getY());
        vm.pointer(p[0], p[1], buttons);
        e.consume();
    }

    /** From the image's local coordinates (scaled when fitted) to guest pixels. */
    int[] guest(double x, double y) {
        if (picture == null) {
            return new int[] {0, 0};
        }
        double w = image.getBoundsInLocal().getWidth();
        double h = image.getBoundsInLocal().getHeight();
        int gx = (int) Math.floor(x * picture.getWidth() / Math.max(1, w));
        int gy = (int) Math.floor(y * picture.getHeight() / Math.max(1, h));
        return new int[] {Math.max(0, Math.min(gx, (int) picture.getWidth() - 1)),
                Math.max(0, Math.min(gy, (int) picture.getHeight() - 1))};
    }

    private void draw(ScreenBuffer.Damage d) {
        if (picture == null || d.resized() || picture.getWidth() != d.width() || picture.getHeight() != d.height()) {
            picture = new WritableImage(d.width(), d.height());
            image.setImage(picture);
            picture.getPixelWriter().setPixels(0, 0, d.width(), d.height(), PixelFormat.getIntArgbPreInstance(),
                    d.pixels(), 0, d.width());
            applyScaling();
            return;
        }
        if (d.w() > 0 && d.h() > 0) {
            // the pixels are opaque, so premultiplied and plain ARGB are the same numbers
            picture.getPixelWriter().setPixels(d.x(), d.y(), d.w(), d.h(), PixelFormat.getIntArgbPreInstance(),
                    d.pixels(), d.y() * d.width() + d.x(), d.width());
        }
    }

    private void applyScaling() {
        boolean fitted = vm.scalingProperty().get() == Scaling.FIT;
        fit.setSelected(fitted);
        if (fitted) {
            image.setFitWidth(Math.max(1, scroller.getViewportBounds().getWidth()));
            image.setFitHeight(Math.max(1, scroller.getViewportBounds().getHeight()));
            scroller.setFitToWidth(true);
            scroller.setFitToHeight(true);
        } else {
            image.setFitWidth(0);
            image.setFitHeight(0);
            scroller.setFitToWidth(false);
            scroller.setFitToHeight(false);
        }
    }

    private void updateHint() {
        boolean grabbed = vm.grabbedProperty().get();
        hint.setText(Messages.get(grabbed ? "graphics.hint-grabbed" : "graphics.hint-free"));
        hint.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("grabbed"), grabbed);
    }

    private void updateState() {
        ConsoleState s = vm.stateProperty().get();
        boolean live = s == ConsoleState.CONNECTED;
        placeholder.setText(live ? "" : vm.messageProperty().get());
        status.setText(live ? vm.messageProperty().get() : "");
        placeholder.setVisible(!live);
        scroller.setOpacity(live ? 1 : 0.25);
    }

    private void saveScreenshot() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("graphics.screenshot"));
        chooser.setInitialFileName(vm.vmName() + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            vm.screenshot(file.toPath());
        }
    }

    /** What the tab shows right now (for tests and screenshots of the view itself). */
    public WritableImage picture() {
        return picture;
    }
}
