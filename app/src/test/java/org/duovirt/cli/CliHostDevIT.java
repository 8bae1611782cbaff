package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.testing.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code duovirt nodedevs}, {@code attach-hostdev} and {@code detach-hostdev} on the real libvirtd: the PCI listing is
 * {@code virsh nodedev-list --cap pci}, the host bridge is refused with its reason, a free device goes into a SHUT-OFF
 * VM's saved definition by its bus address and comes out by its nodedev name ({@code virsh dumpxml --inactive} is the
 * witness). The VM is never started and no host driver is detached.
 */
class CliHostDevIT {
    private static final String URI = "qemu:///system";
    private static final String VM = "hostdev-cli-" + ProcessHandle.current().pid();
    private static final CliAgainst CLI = new CliAgainst(URI);

    @AfterAll
    static void tidy() {
        CliRun.of("delete", VM, "-c", URI);
    }

    private static String virsh(String... args) {
        List<String> command = new ArrayList<>(List.of("virsh", "-c", URI));
        command.addAll(List.of(args));
        return Commands.ok(command, Duration.ofSeconds(60));
    }

    @Test
    void pciDevicesAreListedAndOneGoesIntoASavedDefinitionAndOut() throws Exception {
        JsonNode listed = CLI.json("nodedevs", "--cap", "pci");
        List<String> names = new ArrayList<>();
        listed.get("devices").forEach(d -> names.add(d.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrderElementsOf(virsh("nodedev-list", "--cap", "pci").lines()
                .map(String::strip).filter(s -> !s.isEmpty()).toList());
        assertThat(CLI.json("nodedevs", "--cap", "usb").get("devices")).hasSize((int) virsh("nodedev-list", "--cap", "usb_device")
                .lines().map(String::strip).filter(s -> !s.isEmpty()).count());
        assertThat(CLI.fails("nodedevs", "--cap", "scsi").err()).contains("--cap takes pci or usb, not 'scsi'.");

        JsonNode bridge = null;
        JsonNode free = null;
        for (JsonNode d : listed.get("devices")) {
            String cls = virsh("nodedev-dumpxml", d.get("name").asText());
            if (cls.contains("<class>0x0600")) {
                bridge = d;
            } else if (d.get("refused").isNull() && d.get("usedBy").isEmpty() && free == null) {
                free = d;
            }
        }
        assertThat(bridge).isNotNull();
        assertThat(bridge.get("refused").asText()).isEqualTo("a host bridge of the host's own PCI topology");
        CLI.ok("create", "--name", VM, "--memory", "64", "--virt-type", "qemu");
        assertThat(CLI.fails("attach-hostdev", VM, bridge.get("address").asText()).err()).contains("duovirt: PCI device "
                + bridge.get("address").asText() + " stays with the host: a host bridge of the host's own PCI topology.");

        String address = free.get("address").asText();
        CliRun given = CLI.ok("attach-hostdev", VM, address);
        assertThat(given.out()).contains("given to VM '" + VM + "' (saved; it takes effect at the next start).");
        if (!listed.get("iommu").asBoolean()) {
            assertThat(given.out()).contains("but the VM will not start with it.");
        }
        String[] p = address.split("[:.]");
        assertThat(virsh("dumpxml", "--inactive", VM)).contains("<hostdev mode='subsystem' type='pci' managed='yes'>")
                .contains("<address domain='0x" + p[0] + "' bus='0x" + p[1] + "' slot='0x" + p[2] + "' function='0x" + p[3] + "'/>");
        assertThat(virsh("domstate", VM).strip()).isEqualTo("shut off");
        assertThat(CLI.fails("attach-hostdev", VM, address).err()).contains("has the host's PCI device " + address + " already.");
        assertThat(CLI.fails("detach-hostdev", VM, address, "--live").err()).contains("is not running and only that was asked for.");
        JsonNode after = CLI.json("nodedevs");
        after.get("devices").forEach(d -> {
            if (d.get("address").asText().equals(address)) {
                assertThat(d.get("usedBy").get(0).asText()).isEqualTo(VM);
            }
        });
        CLI.ok("detach-hostdev", VM, free.get("name").asText());
        assertThat(virsh("dumpxml", "--inactive", VM)).doesNotContain("<hostdev");
        assertThat(CLI.fails("detach-hostdev", VM, address).err()).contains("VM '" + VM + "' has no host device '" + address + "'.");
        CLI.ok("delete", VM);
    }
}
