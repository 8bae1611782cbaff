package org.duovirt.cli;

import java.util.Locale;
import java.util.Set;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.DeviceChoices;
import org.duovirt.core.model.NewDevice;
import org.duovirt.core.model.PinScope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** add-device and remove-device: serial ports, RNGs, displays and TPMs (disks and NICs have their own commands). */
final class ExtraDeviceCommands {
    private ExtraDeviceCommands() {
    }

    @Command(name = "add-device", description = "Add a serial port, an RNG, a display or a TPM, e.g. add-device web display --type spice. "
            + "A serial port, display or TPM added to a running VM appears at its next start. A TPM (emulated, 2.0) only where "
            + "the host offers one (libvirt with swtpm); otherwise it is refused with the host's reason.")
    static final class Add extends DeviceCommands.VmCommand {
        @Parameters(index = "1", paramLabel = "KIND", description = "serial, rng, display or tpm.")
        String kind;
        @Option(names = "--type", description = "serial: pty; rng: /dev/urandom (default) or /dev/random; display: vnc (default) or spice; "
                + "tpm: tpm-crb or tpm-tis (default: the first the host offers).")
        String type;
        @Mixin
        ScopeOptions scope;

        @Override
        void run() {
            NewDevice.Kind which = kind(kind);
            String chosen = type;
            if (which == NewDevice.Kind.TPM && (type == null || type.isBlank())) {
                DeviceChoices offered = host().deviceChoices(vm, which);
                chosen = offered.available() ? offered.types().get(0) : null;
            }
            NewDevice device = new NewDevice(which, chosen);
            Set<PinScope> done = host().addDevice(vm, device, scope.scopes());
            applied(done, "added", "Added " + device.describe() + " to VM '" + vm + "'");
        }
    }

    @Command(name = "remove-device", description = "Remove a serial port, an RNG, a display or a TPM by its id in `duovirt hardware NAME` "
            + "(serial3, rng7, graphics5, tpm9).")
    static final class Remove extends DeviceCommands.VmCommand {
        @Parameters(index = "1", paramLabel = "ID")
        String id;
        @Mixin
        ScopeOptions scope;

        @Override
        void run() {
            Set<PinScope> done = host().removeDevice(vm, id, scope.scopes());
            applied(done, "removed", "Removed " + id + " from VM '" + vm + "'");
        }
    }

    static NewDevice.Kind kind(String word) {
        try {
            return NewDevice.Kind.valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException("'" + org.duovirt.core.model.DeviceInputs.printable(word)
                    + "' is not a kind of device this command adds: use serial, rng, display or tpm.");
        }
    }
}
