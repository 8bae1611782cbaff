package org.duovirt.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.duovirt.core.model.BootDevice;
import org.duovirt.core.model.DiskAttachment;
import org.duovirt.core.model.NicAttachment;
import org.duovirt.core.model.PinScope;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** attach-disk, detach-disk, change-media, attach-interface, detach-interface, domif-setlink, autostart, set-boot. */
final class DeviceCommands {
    private DeviceCommands() {
    }

    abstract static class VmCommand extends HostSubcommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "The VM.")
        String vm;

        void done(String result, String sentence) {
            if (output().isJson()) {
                output().json(Map.of("name", vm, "result", result));
            } else {
                output().line(sentence);
            }
        }

        /** As {@link #done}, saying where the change applies (live, saved or both) and, in JSON, its scopes. */
        void applied(Set<PinScope> scopes, String result, String sentence) {
            String where = scopes.contains(PinScope.LIVE) && scopes.contains(PinScope.CONFIG) ? "live and saved"
                    : scopes.contains(PinScope.LIVE) ? "live only" : "saved; it takes effect at the next start";
            if (output().isJson()) {
                output().json(Map.of("name", vm, "result", result,
                        "scopes", scopes.stream().map(s -> s.name().toLowerCase(Locale.ROOT)).sorted().toList()));
            } else {
                output().line(sentence + " (" + where + ").");
            }
        }
    }

    @Command(name = "attach-disk", description = "Attach a disk or CD-ROM (live where the VM runs, and saved).")
    static final class AttachDisk extends VmCommand {
        @Parameters(index = "1", paramLabel = "SOURCE", arity = "0..1", description = "File or block device on the host (none: an empty CD-ROM).")
        String source;
        @Parameters(index = "2", paramLabel = "TARGET", arity = "0..1", description = "Guest device name, e.g. vdb (default: the next free one).")
        String target;
        @Option(names = "--bus", description = "virtio (default for disks), sata (default for CD-ROMs), scsi, ide, usb.")
        String bus;
        @Option(names = "--cdrom", description = "A CD-ROM drive.")
        boolean cdrom;
        @Option(names = "--readonly", description = "The guest may not write to it.")
        boolean readOnly;
        @Mixin
        ScopeOptions scope;

        @Override
        void run() {
            String dev = host().attachDisk(vm, new DiskAttachment(source, target, bus, cdrom, readOnly), scope.scopes());
            if (output().isJson()) {
                output().json(Map.of("name", vm, "target", dev, "result", "attached"));
            } else {
                output().line("Disk " + dev + " attached to VM '" + vm + "'.");
            }
        }
    }

    @Command(name = "detach-disk", description = "Detach a disk by its guest device name; its storage is kept.")
    static final class DetachDisk extends VmCommand {
        @Parameters(index = "1", paramLabel = "TARGET")
        String target;
        @Mixin
        ScopeOptions scope;

        @Override
        void run() {
            host().detachDisk(vm, target, scope.scopes());
            done("detached", "Disk " + target + " detached from VM '" + vm + "'; its storage is kept.");
        }
    }

    @Command(name = "blockresize", description = "Grow a VM's disk (live while it runs), e.g. blockresize web vda 20G.")
    static final class BlockResize extends VmCommand {
        @Parameters(index = "1", paramLabel = "TARGET")
        String target;
        @Parameters(index = "2", paramLabel = "SIZE")
        String size;

        @Override
        void run() {
            host().resizeDisk(vm, target, org.duovirt.core.model.DeviceInputs.parseSize(size));
            done("resized", "Disk " + target + " of VM '" + vm + "' grown to " + size + ".");
        }
    }

    @Command(name = "change-media", description = "Eject the CD-ROM or insert an ISO, live where the VM runs.")
    static final class ChangeMedia extends VmCommand {
        @Parameters(index = "1", paramLabel = "TARGET", description = "The CD-ROM drive, e.g. sda or hdc.")
        String target;

        static final class Action {
            @Option(names = "--eject", required = true)
            boolean eject;
            @Option(names = "--insert", paramLabel = "ISO", required = true)
            String insert;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Action action;

        @Override
        void run() {
            host().changeMedia(vm, target, action.eject ? null : action.insert);
            done(action.eject ? "ejected" : "inserted", action.eject ? "CD-ROM " + target + " of VM '" + vm + "' ejected."
                    : "'" + action.insert + "' inserted into " + target + " of VM '" + vm + "'.");
        }
    }

    @Command(name = "attach-interface", description = "Attach a NIC on a network or a bridge.")
    static final class AttachInterface extends VmCommand {
        @Option(names = "--network", description = "A libvirt virtual network.")
        String network;
        @Option(names = "--bridge", description = "A host bridge (Xen: xenbr0).")
        String bridge;
        @Option(names = "--model", description = "virtio (default), e1000 …")
        String model;
        @Option(names = "--mac", description = "MAC address (default: the host makes one).")
        String mac;
        @Mixin
        ScopeOptions scope;

        @Override
        void run() {
            String made = host().attachNic(vm, new NicAttachment(network, bridge, model, mac), scope.scopes());
            if (output().isJson()) {
                output().json(Map.of("name", vm, "mac", String.valueOf(made), "result", "attached"));
            } else {
                output().line("NIC " + made + " attached to VM '" + vm + "'.");
            }
        }
    }

    @Command(name = "detach-interface", description = "Detach the NIC with this MAC address.")
    static final class DetachInterface extends VmCommand {
        @Parameters(index = "1", paramLabel = "MAC")
        String mac;
        @Mixin
        ScopeOptions scope;

        @Override
        void run() {
            host().detachNic(vm, mac, scope.scopes());
            done("detached", "NIC " + mac + " detached from VM '" + vm + "'.");
        }
    }

    @Command(name = "domif-setlink", description = "Set a NIC's link up or down, as if its cable were plugged or pulled.")
    static final class SetLink extends VmCommand {
        @Parameters(index = "1", paramLabel = "MAC")
        String mac;
        @Parameters(index = "2", paramLabel = "STATE", description = "up or down")
        String state;

        @Override
        void run() {
            if (!state.equals("up") && !state.equals("down")) {
                throw new IllegalArgumentException("The link state is up or down, not '" + state + "'.");
            }
            host().setNicLink(vm, mac, state.equals("up"));
            done("link " + state, "Link of NIC " + mac + " of VM '" + vm + "' is " + state + ".");
        }
    }

    @Command(name = "autostart", description = "Start the VM with its host (--disable: do not).")
    static final class Autostart extends VmCommand {
        @Option(names = "--disable")
        boolean disable;

        @Override
        void run() {
            host().setAutostart(vm, !disable);
            done(disable ? "will not autostart" : "will autostart", "VM '" + vm + "' " + (disable ? "will not start" : "will start") + " with its host.");
        }
    }

    @Command(name = "set-boot", description = "Set the boot order, e.g. set-boot web cdrom,hd.")
    static final class SetBoot extends VmCommand {
        @Parameters(index = "1", paramLabel = "ORDER", description = "hd, cdrom, network, fd; comma separated, each once.")
        String order;

        @Override
        void run() {
            var devices = BootDevice.parseOrder(order);
            host().setBootOrder(vm, devices);
            done("boot order set", "VM '" + vm + "' boots from " + String.join(", ", devices.stream().map(BootDevice::word).toList())
                    + " from its next start.");
        }
    }
}
