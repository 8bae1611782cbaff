package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.HardwareItem;
import org.duovirt.core.model.HostDevice;
import org.duovirt.core.model.HostDeviceList;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host's PCI devices on the real libvirtd (qemu:///system), compared with {@code virsh nodedev-list --cap pci};
 * the host bridge, the boot disk's controller and the NIC in use refused; one other device given to a SHUT-OFF tiny
 * guest's saved definition ({@code virsh dumpxml --inactive} is the witness), marked as used, and taken back.
 * SAFETY: the guest is never started, and no host driver is detached (no nodedev-detach). Only {@value #PREFIX}*.
 */
class HostDevicesIT {
    static final String PREFIX = "hostdev-kvm-";
    private static final String VM = PREFIX + "off";
    private static HostConnection host;

    @BeforeAll
    static void create() {
        LiveHost.cleanUp(PREFIX);
        host = Backends.installed().connect(LiveHost.URI);
        LiveHost.defineTiny(host, VM);
    }

    @AfterAll
    static void close() {
        if (host != null) {
            host.close();
        }
        LiveHost.cleanUp(PREFIX);
    }

    private static String saved() {
        return LiveHost.virsh("dumpxml", "--inactive", VM);
    }

    /** The node device whose XML says {@code fragment}, by virsh. */
    private static List<String> nodedevsSaying(String cap, String fragment) {
        return LiveHost.virsh("nodedev-list", "--cap", cap).lines().map(String::strip).filter(n -> !n.isEmpty())
                .filter(n -> LiveHost.virsh("nodedev-dumpxml", n).contains(fragment)).toList();
    }

    private static String parentOf(String nodedev) {
        String xml = LiveHost.virsh("nodedev-dumpxml", nodedev);
        return xml.substring(xml.indexOf("<parent>") + 8, xml.indexOf("</parent>"));
    }

    @Test
    void thePciListIsVirshsWithTheHostsOwnDevicesRefused() throws Exception {
        long started = System.nanoTime();
        HostDeviceList list = host.hostDevices();
        System.out.printf("hostDevices(): %d devices in %d ms%n", list.devices().size(), (System.nanoTime() - started) / 1_000_000);
        List<String> virsh = LiveHost.virsh("nodedev-list", "--cap", "pci").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        assertThat(list.on(HostDevice.Bus.PCI).devices()).extracting(HostDevice::name).containsExactlyInAnyOrderElementsOf(virsh);
        assertThat(list.on(HostDevice.Bus.USB).devices()).extracting(HostDevice::name).containsExactlyInAnyOrderElementsOf(
                LiveHost.virsh("nodedev-list", "--cap", "usb_device").lines().map(String::strip).filter(s -> !s.isEmpty()).toList());
        String[] groups = new File("/sys/kernel/iommu_groups").list();
        assertThat(list.iommu()).isEqualTo(groups != null && groups.length > 0);

        for (String bridge : nodedevsSaying("pci", "<class>0x0600")) {
            assertThat(list.find(bridge).refused()).isEqualTo("a host bridge of the host's own PCI topology");
        }
        String root = LiveHost.run(List.of("findmnt", "-n", "-o", "SOURCE", "/")).strip();
        String disk = Path.of(root).toRealPath().getFileName().toString().replaceAll("p?\\d+$", "");
        String diskController = parentOf("block_" + disk);
        assertThat(list.find(diskController).refused()).startsWith("it holds the host's boot disk");
        String route = Files.readAllLines(Path.of("/proc/net/route")).stream().map(l -> l.trim().split("\\s+"))
                .filter(f -> f.length > 2 && f[1].equals("00000000")).map(f -> f[0]).findFirst().orElseThrow();
        String nic = parentOf(nodedevsSaying("net", "<interface>" + route + "</interface>").get(0));
        assertThat(list.find(nic).refused()).isEqualTo("it carries " + route + ", the host's network connection");
        assertThatThrownBy(() -> host.attachHostDevice(VM, diskController, PinScope.both()))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("stays with the host: it holds the host's boot disk");
        String bridge = list.on(HostDevice.Bus.PCI).devices().get(0).name();
        assertThatThrownBy(() -> host.attachHostDevice(VM, bridge, PinScope.both())).hasMessageContaining("stays with the host");
        assertThat(saved()).doesNotContain("<hostdev");
    }

    @Test
    void aFreePciDeviceGoesIntoTheShutOffVmsDefinitionAndComesOutAgain() {
        assertThat(LiveHost.virsh("domstate", VM).strip()).isEqualTo("shut off");
        HostDevice free = host.hostDevices().on(HostDevice.Bus.PCI).devices().stream()
                .filter(d -> d.allowed() && d.usedBy().isEmpty()).findFirst().orElseThrow();
        String[] p = free.address().split("[:.]");
        String source = "<address domain='0x" + p[0] + "' bus='0x" + p[1] + "' slot='0x" + p[2] + "' function='0x" + p[3] + "'/>";

        assertThat(host.attachHostDevice(VM, free.address(), PinScope.both())).containsExactly(PinScope.CONFIG);
        String xml = saved();
        assertThat(xml).contains("<hostdev mode='subsystem' type='pci' managed='yes'>").contains(source);
        assertThat(host.hostDevices().find(free.name()).usedBy()).containsExactly(VM);
        assertThat(host.hardware(VM).items()).filteredOn(i -> i.kind() == HardwareItem.Kind.PCI_HOST).hasSize(1);
        assertThatThrownBy(() -> host.attachHostDevice(VM, free.name(), PinScope.both()))
                .hasMessage("VM '" + VM + "' has the host's PCI device " + free.address() + " already.");
        assertThatThrownBy(() -> host.attachHostDevice(VM, "0000:7f:1f.7", PinScope.both()))
                .hasMessageStartingWith("The host has no PCI or USB device '0000:7f:1f.7'");
        assertThatThrownBy(() -> host.detachHostDevice(VM, free.name(), EnumSet.of(PinScope.LIVE)))
                .hasMessageContaining("is not running and only that was asked for");
        assertThat(LiveHost.virsh("domstate", VM).strip()).isEqualTo("shut off");

        assertThat(host.detachHostDevice(VM, free.name(), PinScope.both())).containsExactly(PinScope.CONFIG);
        assertThat(saved()).doesNotContain("<hostdev");
        assertThat(host.hostDevices().find(free.name()).usedBy()).isEmpty();
        assertThat(Arrays.asList(LiveHost.virsh("nodedev-dumpxml", free.name()).split("\n")))
                .noneMatch(l -> l.contains("<name>vfio-pci</name>")); // the host kept its driver
    }
}
