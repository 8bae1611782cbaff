package org.duovirt.app.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.HostState;
import org.duovirt.app.host.Sessions;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.testing.Commands;
import org.duovirt.core.testing.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Devices tab's flows against the real libvirtd on a running tiny guest, each checked with virsh. */
class DevicesViewModelIT {
    private static final String URI = "qemu:///system";
    private static final String VM = "det-dev-" + ProcessHandle.current().pid();
    private static final String MAC = "52:54:00:dd:" + String.format("%02x:%02x", (ProcessHandle.current().pid() >> 8) & 0xff,
            ProcessHandle.current().pid() & 0xff);

    /** A transient network this test made, destroyed after it; null when it used an existing det-* one. */
    private static String madeNetwork;

    private static String virsh(String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("virsh", "-c", URI));
        argv.addAll(List.of(args));
        return Commands.ok(argv, Duration.ofMinutes(2));
    }

    @BeforeAll
    static void defineAndStart() throws Exception {
        Path guest = Path.of("/var/lib/libvirt/images/duovirt-test-det-shell");
        Commands.ok(List.of(Repository.root().resolve("testing/guest/build-shell").toString(), guest.toString()), Duration.ofMinutes(5));
        Path xml = Files.createTempFile("det-dev", ".xml");
        Files.writeString(xml, "<domain type='qemu'><name>" + VM + "</name><memory unit='MiB'>96</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><kernel>" + guest.resolve("vmlinuz") + "</kernel><initrd>"
                + guest.resolve("initrd.gz") + "</initrd><cmdline>console=ttyS0</cmdline></os><features><acpi/></features><devices>"
                + "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><target dev='sda' bus='sata'/><readonly/></disk>"
                + "<serial type='pty'/><console type='pty'/></devices></domain>");
        virsh("define", xml.toString());
        virsh("start", VM);
        started = System.nanoTime();
    }

    /** When the guest was started: PCI hot-unplug needs its kernel up (ACPI), about 5-20 s under TCG. */
    private static long started;

    @AfterAll
    static void remove() {
        Commands.run(List.of("virsh", "-c", URI, "destroy", VM), Duration.ofMinutes(1));
        Commands.run(List.of("virsh", "-c", URI, "undefine", VM), Duration.ofMinutes(1));
        if (madeNetwork != null) {
            Commands.run(List.of("virsh", "-c", URI, "net-destroy", madeNetwork), Duration.ofMinutes(1));
        }
    }

    @Test
    void insertsAndEjectsAnIsoAttachesANicSetsItsLinkAndDetachesItLive() throws Exception {
        DirectTaskExecutor ui = new DirectTaskExecutor();
        RecordingDialogService dialogs = new RecordingDialogService();
        HostSession session = Sessions.session(URI, uri -> Backends.installed().connect(uri), org.duovirt.app.host.Timeouts.standard());
        try {
            session.connect();
            Sessions.await("listed", () -> session.state() == HostState.CONNECTED
                    && session.vms().stream().anyMatch(r -> r.name().equals(VM)));
            DevicesViewModel vm = new DevicesViewModel(ui, Sessions.row(session, VM), dialogs);
            vm.load().join();
            vm.selectedDiskProperty().set(vm.disks().stream().filter(d -> d.target().equals("sda")).findFirst().orElseThrow());
            String iso = "/var/lib/libvirt/images/duovirt-test-det-shell/initrd.gz";
            vm.isoPathProperty().set(iso);
            assertThat(vm.isoProblemProperty().get()).isNull();
            vm.insertIso().join();
            assertThat(dialogs.errors).isEmpty();
            assertThat(virsh("domblklist", VM)).contains(iso);
            vm.selectedDiskProperty().set(vm.disks().stream().filter(d -> d.target().equals("sda")).findFirst().orElseThrow());
            vm.eject().join();
            assertThat(virsh("domblklist", VM)).containsPattern("sda\\s+-");

            String network = virsh("net-list", "--name").lines().map(String::strip).filter(n -> n.startsWith("det-")).findFirst()
                    .orElse(null);
            if (network == null) {
                network = "det-dv" + (ProcessHandle.current().pid() % 1000);
                Path netXml = Files.createTempFile("det-net", ".xml");
                Files.writeString(netXml, "<network><name>" + network + "</name><ip address='192.168.236.1' prefix='24'/></network>");
                virsh("net-create", netXml.toString());
                madeNetwork = network;
            }
            long bootedBy = started + 30_000_000_000L;
            while (System.nanoTime() < bootedBy) {
                Thread.sleep(500);
            }
            vm.newNicNetworkProperty().set(network);
            vm.newNicMacProperty().set(MAC);
            vm.addNic().join();
            assertThat(dialogs.errors).isEmpty();
            assertThat(virsh("domiflist", VM)).contains(MAC);
            vm.selectedNicProperty().set(vm.nics().stream().filter(n -> n.mac().equals(MAC)).findFirst().orElseThrow());
            vm.setLink(false).join();
            assertThat(virsh("domif-getlink", VM, MAC)).contains("down");
            vm.setLink(true).join();
            assertThat(virsh("domif-getlink", VM, MAC)).contains("up");
            dialogs.answerConfirm(true);
            vm.selectedNicProperty().set(vm.nics().stream().filter(n -> n.mac().equals(MAC)).findFirst().orElseThrow());
            vm.detachNic().join();
            assertThat(dialogs.errors).isEmpty();
            long end = System.nanoTime() + 90_000_000_000L;
            while (virsh("domiflist", VM).contains(MAC)) {
                assertThat(System.nanoTime()).as("the guest let the NIC go within 90 s").isLessThan(end);
                Thread.sleep(1000);
            }
        } finally {
            session.close();
        }
    }
}
