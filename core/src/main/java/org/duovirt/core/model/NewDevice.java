package org.duovirt.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duovirt.core.error.InvalidSpecException;

/**
 * A device the hardware list's Add page (and {@code duovirt add-device}) makes besides disks and NICs: a serial
 * port on a pseudo-terminal, a virtio random-number generator fed by the host, a graphical display, or an emulated
 * TPM 2.0 (where the host offers one: {@link org.duovirt.core.spi.HostConnection#deviceChoices}).
 *
 * @param kind which device
 * @param type its one choice: {@code pty} for a serial port; the host's entropy source for an RNG; {@code vnc}
 *             or {@code spice} for a display (listening on the host's loopback only); the TPM's interface model,
 *             {@code tpm-crb} or {@code tpm-tis}
 */
public record NewDevice(Kind kind, String type) {
    /** The kinds this record makes. */
    public enum Kind { SERIAL, RNG, DISPLAY, TPM }

    /** Each kind's choices, the first being the default. */
    public static final Map<Kind, List<String>> TYPES = Map.of(
            Kind.SERIAL, List.of("pty"),
            Kind.RNG, List.of("/dev/urandom", "/dev/random"),
            Kind.DISPLAY, List.of("vnc", "spice"),
            Kind.TPM, List.of("tpm-crb", "tpm-tis"));

    public NewDevice {
        if (kind == null) {
            throw new InvalidSpecException("Say which device to add: a serial port, an RNG, a display or a TPM.");
        }
        String chosen = type == null || type.isBlank() ? TYPES.get(kind).get(0) : type.strip().toLowerCase(Locale.ROOT);
        if (!TYPES.get(kind).contains(chosen)) {
            throw new InvalidSpecException("'" + DeviceInputs.printable(type) + "' is not a choice for " + words(kind)
                    + ": use " + String.join(" or ", TYPES.get(kind)) + ".");
        }
        type = chosen;
    }

    /** The kind's default choice. */
    public static NewDevice of(Kind kind) {
        return new NewDevice(kind, null);
    }

    /** What it is, in words for a sentence: "a serial port (pty)". */
    public String describe() {
        return words(kind) + " (" + type + ")";
    }

    private static String words(Kind kind) {
        return switch (kind) {
            case SERIAL -> "a serial port";
            case RNG -> "a random-number generator";
            case DISPLAY -> "a display";
            case TPM -> "a TPM";
        };
    }
}
