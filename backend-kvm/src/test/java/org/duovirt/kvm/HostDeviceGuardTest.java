package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duovirt.core.model.HostDevice;
import org.junit.jupiter.api.Test;

/**
 * Node device XML in libvirt's own shapes (as libvirt's tests/nodedevschemadata and this project's host print them):
 * PCI and USB parsed, the host's own devices refused with why, and the {@code <hostdev>} written for each.
 */
class HostDeviceGuardTest {
    private static final String HOST_BRIDGE = """
            <device><name>pci_0000_00_00_0</name><path>/sys/devices/pci0000:00/0000:00:00.0</path><parent>computer</parent>
              <capability type='pci'><class>0x060000</class><domain>0</domain><bus>0</bus><slot>0</slot><function>0</function>
                <product id='0x0d57'/><vendor id='0x8086'>Intel Corporation</vendor><pci-express/></capability></device>""";
    private static final String DISK_CONTROLLER = """
            <device><name>pci_0000_00_02_0</name><path>/sys/devices/pci0000:00/0000:00:02.0</path><parent>computer</parent>
              <driver><name>virtio-pci</name></driver>
              <capability type='pci'><class>0x018000</class><domain>0</domain><bus>0</bus><slot>2</slot><function>0</function>
                <product id='0x1042'>Virtio 1.0 block device</product><vendor id='0x1af4'>Red Hat, Inc.</vendor></capability></device>""";
    private static final String DISK = """
            <device><name>block_vda</name><path>/sys/devices/pci0000:00/0000:00:02.0/virtio1/block/vda</path>
              <parent>pci_0000_00_02_0</parent><capability type='storage'><block>/dev/vda</block></capability></device>""";
    private static final String NIC_CARD = """
            <device><name>pci_0000_00_03_0</name><path>/sys/devices/pci0000:00/0000:00:03.0</path><parent>computer</parent>
              <driver><name>virtio-pci</name></driver>
              <capability type='pci'><class>0x020000</class><domain>0</domain><bus>0</bus><slot>3</slot><function>0</function>
                <product id='0x1041'>Virtio 1.0 network device</product><vendor id='0x1af4'>Red Hat, Inc.</vendor></capability></device>""";
    private static final String NIC = """
            <device><name>net_eth0_02_fc_00_00_00_01</name><parent>pci_0000_00_03_0</parent>
              <capability type='net'><interface>eth0</interface><address>02:fc:00:00:00:01</address><link state='up'/></capability></device>""";
    private static final String AUDIO = """
            <device><name>pci_0000_00_1b_0</name><path>/sys/devices/pci0000:00/0000:00:1b.0</path><parent>computer</parent>
              <driver><name>snd_hda_intel</name></driver>
              <capability type='pci'><class>0x040300</class><domain>0</domain><bus>0</bus><slot>27</slot><function>0</function>
                <product id='0x0c0c'>HD Audio Controller</product><vendor id='0x8086'>Intel Corporation</vendor>
                <iommuGroup number='2'><address domain='0x0000' bus='0x00' slot='0x1b' function='0x0'/></iommuGroup>
              </capability></device>""";
    private static final String ROOT_HUB = """
            <device><name>usb_usb2</name><parent>pci_0000_00_1d_0</parent><driver><name>usb</name></driver>
              <capability type='usb_device'><bus>2</bus><device>1</device><product id='0x0001'>1.1 root hub</product>
                <vendor id='0x1d6b'>Linux Foundation</vendor></capability></device>""";
    private static final String MOUSE = """
            <device><name>usb_2_1</name><path>/sys/devices/pci0000:00/0000:00:1d.0/usb2/2-1</path>
              <devnode type='dev'>/dev/bus/usb/002/004</devnode><parent>usb_usb2</parent><driver><name>usb</name></driver>
              <capability type='usb_device'><bus>2</bus><device>4</device><product id='0xc52b'>Unifying Receiver</product>
                <vendor id='0x046d'>Logitech, Inc.</vendor></capability></device>""";

    private static List<NodeDevice> host() {
        return List.of(HOST_BRIDGE, DISK_CONTROLLER, DISK, NIC_CARD, NIC, AUDIO, ROOT_HUB, MOUSE).stream().map(NodeDevice::parse).toList();
    }

    private static NodeDevice named(List<NodeDevice> all, String name) {
        return all.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void pciAndUsbDevicesAreReadFromTheirXml() {
        NodeDevice audio = NodeDevice.parse(AUDIO);
        assertThat(audio.address()).isEqualTo("0000:00:1b.0");
        assertThat(audio.ids()).isEqualTo("8086:0c0c");
        assertThat(audio.iommu()).isEqualTo(2);
        assertThat(audio.driver()).isEqualTo("snd_hda_intel");
        NodeDevice mouse = NodeDevice.parse(MOUSE);
        assertThat(mouse.isUsb()).isTrue();
        assertThat(mouse.address()).isEqualTo("002.004");
        assertThat(mouse.vendor()).isEqualTo("Logitech, Inc.");
        assertThat(mouse.product()).isEqualTo("Unifying Receiver");
        assertThat(NodeDevice.parse(HOST_BRIDGE).product()).isNull();
        assertThat(NodeDevice.parse(NIC).net()).isEqualTo("eth0");
    }

    @Test
    void theHostKeepsItsBridgesBootDiskRouteNicAndRootHubs() {
        List<NodeDevice> all = host();
        HostDeviceGuard guard = new HostDeviceGuard(all, new HostFacts(
                List.of("/sys/devices/pci0000:00/0000:00:02.0/virtio1/block/vda"), "eth0", true));
        assertThat(guard.refusal(named(all, "pci_0000_00_00_0"))).isEqualTo("a host bridge of the host's own PCI topology");
        assertThat(guard.refusal(named(all, "pci_0000_00_02_0"))).isEqualTo("it holds the host's boot disk /dev/vda");
        assertThat(guard.refusal(named(all, "pci_0000_00_03_0"))).isEqualTo("it carries eth0, the host's network connection");
        assertThat(guard.refusal(named(all, "usb_usb2"))).isEqualTo("a USB root hub of the host");
        assertThat(guard.refusal(named(all, "pci_0000_00_1b_0"))).isNull();
        assertThat(guard.refusal(named(all, "usb_2_1"))).isNull();
    }

    @Test
    void aRemoteHostKeepsEveryDiskControllerAndItsOnlyNic() {
        List<NodeDevice> all = host();
        HostDeviceGuard guard = new HostDeviceGuard(all, HostFacts.UNKNOWN);
        assertThat(guard.refusal(named(all, "pci_0000_00_02_0"))).startsWith("it holds the host's disk /dev/vda (over a remote");
        assertThat(guard.refusal(named(all, "pci_0000_00_03_0"))).isEqualTo("it carries eth0, the host's only network card");
        assertThat(guard.refusal(named(all, "pci_0000_00_1b_0"))).isNull();
    }

    @Test
    void theRouteAndRootAreReadFromProcLines() {
        assertThat(HostFacts.routeInterface(List.of("Iface\tDestination\tGateway", "eth1\t0000A8C0\t00000000",
                "eth0\t00000000\t0100A8C0"))).isEqualTo("eth0");
        assertThat(HostFacts.routeInterface(List.of("Iface\tDestination\tGateway"))).isNull();
        assertThat(HostFacts.rootDisks(List.of("proc /proc proc rw 0 0", "overlay / overlay rw 0 0"))).isEmpty();
    }

    @Test
    void theHostdevIsWrittenWithTheXmlWriterAndReadBack() {
        HostDevice audio = new HostDevice("pci_0000_00_1b_0", HostDevice.Bus.PCI, "0000:00:1b.0", "8086", "0c0c", null, null,
                null, 2, null, List.of());
        String pci = HostdevSource.xml(audio, false);
        assertThat(pci).contains("<hostdev mode=\"subsystem\" type=\"pci\" managed=\"yes\">")
                .contains("<address domain=\"0x0000\" bus=\"0x00\" slot=\"0x1b\" function=\"0x0\"");
        HostdevSource back = HostdevSource.of(Xml.parse(pci));
        assertThat(back.is(audio)).isTrue();
        assertThat(back.answersTo("00:1b.0")).isTrue();
        HostDevice mouse = new HostDevice("usb_2_1", HostDevice.Bus.USB, "002.004", "046d", "c52b", "Logitech, Inc.",
                "Unifying Receiver", "usb", null, null, List.of());
        assertThat(HostdevSource.xml(mouse, false)).contains("<vendor id=\"0x046d\"").contains("<product id=\"0xc52b\"")
                .doesNotContain("<address");
        String twin = HostdevSource.xml(mouse, true);
        assertThat(twin).contains("<address bus=\"2\" device=\"4\"");
        assertThat(HostdevSource.of(Xml.parse(twin)).is(mouse)).isTrue();
        assertThat(mouse.answersTo("046d:c52b")).isTrue();
        assertThat(mouse.describe()).isEqualTo("USB 002.004 Logitech, Inc. Unifying Receiver (046d:c52b)");
    }
}
