package org.duovirt.app.wizard;

import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import org.duovirt.app.console.ConsoleView;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.testing.Repository;
import org.testfx.api.FxRobot;

/** Drives the New VM wizard window by its ids and button roles, and photographs it. */
final class WizardDriver {
    static final Duration WAIT = Duration.ofSeconds(60);
    private final FxRobot robot;

    WizardDriver(FxRobot robot) {
        this.robot = robot;
    }

    void waitForPage(String page) {
        waitUntil("wizard page " + page, WAIT, () -> robot.lookup("#wizard-page-" + page).tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).orElse(false));
    }

    /** The page showing now; null for a moment while the wizard swaps pages. */
    DialogPane current() {
        return onFx(() -> robot.lookup(".dialog-pane").queryAll().stream().map(n -> (DialogPane) n)
                .filter(p -> p.getId() != null && p.getId().startsWith("wizard-page-") && p.getScene() != null
                        && p.getScene().getWindow() != null && p.getScene().getWindow().isShowing())
                .findFirst().orElse(null));
    }

    void type(String id, String text) {
        TextField field = onFx(() -> (TextField) current().lookup("#" + id));
        robot.interact(() -> field.setText(text));
    }

    /** Presses the button with this role (NEXT_FORWARD, BACK_PREVIOUS, FINISH, CANCEL_CLOSE) once it is enabled. */
    void press(ButtonBar.ButtonData role) {
        waitUntil(role + " enabled", WAIT, () -> button(role) != null && !button(role).isDisabled());
        DialogPane before = current();
        UiTestSupport.click(robot, button(role));
        if (role == ButtonBar.ButtonData.NEXT_FORWARD || role == ButtonBar.ButtonData.BACK_PREVIOUS) {
            waitUntil("the next page after " + before.getId(), WAIT, () -> {
                DialogPane now = current();
                return now != null && now != before;
            });
        }
    }

    boolean enabled(ButtonBar.ButtonData role) {
        return onFx(() -> button(role) != null && !button(role).isDisabled());
    }

    private Button button(ButtonBar.ButtonData role) {
        DialogPane pane = current();
        if (pane == null) {
            return null;
        }
        for (ButtonType t : pane.getButtonTypes()) {
            if (t.getButtonData() == role) {
                return (Button) pane.lookupButton(t);
            }
        }
        return null;
    }

    String text(String query) {
        return onFx(() -> {
            Node n = current().lookup(query);
            return n instanceof javafx.scene.control.Labeled l ? l.getText()
                    : n instanceof javafx.scene.control.TextInputControl t ? t.getText() : String.valueOf(n);
        });
    }

    /**
     * Opens the wizard from the toolbar and fills it for a direct kernel boot, checking on the platform page
     * that {@code greyedMode} is disabled and {@code expectedMode} chosen; stops on the ready summary.
     *
     * @param diskGiB a new disk of this size, or null for none
     */
    static WizardDriver kernelBoot(FxRobot robot, String vm, String kernel, String initrd, String memory, String diskGiB,
                                   String greyedMode, String expectedMode) {
        return fill(robot, vm, w -> {
            w.type("wizard-kernel", kernel);
            w.type("wizard-initrd", initrd);
        }, memory, diskGiB, greyedMode, expectedMode);
    }

    /** The same with the installer ISO as the source. */
    static WizardDriver iso(FxRobot robot, String vm, String iso, String memory, String diskGiB, String greyedMode,
                            String expectedMode) {
        return fill(robot, vm, w -> {
            robot.interact(() -> ((javafx.scene.control.ComboBox<InstallSource>) w.current().lookup("#wizard-source"))
                    .setValue(InstallSource.ISO));
            w.type("wizard-iso", iso);
        }, memory, diskGiB, greyedMode, expectedMode);
    }

    /** The same with a cloud image, an SSH key file and a user as the source; the disk keeps the image's size. */
    static WizardDriver cloudImage(FxRobot robot, String vm, String image, String keyFile, String user, String memory,
                                   String greyedMode, String expectedMode) {
        return fill(robot, vm, w -> {
            w.chooseSource(InstallSource.CLOUD_IMAGE);
            w.type("wizard-cloud-image", image);
            w.type("wizard-cloud-ssh-key", keyFile);
            w.type("wizard-cloud-user", user);
        }, memory, null, greyedMode, expectedMode);
    }

    /** The cloud image source as {@link #cloudImage}, with screenshots of the source and storage pages ({@code shotPrefix}-source.png …). */
    static WizardDriver cloudImageShown(FxRobot robot, String vm, String image, String keyFile, String user, String memory,
                                        String greyedMode, String expectedMode, String shotPrefix) {
        return fill(robot, vm, w -> {
            w.chooseSource(InstallSource.CLOUD_IMAGE);
            w.type("wizard-cloud-image", image);
            w.type("wizard-cloud-ssh-key", keyFile);
            w.type("wizard-cloud-user", user);
            w.shot(shotPrefix + "-source.png");
        }, w -> { }, w -> w.shot(shotPrefix + "-storage.png"), memory, greyedMode, expectedMode);
    }

    void chooseSource(InstallSource source) {
        robot.interact(() -> ((javafx.scene.control.ComboBox<InstallSource>) current().lookup("#wizard-source")).setValue(source));
    }

    private static WizardDriver fill(FxRobot robot, String vm, java.util.function.Consumer<WizardDriver> source, String memory,
                                     String diskGiB, String greyedMode, String expectedMode) {
        return fill(robot, vm, source, w -> { }, memory, diskGiB, greyedMode, expectedMode);
    }

    /** A direct kernel boot with two vCPUs pinned by the wizard's pinning step (its compact preset, as drawn). */
    static WizardDriver kernelBootPinned(FxRobot robot, String vm, String kernel, String initrd, String memory,
                                         String greyedMode, String expectedMode) {
        return fill(robot, vm, w -> {
            w.type("wizard-kernel", kernel);
            w.type("wizard-initrd", initrd);
        }, w -> {
            w.type("wizard-vcpus", "2");
            robot.interact(() -> ((javafx.scene.control.CheckBox) w.current().lookup("#wizard-pin-enable")).setSelected(true));
            waitUntil("the grid shows the plan", WAIT, () -> onFx(() -> ((org.duovirt.app.pinning.PinGrid) w.current()
                    .lookup("#wizard-pin-grid")).rowCount() == 2));
            w.shot("wizard-pinning-step.png");
        }, memory, null, greyedMode, expectedMode);
    }

    private static WizardDriver fill(FxRobot robot, String vm, java.util.function.Consumer<WizardDriver> source,
                                     java.util.function.Consumer<WizardDriver> resources, String memory,
                                     String diskGiB, String greyedMode, String expectedMode) {
        return fill(robot, vm, source, resources, w -> {
            if (diskGiB != null) {
                robot.interact(() -> ((javafx.scene.control.CheckBox) w.current().lookup("#wizard-new-disk")).setSelected(true));
                w.type("wizard-disk-size", diskGiB);
            }
        }, memory, greyedMode, expectedMode);
    }

    /** A direct kernel boot whose storage page {@code storage} fills (e.g. an existing volume). */
    static WizardDriver kernelBootWithStorage(FxRobot robot, String vm, String kernel, String initrd, String memory,
                                              java.util.function.Consumer<WizardDriver> storage, String greyedMode, String expectedMode) {
        return fill(robot, vm, w -> {
            w.type("wizard-kernel", kernel);
            w.type("wizard-initrd", initrd);
        }, w -> { }, storage, memory, greyedMode, expectedMode);
    }

    /** Network boot (PXE) from {@code network}, with no disk. */
    static WizardDriver networkBoot(FxRobot robot, String vm, String network, String memory, String greyedMode, String expectedMode) {
        return fill(robot, vm, w -> {
            w.chooseSource(InstallSource.NETWORK);
            w.shot("wizard-pxe-source.png");
        }, w -> { }, w -> { },
                w -> robot.interact(() -> ((javafx.scene.control.ComboBox<String>) w.current().lookup("#wizard-network")).setValue(network)),
                memory, greyedMode, expectedMode);
    }

    private static WizardDriver fill(FxRobot robot, String vm, java.util.function.Consumer<WizardDriver> source,
                                     java.util.function.Consumer<WizardDriver> resources, java.util.function.Consumer<WizardDriver> storage,
                                     String memory, String greyedMode, String expectedMode) {
        return fill(robot, vm, source, resources, storage,
                w -> robot.interact(() -> ((javafx.scene.control.ComboBox<?>) w.current().lookup("#wizard-network")).setValue(null)),
                memory, greyedMode, expectedMode);
    }

    private static WizardDriver fill(FxRobot robot, String vm, java.util.function.Consumer<WizardDriver> source,
                                     java.util.function.Consumer<WizardDriver> resources, java.util.function.Consumer<WizardDriver> storage,
                                     java.util.function.Consumer<WizardDriver> network, String memory, String greyedMode, String expectedMode) {
        waitUntil("connected", WAIT, () -> robot.lookup("#status-hosts").queryLabeled().getText().contains("1 connected"));
        UiTestSupport.click(robot, "#tool-new-vm");
        WizardDriver w = new WizardDriver(robot);
        w.waitForPage("source");
        w.type("wizard-name", vm);
        source.accept(w);
        w.type("wizard-os", "debian12");
        w.press(ButtonBar.ButtonData.NEXT_FORWARD);
        w.waitForPage("resources");
        w.type("wizard-memory", memory);
        resources.accept(w);
        w.press(ButtonBar.ButtonData.NEXT_FORWARD);
        w.waitForPage("storage");
        storage.accept(w);
        w.press(ButtonBar.ButtonData.NEXT_FORWARD);
        w.waitForPage("network");
        network.accept(w);
        w.press(ButtonBar.ButtonData.NEXT_FORWARD);
        w.waitForPage("platform");
        waitUntil("modes listed", WAIT, () -> onFx(() -> w.current().lookup("#wizard-mode-" + expectedMode) != null));
        org.assertj.core.api.Assertions.assertThat(onFx(() -> w.current().lookup("#wizard-mode-" + greyedMode).isDisabled()))
                .as(greyedMode + " greyed on this host").isTrue();
        org.assertj.core.api.Assertions.assertThat(onFx(() -> w.current().lookup("#wizard-mode-" + greyedMode + "-reason")))
                .as("the reason beside " + greyedMode).isNotNull();
        waitUntil(expectedMode + " chosen", WAIT, () -> onFx(() ->
                ((javafx.scene.control.RadioButton) w.current().lookup("#wizard-mode-" + expectedMode)).isSelected()));
        w.press(ButtonBar.ButtonData.NEXT_FORWARD);
        w.waitForPage("summary");
        waitUntil("ready", WAIT, () -> w.text("#wizard-summary-heading").startsWith("Ready to create"));
        waitUntil("the definition", WAIT, () -> !w.text("#wizard-definition").isBlank());
        return w;
    }

    /** The newest job of the window (the one the wizard just started), read on the FX thread. */
    static org.duovirt.app.job.Job lastJob(org.duovirt.app.main.MainWindow window) {
        var jobs = window.model().jobs().jobs();
        return onFx(() -> jobs.isEmpty() ? null : jobs.get(jobs.size() - 1));
    }

    /** What the open console tab shows. */
    /** What the console tab the wizard opened holds (the terminal's text buffer: scrollback and screen). */
    /** Waits for the tiny guest's banner in the console tab; a timeout says what the tab showed instead. */
    static void awaitBanner(FxRobot robot, Duration within) {
        UiTestSupport.waitUntil("the console tab shows the guest's banner", within,
                () -> consoleText(robot).contains(Repository.GUEST_BANNER), () -> consoleSeen(robot));
    }

    /** What the console tab showed, for a timeout's message: its status line and the end of its screen. */
    static String consoleSeen(FxRobot robot) {
        String status = robot.lookup("#console-status").tryQueryAs(javafx.scene.control.Label.class).map(l -> l.getText()).orElse("no console tab");
        String text = consoleText(robot).strip();
        return "status '" + status + "', screen ends '" + text.substring(Math.max(0, text.length() - 400)) + "'";
    }

    static String consoleText(FxRobot robot) {
        return robot.lookup((Node n) -> n instanceof ConsoleView).tryQueryAs(ConsoleView.class)
                .map(v -> onFx(v::text)).orElse("");
    }

    /** Ticks "existing" on the storage page, waits for the host's volumes (a Xen host's images) and picks the one at {@code path}. */
    void pickExisting(String path) {
        pickExisting(path, WAIT);
    }

    /** As {@link #pickExisting(String)}, waiting up to {@code within} for the list (an emulated dom0 answers slowly). */
    @SuppressWarnings("unchecked")
    void pickExisting(String path, Duration within) {
        robot.interact(() -> ((javafx.scene.control.CheckBox) current().lookup("#wizard-existing-disk")).setSelected(true));
        javafx.scene.control.ComboBox<org.duovirt.core.model.VolumeInfo> volumes =
                onFx(() -> (javafx.scene.control.ComboBox<org.duovirt.core.model.VolumeInfo>) current().lookup("#wizard-volume"));
        waitUntil("the volume listed", within, () -> onFx(() -> volumes.getItems().stream().anyMatch(v -> v.path().equals(path))));
        robot.interact(() -> volumes.setValue(volumes.getItems().stream().filter(v -> v.path().equals(path)).findFirst().orElseThrow()));
        waitUntil("the path filled", within, () -> text("#wizard-existing-path").equals(path));
    }

    /** Where tests put their screenshots: under target/, never docs/ (docs/screenshots/ is updated by capture scripts). */
    static Path shots() {
        return Repository.root().resolve("app/target/screenshots");
    }

    /** Saves the wizard window as a PNG in {@link #shots()} (the window as JavaFX draws it). */
    void shot(String file) {
        WaitForPulse.settle();
        Scene scene = onFx(() -> current().getScene());
        save(scene, shots().resolve(file));
    }

    static void save(Scene scene, Path file) {
        UiTestSupport.savePng(scene, file);
    }

    /** Lets layout and CSS settle before a snapshot. */
    static final class WaitForPulse {
        static void settle() {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
