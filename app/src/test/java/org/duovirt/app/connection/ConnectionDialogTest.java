package org.duovirt.app.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.duovirt.app.config.AppDirs;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.config.ConnectionStore;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Add Connection dialog builds the right URI for every choice and saves connections.json. */
@ExtendWith(ApplicationExtension.class)
class ConnectionDialogTest {
    @TempDir
    static Path home;
    private AppDirs dirs;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        dirs = UiTestSupport.tempDirs(home.resolve("conn-" + System.nanoTime()),
                List.of(new ConnectionConfig("test:///default", "Demo", true)));
        window = UiTestSupport.open(stage, dirs);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    private static String uri(FxRobot robot) {
        return ((Labeled) robot.lookup("#connection-uri").query()).getText();
    }

    private static void type(FxRobot robot, String field, String text) {
        robot.interact(() -> robot.lookup(field).queryTextInputControl().clear());
        UiTestSupport.click(robot, field).write(text);
    }

    @Test
    void everyChoiceBuildsItsUriAndConnectSavesIt(FxRobot robot) throws Exception {
        UiTestSupport.click(robot, "#tool-add-connection");
        assertThat(uri(robot)).isEqualTo("qemu:///system");
        UiTestSupport.click(robot, "#kind-kvm-session");
        assertThat(uri(robot)).isEqualTo("qemu:///session");
        UiTestSupport.click(robot, "#kind-kvm-ssh");
        type(robot, "#connection-user", "admin");
        type(robot, "#connection-host", "kvm1.example.org");
        assertThat(uri(robot)).isEqualTo("qemu+ssh://admin@kvm1.example.org/system");
        UiTestSupport.click(robot, "#kind-xen-local");
        assertThat(uri(robot)).isEqualTo("xl:///");
        UiTestSupport.click(robot, "#kind-kvm-custom");
        type(robot, "#connection-custom", "qemu+tcp://10.0.0.5/system");
        assertThat(uri(robot)).isEqualTo("qemu+tcp://10.0.0.5/system");

        UiTestSupport.click(robot, "#kind-xen-ssh");
        type(robot, "#connection-user", "root");
        type(robot, "#connection-host", "dom0$(reboot)");
        assertThat(uri(robot)).as("a host with shell characters builds no URI").isEmpty();
        assertThat(robot.lookup("#connection-problem").queryLabeled().getText()).contains("host name or an IP address");
        type(robot, "#connection-host", "127.0.0.1");
        type(robot, "#connection-port", "2222");
        assertThat(uri(robot)).isEqualTo("xl+ssh://root@127.0.0.1:2222/");
        type(robot, "#connection-label", "rack 2 dom0");
        UiTestSupport.click(robot, "#connection-autoconnect"); // off
        UiTestSupport.click(robot, "Connect");

        Path file = dirs.config().resolve(ConnectionStore.FILE_NAME);
        waitUntil("connections.json has the new host", Duration.ofSeconds(10), () -> Files.exists(file)
                && new ConnectionStore(dirs.config()).load().size() == 2);
        List<ConnectionConfig> saved = new ConnectionStore(dirs.config()).load();
        assertThat(saved).contains(new ConnectionConfig("xl+ssh://root@127.0.0.1:2222/", "rack 2 dom0", false),
                new ConnectionConfig("test:///default", "Demo", true));
        assertThat(Files.readString(file)).doesNotContainIgnoringCase("password");
        List<String> trees = UiTestSupport.onFx(() -> window.hosts().hosts().stream().map(HostSession::displayName).toList());
        assertThat(trees).containsExactly("Demo", "rack 2 dom0");
    }
}
