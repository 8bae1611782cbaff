package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.duovirt.core.spi.ConnectOptions;
import org.junit.jupiter.api.Test;

class KvmUriPolicyTest {
    private static java.util.List<String> strict(String uri) {
        return KvmUriPolicy.problems(URI.create(uri), ConnectOptions.STRICT);
    }

    @Test
    void theUsualUrisPass() {
        assertThat(strict("qemu:///system")).isEmpty();
        assertThat(strict("qemu+ssh://root@host/system?keyfile=/root/.ssh/id_ed25519&no_tty=1")).isEmpty();
        assertThat(strict("qemu+tls://host/system?pkipath=/etc/pki/libvirt")).isEmpty();
        assertThat(strict("test:///default")).isEmpty();
    }

    @Test
    void programsAndSwitchedOffChecksNeedTheDialogsConfirmation() {
        for (String uri : new String[] {"qemu+ext:///system?command=/bin/x", "qemu+ssh://h/system?command=/bin/x",
                "qemu+ssh://h/system?netcat=/bin/x", "qemu+tls://h/system?no_verify=1",
                "qemu+libssh2://h/system?known_hosts_verify=ignore"}) {
            assertThat(strict(uri)).as(uri).hasSize(1);
            assertThat(KvmUriPolicy.problems(URI.create(uri), ConnectOptions.PROGRAMS_CONFIRMED)).as(uri).isEmpty();
        }
    }

    @Test
    void parametersOutsideTheTransportsListAreRefusedEvenWhenConfirmed() {
        assertThat(KvmUriPolicy.problems(URI.create("qemu:///system?keyfile=/k"), ConnectOptions.PROGRAMS_CONFIRMED))
                .singleElement().asString().contains("'keyfile'").contains("local connections");
        assertThat(strict("qemu+tcp://h/system?sshauth=agent")).hasSize(1);
    }

    @Test
    void passwordsAndUnreadableFilesAreRefusedAndNoMessageShowsThePassword() {
        var problems = strict("qemu+ssh://root:pw123@h/system?known_hosts=/dev/zero&keyfile=key");
        assertThat(problems).hasSize(3);
        assertThat(String.join(" ", problems)).doesNotContain("pw123").contains("root:***@h");
    }
}
