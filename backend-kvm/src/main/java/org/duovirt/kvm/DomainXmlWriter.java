package org.duovirt.kvm;

import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.VmSpec;

/**
 * Writes the domain XML of a new VM with an XML writer: a serial console on a pty, VNC on 127.0.0.1
 * with a video device, virtio disk and NIC, ACPI (so a shutdown request reaches the guest), and
 * Duovirt's metadata naming the disk this creation made.
 */
final class DomainXmlWriter {
    static final String METADATA_NS = "https://duovirt.org/xmlns/libvirt/1";
    /** virt-manager's namespace for the OS id, so virt-manager and virt-install read ours too. */
    static final String LIBOSINFO_NS = "http://libosinfo.org/xmlns/libvirt/domain/1.0";

    private DomainXmlWriter() {
    }

    static String write(DomainPlan plan) {
        XmlOut x = new XmlOut();
        x.start("domain").attr("type", plan.domainType());
        x.textElement("name", plan.name());
        metadata(x, plan);
        x.textElement("memory", Long.toString(plan.memoryKiB()), "unit", "KiB");
        x.textElement("currentMemory", Long.toString(plan.memoryKiB()), "unit", "KiB");
        x.textElement("vcpu", Integer.toString(plan.vcpus()));
        cputune(x, plan);
        os(x, plan);
        x.start("features").empty("acpi").empty("apic").end();
        cpu(x, plan);
        x.start("clock").attr("offset", "utc").end();
        x.textElement("on_poweroff", "destroy");
        x.textElement("on_reboot", "restart");
        x.textElement("on_crash", "destroy");
        devices(x, plan);
        x.end();
        return x.toString();
    }

    private static void cpu(XmlOut x, DomainPlan plan) {
        String model = plan.cpuModel();
        if (model == null) {
            if ("kvm".equals(plan.domainType())) {
                // Hardware virtualization can pass the host CPU through; TCG emulates its default model.
                x.empty("cpu", "mode", VmSpec.HOST_PASSTHROUGH);
            }
        } else if (model.equals(VmSpec.HOST_PASSTHROUGH) || model.equals(VmSpec.HOST_MODEL)) {
            x.empty("cpu", "mode", model);
        } else {
            // forbid: a model the host cannot give exactly fails at start instead of silently becoming another.
            x.start("cpu").attr("mode", "custom").attr("match", "exact");
            x.textElement("model", model, "fallback", "forbid");
            x.end();
        }
    }

    private static void metadata(XmlOut x, DomainPlan plan) {
        x.start("metadata");
        x.start("duovirt:vm").attr("xmlns:duovirt", METADATA_NS);
        if (plan.diskPath() != null && plan.ownedDisk()) {
            x.empty("duovirt:owned-disk", "path", plan.diskPath());
        }
        if (plan.seedPath() != null) {
            x.empty("duovirt:owned-disk", "path", plan.seedPath());
        }
        if (plan.osVariant() != null) {
            x.empty("duovirt:os", "id", plan.osVariant());
        }
        x.end();
        // A full osinfo id (http://debian.org/debian/12) goes where virt-manager puts it; a bare short id
        // that no database resolved stays in Duovirt's own metadata only.
        if (plan.osVariant() != null && plan.osVariant().contains("://")) {
            x.start("libosinfo:libosinfo").attr("xmlns:libosinfo", LIBOSINFO_NS);
            x.empty("libosinfo:os", "id", plan.osVariant());
            x.end();
        }
        x.end();
    }

    private static void cputune(XmlOut x, DomainPlan plan) {
        boolean any = plan.vcpuPins().stream().anyMatch(p -> p != null && !p.isEmpty());
        if (!any) {
            return;
        }
        x.start("cputune");
        for (int vcpu = 0; vcpu < plan.vcpuPins().size(); vcpu++) {
            CpuSet cpus = plan.vcpuPins().get(vcpu);
            if (cpus != null && !cpus.isEmpty()) {
                x.empty("vcpupin", "vcpu", Integer.toString(vcpu), "cpuset", cpus.toString());
            }
        }
        x.end();
    }

    private static void os(XmlOut x, DomainPlan plan) {
        x.start("os");
        if (plan.firmware() == VmSpec.Firmware.UEFI) {
            x.attr("firmware", "efi");
        }
        if (plan.arch() != null && plan.machine() != null) {
            x.textElement("type", "hvm", "arch", plan.arch(), "machine", plan.machine());
        } else if (plan.arch() != null) {
            x.textElement("type", "hvm", "arch", plan.arch());
        } else if (plan.machine() != null) {
            x.textElement("type", "hvm", "machine", plan.machine());
        } else {
            x.textElement("type", "hvm");
        }
        if (plan.boot() instanceof VmSpec.Boot.Kernel kernel) {
            x.textElement("kernel", kernel.kernel());
            if (kernel.initrd() != null && !kernel.initrd().isBlank()) {
                x.textElement("initrd", kernel.initrd());
            }
            if (kernel.cmdline() != null && !kernel.cmdline().isBlank()) {
                x.textElement("cmdline", kernel.cmdline());
            }
        } else if (plan.boot() instanceof VmSpec.Boot.Iso) {
            x.empty("boot", "dev", "cdrom");
            x.empty("boot", "dev", "hd");
        } else if (plan.boot() instanceof VmSpec.Boot.Network) {
            // The NIC's iPXE ROM first (QEMU loads it for the NIC model), then the disk once installed.
            x.empty("boot", "dev", "network");
            x.empty("boot", "dev", "hd");
        } else {
            x.empty("boot", "dev", "hd");
        }
        x.end();
    }

    private static void cdrom(XmlOut x, String path, String target) {
        x.start("disk").attr("type", "file").attr("device", "cdrom");
        x.empty("driver", "name", "qemu", "type", "raw");
        x.empty("source", "file", path);
        x.empty("target", "dev", target, "bus", "sata");
        x.empty("readonly");
        x.end();
    }

    private static void devices(XmlOut x, DomainPlan plan) {
        x.start("devices");
        if (plan.diskPath() != null) {
            x.start("disk").attr("type", "file").attr("device", "disk");
            x.empty("driver", "name", "qemu", "type", plan.diskFormat());
            x.empty("source", "file", plan.diskPath());
            x.empty("target", "dev", "vda", "bus", "virtio");
            x.end();
        }
        if (plan.boot() instanceof VmSpec.Boot.Iso iso) {
            cdrom(x, iso.path(), "sda");
        }
        if (plan.seedPath() != null) {
            // The NoCloud seed: cloud-init finds it by its volume label (cidata) on any block device.
            cdrom(x, plan.seedPath(), "sdb");
        }
        if (plan.network() != null && !plan.network().isBlank()) {
            x.start("interface").attr("type", "network");
            if (plan.nic().mac() != null) {
                x.empty("mac", "address", plan.nic().mac());
            }
            x.empty("source", "network", plan.network());
            x.empty("model", "type", plan.nic().model() == null ? "virtio" : plan.nic().model());
            x.end();
        }
        x.start("serial").attr("type", "pty").empty("target", "port", "0").end();
        x.start("console").attr("type", "pty").empty("target", "type", "serial", "port", "0").end();
        x.start("graphics").attr("type", "vnc").attr("port", "-1").attr("autoport", "yes").attr("listen", "127.0.0.1");
        x.empty("listen", "type", "address", "address", "127.0.0.1");
        x.end();
        x.start("video").empty("model", "type", "vga").end();
        x.empty("memballoon", "model", "virtio");
        x.end();
    }
}
