package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.HardwareItem;
import org.duovirt.core.model.NewDevice;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Serial ports, RNGs and displays added and removed on a real libvirtd (qemu:///system, TCG), as virsh sees them:
 * on a shut-off VM into the saved definition (a display's password survives the rewrite); on a running one the RNG
 * live and saved, a serial port saved only, and "live only" for a serial port refused in one sentence; and the CPU model
 * of the saved definition changed to a named model, back to the default, an unknown one refused. Only domains
 * named {@value #PREFIX}* are touched.
 */
class ExtraDevicesIT {
    static final String PREFIX = "lead-xdev-";
    private static final String OFF = PREFIX + "off";
    private static final String ON = PREFIX + "on";
    private static HostConnection host;

    @BeforeAll
    static void create() {
        LiveHost.cleanUp(PREFIX);
        host = Backends.installed().connect(LiveHost.URI);
        for (String n : new String[] {OFF, ON}) {
            LiveHost.defineTiny(host, n);
        }
    }

    @AfterAll
    static void close() {
        if (host != null) {
            host.close();
        }
        LiveHost.cleanUp(PREFIX);
    }

    private static int count(String xml, String regex) {
        Matcher m = Pattern.compile(regex).matcher(xml);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String saved(String vm) {
        return LiveHost.virsh("dumpxml", "--inactive", "--security-info", vm);
    }

    private static String spiceId(String vm) {
        return host.hardware(vm).items().stream().filter(i -> "spice".equals(i.value("type"))).findFirst().orElseThrow().id();
    }

    private static String idOf(String vm, HardwareItem.Kind kind, int nth) {
        return host.hardware(vm).items().stream().filter(i -> i.kind() == kind).skip(nth).findFirst().orElseThrow().id();
    }

    @Test
    void onAShutOffVmEachGoesIntoTheSavedDefinitionAndComesOutAgain() {
        int serialsBefore = count(saved(OFF), "<serial type='pty'>");
        assertThat(host.addDevice(OFF, new NewDevice(NewDevice.Kind.RNG, "/dev/random"), PinScope.both())).containsExactly(PinScope.CONFIG);
        assertThat(host.addDevice(OFF, NewDevice.of(NewDevice.Kind.SERIAL), PinScope.both())).containsExactly(PinScope.CONFIG);
        assertThat(saved(OFF)).contains("<backend model='random'>/dev/random</backend>");
        assertThat(count(saved(OFF), "<serial type='pty'>")).isEqualTo(serialsBefore + 1);

        // A display with a password: the rewrite of the definition for the next device keeps it.
        host.addDevice(OFF, new NewDevice(NewDevice.Kind.DISPLAY, "vnc"), PinScope.both());
        String withVnc = saved(OFF).replace("<graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1'>",
                "<graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1' passwd='s3cret'>");
        java.nio.file.Path file = write(withVnc);
        LiveHost.virsh("define", file.toString());
        host.addDevice(OFF, new NewDevice(NewDevice.Kind.DISPLAY, "spice"), PinScope.both());
        assertThat(saved(OFF)).contains("passwd='s3cret'").contains("<graphics type='spice' autoport='yes' listen='127.0.0.1'>");

        host.removeDevice(OFF, idOf(OFF, HardwareItem.Kind.RNG, 0), PinScope.both());
        host.removeDevice(OFF, spiceId(OFF), PinScope.both());
        assertThat(saved(OFF)).doesNotContain("<rng").doesNotContain("<graphics type='spice'").contains("passwd='s3cret'");
        host.removeDevice(OFF, idOf(OFF, HardwareItem.Kind.SERIAL, serialsBefore), PinScope.both());
        assertThat(count(saved(OFF), "<serial type='pty'>")).isEqualTo(serialsBefore);

        assertThatThrownBy(() -> host.removeDevice(OFF, "disk0", PinScope.both())).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("is not a serial port, RNG, display or TPM");
        assertThatThrownBy(() -> host.removeDevice(OFF, "rng99", PinScope.both())).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("has no device rng99");
    }

    @Test
    void onARunningVmTheRngIsPluggedLiveAndASerialPortWaitsForTheNextStart() {
        host.start(ON);
        try {
            assertThat(host.addDevice(ON, NewDevice.of(NewDevice.Kind.RNG), PinScope.both()))
                    .containsExactlyInAnyOrder(PinScope.LIVE, PinScope.CONFIG);
            assertThat(LiveHost.virsh("dumpxml", ON)).contains("<backend model='random'>/dev/urandom</backend>");
            assertThat(saved(ON)).contains("<backend model='random'>/dev/urandom</backend>");

            int liveSerials = count(LiveHost.virsh("dumpxml", ON), "<serial type='pty'>");
            assertThat(host.addDevice(ON, NewDevice.of(NewDevice.Kind.SERIAL), PinScope.both())).containsExactly(PinScope.CONFIG);
            assertThat(count(LiveHost.virsh("dumpxml", ON), "<serial type='pty'>")).isEqualTo(liveSerials);
            assertThat(count(saved(ON), "<serial type='pty'>")).isEqualTo(liveSerials + 1);
            assertThatThrownBy(() -> host.addDevice(ON, NewDevice.of(NewDevice.Kind.DISPLAY), Set.of(PinScope.LIVE)))
                    .isInstanceOf(InvalidSpecException.class).hasMessageContaining("QEMU cannot plug a display (vnc) into the running VM");

            assertThat(host.removeDevice(ON, idOf(ON, HardwareItem.Kind.RNG, 0), PinScope.both()))
                    .containsExactlyInAnyOrder(PinScope.LIVE, PinScope.CONFIG);
            LiveHost.await("the RNG unplugged", Duration.ofSeconds(60), () -> !LiveHost.virsh("dumpxml", ON).contains("<rng"));
            assertThat(saved(ON)).doesNotContain("<rng");
        } finally {
            host.destroy(ON);
        }
    }

    @Test
    void theCpuModelOfTheSavedDefinitionChangesToANamedModelAModeOrTheDefault() {
        host.setCpuModel(OFF, "qemu64");
        assertThat(saved(OFF)).contains("<model fallback='forbid'>qemu64</model>");
        assertThat(host.hardware(OFF).cpuModel()).isEqualTo("qemu64");
        var models = host.cpuModels(VirtMode.QEMU);
        var other = models.stream().filter(m -> m.available() && !m.name().startsWith("host-") && !m.name().equals("qemu64"))
                .findFirst().orElseThrow();
        host.setCpuModel(OFF, other.name());
        assertThat(saved(OFF)).contains("<model fallback='forbid'>" + other.name() + "</model>").doesNotContain("qemu64");
        host.setCpuModel(OFF, "default");
        // libvirt writes its own default back in (qemu64 under TCG): the named model is what must be gone
        assertThat(saved(OFF)).doesNotContain(">" + other.name() + "<");
        assertThatThrownBy(() -> host.setCpuModel(OFF, "no-such-cpu'/><x"))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("offers no CPU model 'no-such-cpu'/><x'");
        var unavailable = models.stream().filter(m -> !m.available()).findFirst();
        unavailable.ifPresent(m -> assertThatThrownBy(() -> host.setCpuModel(OFF, m.name())).hasMessage(m.reason()));
    }

    private static java.nio.file.Path write(String xml) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("xdev", ".xml");
            java.nio.file.Files.writeString(file, xml);
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
