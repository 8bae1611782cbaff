package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.duovirt.core.testing.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code duovirt create --nic-model … --mac …} on the real libvirtd: the NIC is defined with that model and address,
 * a second VM asking for the same address is refused by the dry run naming the first, a multicast one is refused.
 * A network of our own (an isolated bridge without addresses, so no dnsmasq) carries the NIC.
 */
class CliNicIT {
    private static final String URI = "qemu:///system";
    private static final String NET = "wiz-nic-net";
    private static final String VM = "wiz-nic-" + ProcessHandle.current().pid();
    private static final String MAC = String.format("52:54:00:77:%02x:%02x", (ProcessHandle.current().pid() >> 8) & 0xff,
            ProcessHandle.current().pid() & 0xff);
    private static final CliAgainst CLI = new CliAgainst(URI);
    @TempDir
    static Path dir;

    @BeforeAll
    static void network() throws Exception {
        tidy();
        Path xml = Files.writeString(dir.resolve("net.xml"), "<network><name>" + NET + "</name><bridge name='wiznic0'/></network>");
        Commands.ok(List.of("virsh", "-c", URI, "net-create", xml.toString()), Duration.ofSeconds(60));
    }

    @AfterAll
    static void tidy() {
        CliRun.of("delete", VM, "-c", URI);
        Commands.run(List.of("virsh", "-c", URI, "net-destroy", NET), Duration.ofSeconds(60));
    }

    @Test
    void theNicGetsItsModelAndAddressAndASecondVmCannotTakeTheAddress() {
        CLI.ok("create", "--name", VM, "--memory", "64", "--virt-type", "qemu", "--network", NET, "--nic-model", "e1000", "--mac",
                MAC.toUpperCase(java.util.Locale.ROOT));
        String xml = Commands.ok(List.of("virsh", "-c", URI, "dumpxml", VM), Duration.ofSeconds(60));
        assertThat(xml).contains("<mac address='" + MAC + "'/>").contains("<model type='e1000'/>").contains("<source network='" + NET + "'/>");
        CliRun taken = CLI.fails("create", "--name", VM + "-b", "--memory", "64", "--virt-type", "qemu", "--network", NET, "--mac", MAC,
                "--dry-run");
        assertThat(taken.err()).contains("The MAC address " + MAC + " is already used by VM '" + VM + "'");
        CliRun multicast = CLI.fails("create", "--name", VM + "-b", "--memory", "64", "--network", NET, "--mac", "01:00:5e:00:00:01",
                "--dry-run");
        assertThat(multicast.err()).contains("is a multicast address");
        CliRun model = CLI.fails("create", "--name", VM + "-b", "--memory", "64", "--network", NET, "--nic-model", "ne2k", "--dry-run");
        assertThat(model.err()).contains("The NIC model 'ne2k' is not one of virtio, e1000, rtl8139.");
        CliRun preview = CLI.ok("create", "--name", VM + "-b", "--memory", "64", "--virt-type", "qemu", "--network", NET,
                "--nic-model", "rtl8139", "--mac", "02:00:00:77:00:01", "--dry-run");
        assertThat(preview.out()).contains("<mac address=\"02:00:00:77:00:01\"/>").contains("<model type=\"rtl8139\"/>");
        CLI.ok("delete", VM);
    }
}
