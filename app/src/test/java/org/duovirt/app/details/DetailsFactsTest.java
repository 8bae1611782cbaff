package org.duovirt.app.details;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duovirt.app.host.HostSession;
import org.duovirt.core.model.ConsoleInfo;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmDetails;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.junit.jupiter.api.Test;

/** The overview's console lines name each console once, in words, with where it is. */
class DetailsFactsTest {
    @Test
    void eachConsoleIsNamedOnceInWordsWithWhereItIs() {
        HostSession host = MixedFixture.connect();
        try {
            VmDetails details = new VmDetails(new VmSummary("c", "u", VmState.RUNNING, 1, 1, 1, 131072, 131072), "hvm",
                    VirtMode.QEMU, "x86_64", false, List.of(), List.of(), List.of(
                            new ConsoleInfo(ConsoleInfo.Kind.SERIAL, "/dev/pts/3"),
                            new ConsoleInfo(ConsoleInfo.Kind.SERIAL, null),
                            new ConsoleInfo(ConsoleInfo.Kind.PV_CONSOLE, "virtio /dev/pts/4"),
                            new ConsoleInfo(ConsoleInfo.Kind.VNC, "127.0.0.1:5900")));
            List<String> consoles = DetailsFacts.of(details, host, "KVM").stream()
                    .filter(f -> f[0].equals("Console")).map(f -> f[1]).toList();
            assertThat(consoles).containsExactly("Serial · /dev/pts/3", "Serial", "Paravirtual console · virtio /dev/pts/4",
                    "VNC display · 127.0.0.1:5900");
        } finally {
            host.close();
        }
    }
}
