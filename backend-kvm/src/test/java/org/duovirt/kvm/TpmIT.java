package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.DeviceChoices;
import org.duovirt.core.model.HardwareItem;
import org.duovirt.core.model.NewDevice;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An emulated TPM 2.0 on the real libvirtd (qemu:///system, TCG), where bin/setup installed swtpm: offered by the
 * domain capabilities, added to a shut-off tiny guest's saved definition, the guest started with it (libvirt runs
 * swtpm for it, seen in the process list with the VM's state directory), a second one refused, and removed again
 * (the state directory stays until the VM is deleted).
 * Only domains named {@value #PREFIX}* are touched.
 */
class TpmIT {
    static final String PREFIX = "kvmhw-tpm-";
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

    /** The swtpm processes whose state directory is this VM's (libvirt keeps it under its UUID). */
    private static long swtpmsOf(String uuid) {
        return LiveHost.run(java.util.List.of("ps", "-eo", "args")).lines()
                .filter(l -> l.startsWith("/usr/bin/swtpm socket") && l.contains("/" + uuid + "/")).count();
    }

    @Test
    void aTpmIsOfferedAddedStartedWithSwtpmRefusedTwiceAndRemoved() {
        DeviceChoices offered = host.deviceChoices(VM, NewDevice.Kind.TPM);
        assertThat(offered.unavailable()).as("bin/setup installs swtpm, so libvirt offers its emulator").isNull();
        assertThat(offered.types()).contains("tpm-crb");

        assertThat(host.addDevice(VM, NewDevice.of(NewDevice.Kind.TPM), PinScope.both())).containsExactly(PinScope.CONFIG);
        assertThat(saved()).contains("<tpm model='tpm-crb'>").contains("<backend type='emulator' version='2.0'");
        assertThat(host.deviceChoices(VM, NewDevice.Kind.TPM).unavailable()).contains("has a TPM already");
        assertThatThrownBy(() -> host.addDevice(VM, new NewDevice(NewDevice.Kind.TPM, "tpm-tis"), PinScope.both()))
                .isInstanceOf(InvalidSpecException.class).hasMessage("VM '" + VM + "' cannot have a TPM: "
                        + "The VM has a TPM already; remove it first to add another.");

        String uuid = LiveHost.virsh("domuuid", VM).strip();
        host.start(VM);
        try {
            assertThat(LiveHost.virsh("dumpxml", VM)).contains("<tpm model='tpm-crb'>");
            LiveHost.await("libvirt runs swtpm for the VM", Duration.ofSeconds(60), () -> swtpmsOf(uuid) == 1);
            String id = host.hardware(VM).items().stream().filter(i -> i.kind() == HardwareItem.Kind.TPM).findFirst().orElseThrow().id();
            // QEMU cannot unplug a TPM: the running VM keeps it, the saved definition loses it.
            assertThat(host.removeDevice(VM, id, PinScope.both())).containsExactly(PinScope.CONFIG);
            assertThat(saved()).doesNotContain("<tpm");
            assertThat(LiveHost.virsh("dumpxml", VM)).contains("<tpm model='tpm-crb'>");
        } finally {
            host.destroy(VM);
        }
        LiveHost.await("swtpm ends with the VM", Duration.ofSeconds(60), () -> swtpmsOf(uuid) == 0);
        // libvirt keeps the TPM's state (its keys) until the VM itself is deleted, as the removal question says
        assertThat(java.nio.file.Path.of("/var/lib/libvirt/swtpm", uuid)).exists();
        assertThat(host.deviceChoices(VM, NewDevice.Kind.TPM).available()).isTrue();
        assertThatThrownBy(() -> host.removeDevice(VM, "tpm99", PinScope.both())).hasMessageContaining("has no device tpm99");
    }
}
