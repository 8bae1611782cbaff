package org.duovirt.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.duovirt.app.ui.Theme;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.model.PoolSpec;
import org.duovirt.core.model.PoolTypeSupport;
import org.duovirt.core.spi.Backends;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Storage tab's pool row and the New pool form on libvirt's test driver, clicked and typed by the robot: the
 * form's problems show beneath their fields and Create stays greyed until none is left; a type the host lacks is
 * greyed with the reason; a pool made from the tab appears with its state and autostart, Stop greys itself.
 */
@ExtendWith(ApplicationExtension.class)
class StoragePoolsTabTest {
    private static final String POOL = "kvmpools-tab-test";
    private Stage stage;
    private HostSession session;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        try (var host = Backends.installed().connect("test:///default")) {
            host.pools().stream().filter(p -> p.name().startsWith("kvmpools-")).forEach(p -> host.deletePool(p.name(), false, true));
        }
        if (session != null) {
            session.close();
        }
    }

    @Test
    void theFormShowsEachProblemBesideItsFieldAndGreysTypesTheHostLacks(FxRobot robot) {
        NewPoolViewModel model = new NewPoolViewModel("test:///default", List.of(
                new PoolTypeSupport(PoolSpec.Type.DIR, true, null), new PoolTypeSupport(PoolSpec.Type.FS, true, null),
                new PoolTypeSupport(PoolSpec.Type.LOGICAL, false, "libvirt on test:///default was built without the 'logical' storage backend."),
                new PoolTypeSupport(PoolSpec.Type.NETFS, true, null)), Set.of("default-pool"));
        GridPane form = onFx(() -> {
            GridPane f = NewPoolDialog.form(model);
            // In a DialogPane like the real dialog's, so the theme's dialog styles (red problems) apply.
            javafx.scene.control.DialogPane pane = new javafx.scene.control.DialogPane();
            pane.setHeaderText(model.title());
            pane.setContent(f);
            pane.getButtonTypes().setAll(javafx.scene.control.ButtonType.CANCEL, javafx.scene.control.ButtonType.OK);
            Scene scene = new Scene(pane, 680, 520);
            Theme.apply(scene);
            stage.setScene(scene);
            stage.show();
            return f;
        });
        UiTestSupport.click(robot, "#new-pool-name");
        robot.write("bad name $(x)");
        Label nameProblem = onFx(() -> (Label) form.lookup("#new-pool-name-problem"));
        waitUntil("the name's problem shows", Duration.ofSeconds(10), () -> onFx(nameProblem::isVisible));
        waitUntil("the whole name typed", Duration.ofSeconds(10), () -> onFx(() -> model.nameProperty().get()).equals("bad name $(x)"));
        assertThat(onFx(nameProblem::getText)).contains("cannot name a pool");
        onFx(() -> {
            model.nameProperty().set("default-pool");
            return null;
        });
        assertThat(onFx(nameProblem::getText)).isEqualTo("The host already has a pool named 'default-pool'; choose another name.");
        onFx(() -> {
            model.nameProperty().set("bilder-ü");
            model.typeProperty().set(PoolSpec.Type.NETFS);
            return null;
        });
        TextField host = onFx(() -> (TextField) form.lookup("#new-pool-host"));
        assertThat(onFx(host::isVisible)).isTrue();
        // Typed into the field itself (not the model): the binding field → model → problem label is what is checked.
        onFx(() -> {
            ((TextField) form.lookup("#new-pool-target")).setText("relative");
            return null;
        });
        waitUntil("the target's problem shows", Duration.ofSeconds(10),
                () -> String.valueOf(onFx(() -> ((Label) form.lookup("#new-pool-target-problem")).getText())).contains("is relative"));
        assertThat(model.unavailableReason(PoolSpec.Type.LOGICAL)).contains("built without the 'logical'");
        onFx(() -> {
            model.typeProperty().set(PoolSpec.Type.LOGICAL);
            return null;
        });
        assertThat(onFx(() -> model.typeProblemProperty().get())).contains("built without the 'logical'");
        assertThat(onFx(() -> ((CheckBox) form.lookup("#new-pool-build")).isDisabled())).isTrue();
        onFx(() -> {
            model.typeProperty().set(PoolSpec.Type.NETFS);
            model.sourceProperty().set("/export/vm images");
            return null;
        });
        onFx(() -> {
            host.setText("nas;reboot");
            return null;
        });
        // The robot's keys reach the field a moment later under load: wait for what they typed.
        waitUntil("the host's problem shows", Duration.ofSeconds(10),
                () -> String.valueOf(onFx(() -> ((Label) form.lookup("#new-pool-host-problem")).getText())).contains("is not a host name"));
        UiTestSupport.savePng(onFx(form::getScene), Path.of("target/screenshots/new-pool-dialog.png"));
        assertThat(onFx(() -> model.validBinding().get())).isFalse();
    }

    @Test
    void aPoolMadeFromTheTabIsListedWithStateAndAutostartAndStopGreysItself(FxRobot robot) {
        session = Sessions.testDriver();
        PoolTabFixture tab = new PoolTabFixture(stage, session);
        tab.answerNewPool(m -> {
            m.nameProperty().set(POOL);
            m.targetProperty().set("/tmp/kvmpools tab 'q'");
            m.autostartProperty().set(false);
        });
        UiTestSupport.click(robot, "#pool-new");
        waitUntil("the new pool listed", Duration.ofSeconds(30), () -> tab.listed(POOL) != null);
        assertThat(tab.listed(POOL).active()).isTrue();
        assertThat(tab.listed(POOL).autostart()).isFalse();
        tab.select(robot, POOL);
        Button start = onFx(() -> (Button) tab.view.lookup("#pool-start"));
        Button stop = onFx(() -> (Button) tab.view.lookup("#pool-stop"));
        waitUntil("Start greyed for a running pool", Duration.ofSeconds(10), () -> onFx(start::isDisabled));
        assertThat(onFx(() -> ((Label) tab.view.lookup("#pool-reason")).getText())).isEqualTo("Pool " + POOL + " is already running.");
        UiTestSupport.click(robot, "#pool-autostart");
        waitUntil("autostart on", Duration.ofSeconds(30), () -> tab.listed(POOL).autostart());
        UiTestSupport.click(robot, stop);
        waitUntil("the pool stopped", Duration.ofSeconds(30), () -> !tab.listed(POOL).active());
        waitUntil("Stop greyed", Duration.ofSeconds(10), () -> onFx(stop::isDisabled) && !onFx(start::isDisabled));
        tab.shot(Path.of("target/screenshots/storage-pools-tab.png"));
        assertThat(tab.dialogs.errors).isEmpty();
        assertThat(tab.jobErrors).isEmpty();
    }
}
