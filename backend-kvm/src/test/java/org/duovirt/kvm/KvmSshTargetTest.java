package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.ssh.SshTarget;
import org.junit.jupiter.api.Test;

/** How a qemu+ssh URI becomes the login of Duovirt's own SSH session, read as libvirt reads it. */
class KvmSshTargetTest {
    @Test
    void userHostPortKeyfileAndKnownHostsComeFromTheUri() {
        SshTarget t = KvmSshTarget.of(URI.create("qemu+ssh://admin@10.0.0.5:2222/system?keyfile=/k/id&known_hosts=/k/kh&no_tty=1"));
        assertThat(t).isEqualTo(new SshTarget("admin", "10.0.0.5", 2222, Path.of("/k/id"), Path.of("/k/kh")));
        assertThat(t.knownHostsName()).isEqualTo("[10.0.0.5]:2222");
    }

    @Test
    void withoutThemItIsThisUserOnPort22WithTheUsersKnownHostsAndAgent() {
        SshTarget t = KvmSshTarget.of(URI.create("qemu+libssh2://kvmhost/system"));
        assertThat(t.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(t.port()).isEqualTo(22);
        assertThat(t.keyFile()).isNull();
        assertThat(t.knownHosts()).isEqualTo(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
    }

    @Test
    void parametersThatSkipTheHostKeyCheckAreRefusedInOneSentence() {
        for (String weak : new String[] {"no_verify=1", "known_hosts_verify=ignore", "known_hosts_verify=auto"}) {
            assertThatThrownBy(() -> KvmSshTarget.of(URI.create("qemu+ssh://root@h/system?" + weak)))
                    .isInstanceOf(DuovirtException.class)
                    .satisfies(e -> assertThat(((DuovirtException) e).userMessage())
                            .startsWith("Duovirt checks the SSH host key of h strictly for the graphical console, so it refuses "
                                    + "'qemu+ssh://root@h/system?" + weak + "', whose " + weak + " would skip that check."));
        }
        assertThat(KvmSshTarget.of(URI.create("qemu+ssh://root@h/system?no_verify=0&known_hosts_verify=normal")).host())
                .isEqualTo("h");
    }

    @Test
    void aRelativeKeyFileAUserLikeAnOptionAndNonSshUrisAreRefused() {
        assertThatThrownBy(() -> KvmSshTarget.of(URI.create("qemu+ssh://root@h/system?keyfile=id_rsa")))
                .hasMessageContaining("must be an absolute path");
        assertThatThrownBy(() -> KvmSshTarget.of(URI.create("qemu+ssh://-oProxyCommand=x@h/system")))
                .hasMessageContaining("starts with '-'");
        assertThatThrownBy(() -> KvmSshTarget.of(URI.create("qemu+tls://h/system")))
                .hasMessageContaining("does not reach its host over SSH");
        assertThat(KvmSshTarget.isSsh(URI.create("qemu+libssh://h/system"))).isTrue();
        assertThat(KvmSshTarget.isSsh(URI.create("qemu:///system"))).isFalse();
    }
}
