package org.duovirt.core.model;

import java.util.List;

/**
 * What a host offers for adding a device of one kind to a VM: the choices of {@link NewDevice#TYPES} it supports,
 * in the order to offer them (the first is the default), or one sentence why it offers none.
 *
 * @param types       the choices the host supports; empty when none
 * @param unavailable why none can be added (e.g. no TPM emulator on the host), or null when {@code types} has some
 */
public record DeviceChoices(List<String> types, String unavailable) {
    public DeviceChoices {
        types = List.copyOf(types);
        if (types.isEmpty() == (unavailable == null)) {
            throw new IllegalArgumentException("Either choices or a reason, not both or neither.");
        }
    }

    /** Every choice of the kind. */
    public static DeviceChoices all(NewDevice.Kind kind) {
        return new DeviceChoices(NewDevice.TYPES.get(kind), null);
    }

    /** None, for this reason. */
    public static DeviceChoices none(String reason) {
        return new DeviceChoices(List.of(), reason);
    }

    /** Whether the host offers any. */
    public boolean available() {
        return unavailable == null;
    }
}
