package org.duovirt.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.HostDevice;
import org.duovirt.core.model.HostDeviceList;
import org.duovirt.core.model.PinScope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** nodedevs, attach-hostdev, detach-hostdev: the host's PCI and USB devices given to VMs. */
final class HostDeviceCommands {
    private HostDeviceCommands() {
    }

    @Command(name = "nodedevs", description = "List the host's PCI and USB devices a VM may be given, with the VMs that have "
            + "each and why the host keeps some (its bridges, boot disk controller, network card).")
    static final class NodeDevs extends HostSubcommand {
        @Option(names = "--cap", paramLabel = "pci|usb", description = "Only PCI or only USB devices.")
        String cap;

        @Override
        void run() {
            HostDeviceList list = host().hostDevices().on(bus(cap));
            if (output().isJson()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("iommu", list.iommu());
                doc.put("devices", list.devices().stream().map(HostDeviceCommands::json).toList());
                output().json(doc);
                return;
            }
            output().table(List.of("NAME", "BUS", "ADDRESS", "IDS", "DEVICE", "DRIVER", "IOMMU", "USED BY", "REFUSED"),
                    list.devices().stream().map(d -> List.of(d.name(), d.bus().name().toLowerCase(Locale.ROOT), d.address(), d.ids(),
                            String.join(" ", java.util.stream.Stream.of(d.vendor(), d.product()).filter(Objects::nonNull).toList()),
                            Objects.toString(d.driver(), "-"), d.iommuGroup() == null ? "-" : String.valueOf(d.iommuGroup()),
                            d.usedBy().isEmpty() ? "-" : String.join(",", d.usedBy()), Objects.toString(d.refused(), "-"))).toList());
            if (!list.iommu() && list.devices().stream().anyMatch(d -> d.bus() == HostDevice.Bus.PCI)) {
                output().line(HostDeviceList.NO_IOMMU);
            }
        }

        private static HostDevice.Bus bus(String cap) {
            if (cap == null) {
                return null;
            }
            return switch (cap.strip().toLowerCase(Locale.ROOT)) {
                case "pci" -> HostDevice.Bus.PCI;
                case "usb", "usb_device" -> HostDevice.Bus.USB;
                default -> throw new InvalidSpecException("--cap takes pci or usb, not '"
                        + org.duovirt.core.model.DeviceInputs.printable(cap) + "'.");
            };
        }
    }

    static Map<String, Object> json(HostDevice d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("bus", d.bus().name().toLowerCase(Locale.ROOT));
        m.put("address", d.address());
        m.put("vendorId", d.vendorId());
        m.put("productId", d.productId());
        m.put("vendor", d.vendor());
        m.put("product", d.product());
        m.put("driver", d.driver());
        m.put("iommuGroup", d.iommuGroup());
        m.put("refused", d.refused());
        m.put("usedBy", d.usedBy());
        return m;
    }

    @Command(name = "attach-hostdev", description = "Give a VM one of the host's devices, named as `duovirt nodedevs` "
            + "shows it: pci_0000_00_03_0, 0000:00:03.0, or vendor:product for USB. PCI goes into the saved definition only "
            + "(managed: libvirt takes it from the host's driver when the VM starts); USB also into a running VM.")
    static final class Attach extends DeviceCommands.VmCommand {
        @Parameters(index = "1", paramLabel = "DEVICE")
        String device;
        @Mixin
        ScopeOptions scope;

        @Override
        void run() {
            Set<PinScope> done = host().attachHostDevice(vm, device, scope.scopes());
            HostDeviceList now = host().hostDevices();
            HostDevice given = now.find(device);
            applied(done, "attached", "Host device " + given.describe() + " given to VM '" + vm + "'");
            if (given.bus() == HostDevice.Bus.PCI && !now.iommu() && !output().isJson()) {
                output().line(HostDeviceList.NO_IOMMU);
            }
        }
    }

    @Command(name = "detach-hostdev", description = "Take a host device from a VM (by the same names as attach-hostdev).")
    static final class Detach extends DeviceCommands.VmCommand {
        @Parameters(index = "1", paramLabel = "DEVICE")
        String device;
        @Mixin
        ScopeOptions scope;

        @Override
        void run() {
            Set<PinScope> done = host().detachHostDevice(vm, device, scope.scopes());
            applied(done, "detached", "Host device " + device + " taken from VM '" + vm + "'");
        }
    }
}
