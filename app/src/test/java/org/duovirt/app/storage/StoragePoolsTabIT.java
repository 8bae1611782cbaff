package org.duovirt.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.HostState;
import org.duovirt.app.host.Sessions;
import org.duovirt.app.host.Timeouts;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.testing.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Storage tab's pool row on the real libvirtd (qemu:///system), clicked by the robot and checked with virsh: a
 * dir pool made with New pool… under a kvmpools- temp dir below /var/lib/libvirt/images, stopped and started,
 * then Delete pool… asks naming its volume and the shut-off guest using it, and deletes it once confirmed.
 */
@ExtendWith(ApplicationExtension.class)
class StoragePoolsTabIT {
    private static final String URI = "qemu:///system";
    private static final String PREFIX = "kvmpools-gui-";
    private static final String POOL = PREFIX + ProcessHandle.current().pid();
    private static final String VM = PREFIX + "vm-" + ProcessHandle.current().pid();
    private static Path base;
    private Stage stage;
    private HostSession session;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeAll
    static void dir() throws Exception {
        base = Files.createTempDirectory(Path.of("/var/lib/libvirt/images"), PREFIX);
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @AfterAll
    static void tidy() throws Exception {
        Commands.virshQuietly(URI, "undefine", VM);
        Commands.virshQuietly(URI, "pool-destroy", POOL);
        Commands.virshQuietly(URI, "pool-undefine", POOL);
        try (var walk = Files.walk(base)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String virsh(String... args) {
        return Commands.virsh(URI, args);
    }

    @Test
    void aPoolIsMadeStoppedStartedAndDeletedFromTheTabAsVirshSees(FxRobot robot) throws Exception {
        session = Sessions.session(URI, uri -> Backends.installed().connect(uri), Timeouts.standard());
        session.connect();
        Sessions.await("connected", () -> session.state() == HostState.CONNECTED);
        PoolTabFixture tab = new PoolTabFixture(stage, session);
        Path target = base.resolve("pool 'q' ü");
        tab.answerNewPool(m -> {
            m.nameProperty().set(POOL);
            m.targetProperty().set(target.toString());
        });
        UiTestSupport.click(robot, "#pool-new");
        waitUntil("the new pool listed", Duration.ofSeconds(60), () -> tab.listed(POOL) != null);
        assertThat(virsh("pool-info", POOL)).containsPattern("State:\\s+running").containsPattern("Autostart:\\s+yes");
        assertThat(Files.isDirectory(target)).isTrue();

        tab.select(robot, POOL);
        Button stop = onFx(() -> (Button) tab.view.lookup("#pool-stop"));
        waitUntil("Stop offered", Duration.ofSeconds(10), () -> !onFx(stop::isDisabled));
        UiTestSupport.click(robot, stop);
        waitUntil("the pool stopped", Duration.ofSeconds(60), () -> !tab.listed(POOL).active());
        assertThat(virsh("pool-info", POOL)).containsPattern("State:\\s+inactive");
        UiTestSupport.click(robot, "#pool-start");
        waitUntil("the pool running", Duration.ofSeconds(60), () -> tab.listed(POOL).active());
        assertThat(virsh("pool-info", POOL)).containsPattern("State:\\s+running");

        try (var host = Backends.installed().connect(URI)) {
            host.createVolume(POOL, "disk.qcow2", 1 << 20, "qcow2");
        }
        virsh("define", guestXml(target.resolve("disk.qcow2")).toString());
        onFx(() -> tab.vm.refresh());
        waitUntil("the volume listed", Duration.ofSeconds(60), () -> onFx(() -> tab.vm.volumes().size()) == 1);
        tab.shot(Path.of("target/screenshots/storage-pools-tab-libvirt.png"));

        tab.dialogs.answerConfirm(false);
        UiTestSupport.click(robot, "#pool-delete");
        waitUntil("asked", Duration.ofSeconds(30), () -> !tab.dialogs.confirmBodies.isEmpty());
        assertThat(tab.dialogs.confirmBodies.get(0)).contains("Volumes: disk.qcow2").contains("VMs " + VM + " use them");
        assertThat(virsh("pool-list", "--all", "--name")).contains(POOL);

        tab.dialogs.answerConfirm(true);
        UiTestSupport.click(robot, "#pool-delete");
        waitUntil("the pool gone from the tab", Duration.ofSeconds(60), () -> tab.listed(POOL) == null);
        assertThat(virsh("pool-list", "--all", "--name")).doesNotContain(POOL);
        // Only one question: a pool that still holds a volume is never offered its directory's removal.
        assertThat(tab.dialogs.confirmBodies).hasSize(2);
        assertThat(Files.exists(target.resolve("disk.qcow2"))).isTrue();
        assertThat(tab.dialogs.errors).isEmpty();
        assertThat(tab.jobErrors).isEmpty();
    }

    /** A shut-off guest whose only disk is the pool's volume, written with the StAX writer. */
    private static Path guestXml(Path disk) throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        javax.xml.stream.XMLStreamWriter x = javax.xml.stream.XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        x.writeStartElement("domain");
        x.writeAttribute("type", "qemu");
        element(x, "name", VM);
        x.writeStartElement("memory");
        x.writeAttribute("unit", "KiB");
        x.writeCharacters("65536");
        x.writeEndElement();
        x.writeStartElement("os");
        element(x, "type", "hvm");
        x.writeEndElement();
        x.writeStartElement("devices");
        x.writeStartElement("disk");
        x.writeAttribute("type", "file");
        x.writeAttribute("device", "disk");
        x.writeEmptyElement("driver");
        x.writeAttribute("name", "qemu");
        x.writeAttribute("type", "qcow2");
        x.writeEmptyElement("source");
        x.writeAttribute("file", disk.toString());
        x.writeEmptyElement("target");
        x.writeAttribute("dev", "vda");
        x.writeAttribute("bus", "virtio");
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.flush();
        return Files.writeString(base.resolve("vm.xml"), out.toString());
    }

    private static void element(javax.xml.stream.XMLStreamWriter x, String name, String text) throws Exception {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }
}
