package org.duovirt.app.details;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.details.LibvirtWindow.virsh;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The overview's name and description on the real libvirtd (qemu:///system, domain type qemu): a hostile
 * description and a hostile name applied from the page, read back with virsh; the details reopen under the new
 * name; once the VM runs, the name is greyed with its reason. Screenshots go to app/target/screenshots.
 * VMs are named hwpages-ovp-*.
 */
@ExtendWith(ApplicationExtension.class)
class OverviewPageIT {
    private static final String VM = "hwpages-ovp-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private static final String NEW_NAME = VM + " \"b\" <é> $(id)";
    private static final String TEXT = "front \"www\" <b> & $(rm -rf /)\nsecond line ñ ✓";
    private static final Duration WAIT = LibvirtWindow.WAIT;
    private static final Path SHOTS = Path.of("target", "screenshots");
    @TempDir
    static Path home;
    private MainWindow window;

    @BeforeAll
    static void define() throws Exception {
        Path xml = Files.createTempFile("hwpages-ovp", ".xml");
        Files.writeString(xml, "<domain type='qemu'><name>" + VM + "</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices><serial type='pty'/></devices></domain>");
        virsh("define", xml.toString());
        Files.deleteIfExists(xml);
    }

    @AfterAll
    static void remove() {
        LibvirtWindow.remove(VM, NEW_NAME);
    }

    @Start
    void start(Stage stage) throws Exception {
        window = LibvirtWindow.open(stage, home);
    }

    @AfterEach
    void close() {
        LibvirtWindow.hide(window);
    }

    /** The details view of {@code vm} (looked up by id, which CSS selectors could not spell for a hostile name). */
    private static Optional<Node> tab(FxRobot robot, String vm) {
        return robot.lookup((Node n) -> ("details-" + vm).equals(n.getId()) && n.getScene() != null).tryQuery();
    }

    private static <T extends Node> T in(FxRobot robot, String vm, String id, Class<T> type) {
        return robot.from(tab(robot, vm).orElseThrow()).lookup(id).queryAs(type);
    }

    @Test
    void hostileNameAndDescriptionFromThePageAsVirshSeesThemAndTheNameGreyedWhileRunning(FxRobot robot) {
        LibvirtWindow.openDetails(robot, window, VM);
        waitUntil("the overview", WAIT, () -> tab(robot, VM).isPresent()
                && robot.from(tab(robot, VM).get()).lookup("#hw-overview-name").tryQuery().isPresent());
        TextField name = in(robot, VM, "#hw-overview-name", TextField.class);
        TextArea description = in(robot, VM, "#hw-overview-description", TextArea.class);
        String shown = onFx(name::getText);
        boolean nameOff = onFx(name::isDisabled);
        assertThat(shown).isEqualTo(VM);
        assertThat(nameOff).isFalse();
        robot.interact(() -> {
            description.setText(TEXT);
            name.setText("bad/name"); // a TextField drops typed newlines by itself
        });
        boolean applyOff = onFx(() -> in(robot, VM, "#hw-overview-apply", javafx.scene.control.Button.class).isDisabled());
        assertThat(applyOff).isTrue();
        List<String> problems = robot.from(tab(robot, VM).orElseThrow()).lookup(".problem").queryAllAs(Label.class).stream()
                .map(l -> onFx(l::getText)).toList();
        assertThat(problems).contains("The name must not contain '/'.");
        robot.interact(() -> name.setText(NEW_NAME));
        UiTestSupport.savePng(window.view().getScene(), SHOTS.resolve("hw-overview-edit.png"));
        UiTestSupport.click(robot, in(robot, VM, "#hw-overview-apply", javafx.scene.control.Button.class));

        waitUntil("virsh lists the new name", WAIT, () -> virsh("list", "--all", "--name").lines().anyMatch(NEW_NAME::equals));
        assertThat(virsh("list", "--all", "--name").lines()).doesNotContain(VM);
        assertThat(virsh("desc", "--config", NEW_NAME).strip()).isEqualTo(TEXT);
        waitUntil("the details reopen under the new name", WAIT, () -> tab(robot, NEW_NAME).isPresent()
                && robot.from(tab(robot, NEW_NAME).get()).lookup("#hw-overview-description").tryQuery().isPresent()
                && TEXT.equals(onFx(() -> in(robot, NEW_NAME, "#hw-overview-description", TextArea.class).getText())));
        assertThat(tab(robot, VM)).isEmpty();

        virsh("start", NEW_NAME);
        String reason = org.duovirt.app.Messages.get("hw.overview.rename-shut-down");
        waitUntil("the name greyed with its reason", WAIT, () -> onFx(() -> in(robot, NEW_NAME, "#hw-overview-name", TextField.class).isDisabled())
                && reason.equals(onFx(() -> in(robot, NEW_NAME, "#hw-overview-name-greyed", Label.class).getText())));
        String running = org.duovirt.app.Messages.get("state.running");
        waitUntil("the overview's state says running", WAIT, () -> robot.from(tab(robot, NEW_NAME).get()).lookup(".value")
                .queryAllAs(Label.class).stream().anyMatch(l -> running.equals(l.getText())));
        boolean descriptionOff = onFx(() -> in(robot, NEW_NAME, "#hw-overview-description", TextArea.class).isDisabled());
        assertThat(descriptionOff).isFalse();
        UiTestSupport.savePng(window.view().getScene(), SHOTS.resolve("hw-overview-greyed.png"));
        UiTestSupport.click(robot, "View");
        UiTestSupport.click(robot, "#menu-dark-theme");
        UiTestSupport.savePng(window.view().getScene(), SHOTS.resolve("hw-overview-greyed-dark.png"));
        UiTestSupport.click(robot, "View");
        UiTestSupport.click(robot, "#menu-dark-theme");
        virsh("destroy", NEW_NAME);
    }
}
